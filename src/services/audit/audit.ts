import { newId } from '../../ids.ts';
import { type AuditRecord, insertAudit, listAudit } from '../../store/audit.repository.ts';
import type { ServiceContext } from '../context.ts';

/** The audit trail, newest first, a page at a time (GET /api/audit). */
export async function listAuditPage(ctx: ServiceContext, q: { limit: number; cursor?: string | undefined }) {
  const rows = await listAudit(ctx.db, { limit: q.limit + 1, before: q.cursor });
  const items = rows.slice(0, q.limit).map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
  return { items, nextCursor: rows.length > q.limit ? items[items.length - 1]?.id : undefined };
}

/** Writes one audit record now, stamped with a new id and the context's clock. */
export function recordAudit(ctx: ServiceContext, entry: Omit<AuditRecord, 'id' | 'at'>): Promise<void> {
  return insertAudit(ctx.db, { id: newId(), at: ctx.now(), ...entry });
}
