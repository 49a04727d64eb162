import type { LiveEvent } from '../../src/live/bus.ts';
import type { Store } from '../../src/store/database.ts';

/** Who has been told what: inbox rows and live pushes, named by fixture username. */
export function toldHelpers(
  t: { store: Store; org: { users: Record<string, { id: string }> } },
  live: LiveEvent[],
) {
  const nameOf = (userId: string) =>
    Object.entries(t.org.users).find(([, u]) => u.id === userId)?.[0] ?? userId;

  return {
    /** Every inbox entry written at or after `since` (ms), as [user, kind], sorted by user then kind. */
    async told(since: number): Promise<[string, string][]> {
      const rows = await t.store.db
        .selectFrom('notifications')
        .select(['user_id', 'kind'])
        .where('created_at', '>=', since)
        .execute();
      return rows
        .map((r): [string, string] => [nameOf(r.user_id), r.kind])
        .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
    },
    /** The live `notification` events pushed since index `from` of `live`, as [user, kind], sorted likewise. */
    pushedSince(from: number): [string, string][] {
      return live
        .slice(from)
        .filter((e) => e.type === 'notification')
        .map((e): [string, string] => {
          const d = e.data as { userId: string; kind: string };
          return [nameOf(d.userId), d.kind];
        })
        .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
    },
  };
}
