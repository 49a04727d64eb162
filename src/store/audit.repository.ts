import { executeCompiled } from './compiled.ts';
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
  const rows = records.map((a) => ({
    id: a.id,
    at: a.at,
    user_id: a.userId,
    action: storable(a.action),
    target: a.target === null ? null : storable(a.target),
    status: a.status,
    ip: a.ip === null ? null : storable(a.ip),
    details: detailsJson(a.details),
  }));
  const [one] = rows;
  // A request's own record, one at a time: the same statement every time, compiled once.
  if (rows.length === 1 && one) {
    await executeCompiled(db, 'audit_log.insert', Object.values(one), () =>
      db.insertInto('audit_log').values(one),
    );
    return;
  }
  await db.insertInto('audit_log').values(rows).execute();
}

/** Corrects the status of records written before the answer was known (request-audit.ts). */
export async function updateAuditStatuses(
  db: Db,
  updates: readonly { id: string; status: number }[],
): Promise<void> {
  for (const u of updates)
    await db.updateTable('audit_log').set({ status: u.status }).where('id', '=', u.id).execute();
}

/** Lone UTF-16 surrogates: valid in a JS string, refused by PostgreSQL's JSON parser. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * What an attempt carried, in a form both databases store: every attempt is audited, whatever
 * its bytes (a NUL in a path id or a username is refused with 400, and recorded). PostgreSQL text
 * cannot hold U+0000: it is written as the six characters `\u0000`, so that it stays visible; a
 * lone surrogate becomes U+FFFD.
 */
function storable(text: string): string {
  const escaped = text.includes('\0') ? text.replaceAll('\0', '\\u0000') : text;
  return escaped.replace(LONE_SURROGATE, '\uFFFD');
}

function detailsJson(details: unknown): string | null {
  const plain = toJson(details);
  // Without any "\u" in the JSON there is no NUL or lone surrogate to fix.
  if (plain === null || !plain.includes('\\u')) return plain;
  return JSON.stringify(details, (_key, value) => (typeof value === 'string' ? storable(value) : value));
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
