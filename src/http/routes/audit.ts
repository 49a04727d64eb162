import { Type } from 'typebox';
import { listAuditPage } from '../../services/audit/index.ts';
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
    async (request) => listAuditPage(p.ctx, request.query),
  );
}
