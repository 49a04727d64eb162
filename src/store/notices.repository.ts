import type { ExpressionBuilder } from 'kysely';
import type { NoticeVisibility } from '../domain/auth/scope.ts';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';
import { unitPathUnder } from './scope.ts';

/** A notice to residents with the grids and communities it is for. */
export interface NoticeRecord {
  id: string;
  title: string;
  body: string;
  gridIds: string[];
  communityIds: string[];
  validFrom: number;
  validTo: number;
  orderId: string | null;
  authorUserId: string;
  authorUnitId: string;
  createdAt: number;
}

/** Stores a notice and its places, in the caller's transaction. */
export async function insertNotice(db: Db, n: NoticeRecord): Promise<void> {
  await db
    .insertInto('notices')
    .values({
      id: n.id,
      title: n.title,
      body: n.body,
      valid_from: n.validFrom,
      valid_to: n.validTo,
      order_id: n.orderId,
      author_user_id: n.authorUserId,
      author_unit_id: n.authorUnitId,
      created_at: n.createdAt,
    })
    .execute();
  const places = [
    ...n.gridIds.map((unit_id) => ({ notice_id: n.id, unit_id, unit_kind: 'grid' })),
    ...n.communityIds.map((unit_id) => ({ notice_id: n.id, unit_id, unit_kind: 'community' })),
  ];
  if (places.length > 0) await db.insertInto('notice_units').values(places).execute();
}

/** The SQL form of NoticeVisibility (src/domain/auth/scope.ts) for the notice row `notices`, other than 'all'. */
function visibleTo(visibility: Exclude<NoticeVisibility, { kind: 'all' }>, now: number) {
  return (eb: ExpressionBuilder<Database, 'notices'>) => {
    const covering = visibility.coveringUnitIds.length > 0 ? visibility.coveringUnitIds : [''];
    const places = eb
      .selectFrom('notice_units')
      .innerJoin('units', 'units.id', 'notice_units.unit_id')
      .select('notice_units.unit_id')
      .whereRef('notice_units.notice_id', '=', 'notices.id');
    if (visibility.kind === 'resident') {
      return eb.and([
        eb.exists(places.where('notice_units.unit_id', 'in', covering)),
        eb('notices.valid_from', '<=', now),
        eb('notices.valid_to', '>', now),
      ]);
    }
    return eb.exists(
      places.where((w) =>
        w.or([unitPathUnder('units.path', visibility.unitPath), w('notice_units.unit_id', 'in', covering)]),
      ),
    );
  };
}

async function placesOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { grids: string[]; communities: string[] }>();
  const rows = await db
    .selectFrom('notice_units')
    .select(['notice_id', 'unit_id', 'unit_kind'])
    .where('notice_id', 'in', [...ids])
    .orderBy('notice_id')
    .orderBy('unit_id')
    .execute();
  const places = new Map(ids.map((id) => [id, { grids: [] as string[], communities: [] as string[] }]));
  for (const r of rows) {
    const p = places.get(r.notice_id);
    if (p) (r.unit_kind === 'grid' ? p.grids : p.communities).push(r.unit_id);
  }
  return places;
}

/** Notices the visibility lets through, newest first, keyset-paged on (createdAt, id). */
export async function listNotices(
  db: Db,
  visibility: NoticeVisibility,
  page: { now: number; limit: number; before?: { createdAt: number; id: string }; id?: string },
): Promise<{ items: NoticeRecord[]; more: boolean }> {
  let q = db.selectFrom('notices').selectAll('notices');
  if (visibility.kind !== 'all') q = q.where(visibleTo(visibility, page.now));
  if (page.id !== undefined) q = q.where('notices.id', '=', page.id);
  if (page.before) {
    const { createdAt, id } = page.before;
    q = q.where((eb) =>
      eb.or([
        eb('notices.created_at', '<', createdAt),
        eb.and([eb('notices.created_at', '=', createdAt), eb('notices.id', '<', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('notices.created_at', 'desc')
    .orderBy('notices.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const kept = rows.slice(0, page.limit);
  const places = await placesOf(
    db,
    kept.map((r) => r.id),
  );
  return {
    items: kept.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      gridIds: places.get(r.id)?.grids ?? [],
      communityIds: places.get(r.id)?.communities ?? [],
      validFrom: Number(r.valid_from),
      validTo: Number(r.valid_to),
      orderId: r.order_id,
      authorUserId: r.author_user_id,
      authorUnitId: r.author_unit_id,
      createdAt: Number(r.created_at),
    })),
    more: rows.length > page.limit,
  };
}

/** One notice the visibility lets through, or undefined (an unseen notice counts as none). */
export async function findVisibleNotice(
  db: Db,
  visibility: NoticeVisibility,
  id: string,
  now: number,
): Promise<NoticeRecord | undefined> {
  return (await listNotices(db, visibility, { now, limit: 1, id })).items[0];
}
