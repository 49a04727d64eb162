import { Type } from 'typebox';
import { POSITION_READERS } from '../../domain/auth/roles.ts';
import { listLatestPositions, listTrackPage } from '../../services/devices/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';

/** Tracks and latest positions, scoped like the devices they belong to. */
export async function positionRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/positions',
    {
      config: { access: POSITION_READERS },
      schema: {
        tags: ['positions'],
        summary: "A device's positions between two instants, oldest first (at most 31 days)",
        querystring: Type.Object({
          deviceId: Type.String({ minLength: 1, maxLength: 64 }),
          from: Type.String({ format: 'date-time' }),
          to: Type.String({ format: 'date-time' }),
          limit: Type.Integer({ minimum: 1, maximum: 100_000, default: 50_000 }),
        }),
      },
    },
    async (request) =>
      listTrackPage(p.ctx, principal(request), {
        deviceId: request.query.deviceId,
        from: Date.parse(request.query.from),
        to: Date.parse(request.query.to),
        limit: request.query.limit,
      }),
  );

  app.get(
    '/api/positions/latest',
    {
      config: { access: POSITION_READERS },
      schema: { tags: ['positions'], summary: 'The latest position of every device in your scope' },
    },
    async (request) => listLatestPositions(p.ctx, principal(request)),
  );
}
