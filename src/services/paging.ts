import { fail } from '../errors/catalogue.ts';

// Lists paged newest first by (an instant, id) whose cursor is the last row's `instant~id`: the
// alerts' (by started_at) and the unloads' (by at). The repository is asked for limit + 1 rows,
// so that the extra one tells whether there is a next page.

/** The position a cursor of `instantPage` holds, under the name the repository's `after` takes. */
export function parseInstantCursor<K extends string>(
  cursor: string,
  key: K,
): { [P in K]: number } & { id: string } {
  const m = /^(\d+)~(.+)$/.exec(cursor);
  if (!m)
    fail('VALIDATION_FAILED', 'cursor is not one this list gave: pass nextCursor as it came', {
      field: 'cursor',
    });
  return { [key]: Number(m[1]), id: m[2] as string } as { [P in K]: number } & { id: string };
}

/** The first `limit` of `rows` (fetched with limit + 1) as views, and the cursor after them if there are more. */
export function instantPage<T extends { id: string }, V>(
  rows: readonly T[],
  limit: number,
  instantOf: (row: T) => number,
  view: (row: T) => V,
): { items: V[]; nextCursor?: string } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(view),
    ...(rows.length > limit && last ? { nextCursor: `${instantOf(last)}~${last.id}` } : {}),
  };
}
