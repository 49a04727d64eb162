import type { Db } from './database.ts';
import { parseJson, toJson } from './dialect/json.ts';

export interface AuditRecord {
  id: string;
  at: number;
  userId: string | null;
  action: string;
  target: string | null;
  status: number;
  ip: string | null;
  details: unknown | null;
}

export async function insertAudit(db: Db, a: AuditRecord): Promise<void> {
  await insertAudits(db, [a]);
}

/** Several audit records in one statement (the audit plugin batches them into one commit). */
export async function insertAudits(db: Db, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      records.map((a) => ({
        id: a.id,
        at: a.at,
        user_id: a.userId,
        action: a.action,
        target: a.target,
        status: a.status,
        ip: a.ip,
        details: toJson(a.details),
      })),
    )
    .execute();
}

/** Newest first; `before` pages by id (ids are time-ordered). */
export async function listAudit(db: Db, opts: { limit: number; before?: string }): Promise<AuditRecord[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (opts.before) q = q.where('id', '<', opts.before);
  const rows = await q.orderBy('id', 'desc').limit(opts.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    action: r.action,
    target: r.target,
    status: r.status,
    ip: r.ip,
    details: parseJson(r.details),
  }));
}
