import type { FieldCheckAssetView, FieldCheckView } from '../../api/index.ts';
import {
  DEFAULT_FIELD_CHECK_RADIUS_M,
  fieldCheckWindow,
  type TrackReach,
  trackReach,
} from '../../domain/fieldcheck/index.ts';
import type { FieldCheckSummary } from '../../domain/workorder/actions.ts';
import { type FieldCheckKey, findFieldCheck, saveFieldCheck } from '../../store/field-checks.repository.ts';
import { listOrderEvents } from '../../store/order-events.repository.ts';
import type { OrderRecord } from '../../store/orders.repository.ts';
import { listAssetTrack } from '../../store/positions.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { getVisibleOrderOrThrow } from '../scope/index.ts';
import { boatsOfOrder } from './sent.ts';

/** The most points of one boat's track the answer carries for the map. */
const MAX_TRACK_POINTS = 2000;

const iso = (t: number) => new Date(t).toISOString();
const isoOrNull = (t: number | null) => (t === null ? null : iso(t));

function thinned(points: [number, number][]): [number, number][] {
  if (points.length <= MAX_TRACK_POINTS) return points;
  const step = Math.ceil(points.length / MAX_TRACK_POINTS);
  const kept = points.filter((_, i) => i % step === 0);
  const last = points.at(-1);
  return last && kept.at(-1) !== last ? [...kept, last] : kept;
}

function reachView(r: TrackReach) {
  return {
    reached: r.reached,
    closestM: r.closestM,
    closestAt: isoOrNull(r.closestAt),
    firstWithinAt: isoOrNull(r.firstWithinAt),
    trackFrom: isoOrNull(r.trackFrom),
    trackTo: isoOrNull(r.trackTo),
  };
}

/**
 * Computes the field check of an order (no scope check: callers have one). A closed window's
 * answer (ended by a feedback) is read from the store, or computed once and stored, so the
 * positions are read once per order and radius; an open one (not fed back yet) runs to now.
 */
async function computeFieldCheck(
  ctx: ServiceContext,
  record: OrderRecord,
  radiusM: number,
): Promise<FieldCheckView> {
  const window = fieldCheckWindow(await listOrderEvents(ctx.db, record.id));
  const base = { orderId: record.id, lat: record.lat, lon: record.lon, radiusM };
  if (!window) return { ...base, from: null, to: null, closed: false, reached: false, assets: [] };
  const key: FieldCheckKey | null =
    window.to === null ? null : { orderId: record.id, from: window.from, to: window.to, radiusM };
  if (key) {
    const stored = await findFieldCheck<FieldCheckView>(ctx.db, key);
    if (stored) return stored;
  }
  const now = ctx.now();
  const to = window.to ?? Math.max(now, window.from);
  const boats = await boatsOfOrder(ctx, record.state);
  const assets: FieldCheckAssetView[] = [];
  for (const asset of boats.assets) {
    const rows = await listAssetTrack(ctx.db, asset.id, window.from, to);
    const fixes = rows.map((r) => ({ time: r.time, lat: r.lat, lon: r.lon, valid: r.valid }));
    const reach = trackReach(record, fixes, window.from, to, radiusM);
    const usable = fixes.filter((f) => f.valid && !(f.lat === 0 && f.lon === 0));
    assets.push({
      assetId: asset.id,
      code: asset.code,
      name: asset.name,
      assigned: boats.assigned,
      ...reachView(reach),
      track: thinned(usable.map((f) => [f.lon, f.lat])),
    });
  }
  const answer: FieldCheckView = {
    ...base,
    from: iso(window.from),
    to: iso(to),
    closed: window.to !== null,
    reached: assets.some((a) => a.reached),
    assets,
  };
  if (key) await writeTransaction(ctx.db, [], (trx) => saveFieldCheck(trx, key, answer, now));
  return answer;
}

/** The field check of an order the caller may see (ORDER_NOT_FOUND otherwise), at a radius (default 30 m). */
export async function fieldCheckFor(
  ctx: ServiceContext,
  who: Principal,
  orderId: string,
  radiusM: number = DEFAULT_FIELD_CHECK_RADIUS_M,
): Promise<FieldCheckView> {
  const record = await getVisibleOrderOrThrow(ctx, who, orderId);
  return computeFieldCheck(ctx, record, radiusM);
}

/**
 * What a verify records of the field check at the default radius: whether a boat reached the
 * point and the closest any came; undefined when the order had no boat to check.
 */
export async function fieldCheckSummaryOf(
  ctx: ServiceContext,
  record: OrderRecord,
): Promise<FieldCheckSummary | undefined> {
  const check = await computeFieldCheck(ctx, record, DEFAULT_FIELD_CHECK_RADIUS_M);
  if (check.assets.length === 0) return undefined;
  const distances = check.assets.flatMap((a) => (a.closestM === null ? [] : [a.closestM]));
  return {
    reached: check.reached,
    closestM: distances.length > 0 ? Math.min(...distances) : null,
    radiusM: check.radiusM,
  };
}
