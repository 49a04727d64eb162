import { Type } from 'typebox';
import { listAudit } from '../../store/audit.repository.ts';
import type { App, Platform } from '../app-types.ts';

/** The audit trail of every change, newest first (admin, leader). */
export async function auditRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/audit',
    {
      config: { access: ['admin', 'leader'] },
      schema: {
        tags: ['platform'],
        summary: 'Audit records, newest first; page with cursor',
        querystring: Type.Object({
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
          cursor: Type.Optional(Type.String({ maxLength: 64 })),
        }),
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const rows = await listAudit(p.ctx.db, { limit: limit + 1, before: cursor });
      const items = rows.slice(0, limit).map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
      return { items, nextCursor: rows.length > limit ? items[items.length - 1]?.id : undefined };
    },
  );
}
