import { Type } from 'typebox';
import { POSITION_READERS } from '../../domain/auth/roles.ts';
import { fail } from '../../errors/catalogue.ts';
import { positionView } from '../../ingest/pipeline.ts';
import { getDeviceOrThrow, listVisibleDevices } from '../../services/devices/index.ts';
import { listLatest, listPositions } from '../../store/positions.repository.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';

const MAX_RANGE_MS = 31 * 86_400_000;

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
    async (request) => {
      const { deviceId, limit } = request.query;
      const from = Date.parse(request.query.from);
      const to = Date.parse(request.query.to);
      if (!(from <= to)) fail('TIME_RANGE_INVALID', '"from" must not be after "to"', { field: 'from' });
      if (to - from > MAX_RANGE_MS)
        fail('TIME_RANGE_INVALID', 'ask for at most 31 days at a time', { field: 'to' });
      await getDeviceOrThrow(p.ctx, principal(request), deviceId);
      const rows = await listPositions(p.ctx.db, deviceId, from, to, limit + 1);
      const items = rows.slice(0, limit).map(positionView);
      const last = rows[limit - 1];
      return {
        items,
        ...(rows.length > limit && last && { nextFrom: new Date(last.time + 1).toISOString() }),
      };
    },
  );

  app.get(
    '/api/positions/latest',
    {
      config: { access: POSITION_READERS },
      schema: { tags: ['positions'], summary: 'The latest position of every device in your scope' },
    },
    async (request) => {
      const devices = await listVisibleDevices(p.ctx, principal(request), {});
      const latest = await listLatest(
        p.ctx.db,
        devices.map((d) => d.id),
      );
      return { items: latest.map(positionView) };
    },
  );
}
