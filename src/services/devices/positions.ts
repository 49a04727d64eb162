import { fail } from '../../errors/catalogue.ts';
import { positionView } from '../../ingest/pipeline.ts';
import { listLatest, listPositions } from '../../store/positions.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { deviceView, getDeviceOrThrow, listVisibleDevices } from './devices.ts';

/** The longest span one track request may ask for. */
const MAX_RANGE_MS = 31 * 86_400_000;

/** Devices in the caller's scope, each with its status and last position (GET /api/devices). */
export async function listDeviceViews(ctx: ServiceContext, who: Principal, filter: { assetId?: string }) {
  const devices = await listVisibleDevices(ctx, who, filter);
  const latest = new Map(
    (
      await listLatest(
        ctx.db,
        devices.map((d) => d.id),
      )
    ).map((l) => [l.deviceId, l]),
  );
  const items = await Promise.all(devices.map((d) => deviceView(ctx, d, latest.get(d.id) ?? null)));
  return { items, total: items.length };
}

/**
 * A device's positions between two instants, oldest first, at most `limit` of them; `nextFrom`
 * says where the next page starts. Scoped like the device (an unseen device is not found).
 */
export async function listTrackPage(
  ctx: ServiceContext,
  who: Principal,
  q: { deviceId: string; from: number; to: number; limit: number },
) {
  if (!(q.from <= q.to)) fail('TIME_RANGE_INVALID', '"from" must not be after "to"', { field: 'from' });
  if (q.to - q.from > MAX_RANGE_MS)
    fail('TIME_RANGE_INVALID', 'ask for at most 31 days at a time', { field: 'to' });
  await getDeviceOrThrow(ctx, who, q.deviceId);
  const rows = await listPositions(ctx.db, q.deviceId, q.from, q.to, q.limit + 1);
  const items = rows.slice(0, q.limit).map(positionView);
  const last = rows[q.limit - 1];
  return {
    items,
    ...(rows.length > q.limit && last && { nextFrom: new Date(last.time + 1).toISOString() }),
  };
}

/** The latest position of every device in the caller's scope. */
export async function listLatestPositions(ctx: ServiceContext, who: Principal) {
  const devices = await listVisibleDevices(ctx, who, {});
  const latest = await listLatest(
    ctx.db,
    devices.map((d) => d.id),
  );
  return { items: latest.map(positionView) };
}
