import type { Db } from './database.ts';
import { parseJson, toJson } from './dialect/json.ts';
import { unitPathUnder } from './scope.ts';

/** An issued report; `body` is the report exactly as issued. */
export interface IssuedReport {
  id: string;
  kind: string;
  week: string;
  unitId: string;
  issuedAt: number;
  issuedBy: string | null;
  body: unknown;
}

export async function insertReport(db: Db, r: IssuedReport): Promise<void> {
  await db
    .insertInto('reports')
    .values({
      id: r.id,
      kind: r.kind,
      week: r.week,
      unit_id: r.unitId,
      issued_at: r.issuedAt,
      issued_by: r.issuedBy,
      body: toJson(r.body) ?? '{}',
    })
    .execute();
}

export async function findReport(db: Db, id: string): Promise<IssuedReport | undefined> {
  const row = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  return row
    ? {
        id: row.id,
        kind: row.kind,
        week: row.week,
        unitId: row.unit_id,
        issuedAt: Number(row.issued_at),
        issuedBy: row.issued_by,
        body: parseJson(row.body),
      }
    : undefined;
}

/** Issued reports, newest first, without their bodies: of a kind, for units under a path, or one unit. */
export async function listReports(
  db: Db,
  filter: { kind: string; scopePath: string | null; unitId?: string; week?: string },
): Promise<Omit<IssuedReport, 'body'>[]> {
  let q = db
    .selectFrom('reports')
    .innerJoin('units', 'units.id', 'reports.unit_id')
    .select([
      'reports.id',
      'reports.kind',
      'reports.week',
      'reports.unit_id',
      'reports.issued_at',
      'reports.issued_by',
    ])
    .where('reports.kind', '=', filter.kind);
  if (filter.scopePath !== null) q = q.where(unitPathUnder('units.path', filter.scopePath));
  if (filter.unitId !== undefined) q = q.where('reports.unit_id', '=', filter.unitId);
  if (filter.week !== undefined) q = q.where('reports.week', '=', filter.week);
  const rows = await q.orderBy('reports.issued_at', 'desc').orderBy('reports.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    week: r.week,
    unitId: r.unit_id,
    issuedAt: Number(r.issued_at),
    issuedBy: r.issued_by,
  }));
}
