import type { OrderAssetsView } from '../../api/index.ts';
import type { AssetKind } from '../../domain/assets/kinds.ts';
import { approachOf, DEFAULT_FIELD_CHECK_RADIUS_M } from '../../domain/fieldcheck/index.ts';
import { IN_HAND_STATUSES } from '../../domain/workorder/states.ts';
import type { Asset } from '../../store/assets.repository.ts';
import { listDevices } from '../../store/devices.repository.ts';
import type { OrderRecord } from '../../store/orders.repository.ts';
import { listAssetTrack, listLatest } from '../../store/positions.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { getVisibleOrderOrThrow } from '../scope/index.ts';
import { boatsOfOrder } from './sent.ts';

/** How far back the recent speed looks: the approach's own span (domain/fieldcheck/approach.ts) and some. */
const RECENT_MS = 6 * 60_000;

const iso = (t: number) => new Date(t).toISOString();

async function latestFixOf(ctx: ServiceContext, asset: Asset) {
  const devices = await listDevices(ctx.db, { scopePath: null, assetId: asset.id });
  const latest = await listLatest(
    ctx.db,
    devices.map((d) => d.id),
  );
  return latest.filter((p) => p.valid).sort((a, b) => b.time - a.time)[0];
}

async function boatView(
  ctx: ServiceContext,
  record: OrderRecord,
  asset: Asset,
  assigned: boolean,
  live: boolean,
) {
  const base = {
    assetId: asset.id,
    code: asset.code,
    name: asset.name,
    kind: asset.kind as AssetKind,
    unitId: asset.unitId,
    assigned,
  };
  const latest = live ? await latestFixOf(ctx, asset) : undefined;
  if (!latest)
    return { ...base, position: null, distanceM: null, speedKmh: null, etaSeconds: null, etaAt: null };
  const rows = await listAssetTrack(ctx.db, asset.id, latest.time - RECENT_MS, latest.time);
  const recent = rows
    .filter((r) => r.valid)
    .map((r) => ({
      time: r.time,
      lat: r.lat,
      lon: r.lon,
      speedKmh: Number.isFinite(r.speed) ? r.speed : null,
    }));
  const now = ctx.now();
  const a = approachOf(
    record,
    recent.length > 0
      ? recent
      : [{ time: latest.time, lat: latest.lat, lon: latest.lon, speedKmh: latest.speed }],
    now,
    DEFAULT_FIELD_CHECK_RADIUS_M,
  );
  return {
    ...base,
    position: { lat: latest.lat, lon: latest.lon, at: iso(latest.time) },
    distanceM: a?.distanceM ?? null,
    speedKmh: a?.speedKmh ?? null,
    etaSeconds: a?.etaSeconds ?? null,
    etaAt: a?.etaSeconds == null ? null : iso(now + a.etaSeconds * 1000),
  };
}

/**
 * The boats on an order the caller may see (事中): those sent, or the handling unit's when none
 * were named; while the order is handled (dispatched, signed, handling), each with its latest
 * position, its distance to the order and an arrival estimate from its recent speed.
 */
export async function orderAssetsFor(
  ctx: ServiceContext,
  who: Principal,
  orderId: string,
): Promise<OrderAssetsView> {
  const record = await getVisibleOrderOrThrow(ctx, who, orderId);
  const handling = IN_HAND_STATUSES.includes(record.state.status);
  const boats = await boatsOfOrder(ctx, record.state);
  const items = [];
  for (const asset of boats.assets) items.push(await boatView(ctx, record, asset, boats.assigned, handling));
  return { handling, assigned: boats.assigned, radiusM: DEFAULT_FIELD_CHECK_RADIUS_M, items };
}
