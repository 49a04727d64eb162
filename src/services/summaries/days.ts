import type { DaySummaryView } from '../../api/index.ts';
import { localDateOf, localDayWindow } from '../../domain/fleet/index.ts';
import { type Asset, findAssets, listAssets } from '../../store/assets.repository.ts';
import {
  type AssetDay,
  type DaySummaryRow,
  findMarkedDays,
  listDaySummaries,
  listMarkedDays,
  markDays,
  saveDaySummary,
  takeNotedDeviceDays,
  unmarkDay,
} from '../../store/day-summaries.repository.ts';
import { listDevices } from '../../store/devices.repository.ts';
import type { ServiceContext } from '../context.ts';
import { computeDaySummary } from './compute.ts';

/**
 * A day's summary may still change until this long after its end: a night shift's clock-out the
 * next morning, a clock-in queued on a phone. A summary computed before then is recomputed on read.
 */
const SETTLE_MS = 24 * 3_600_000;

const key = (assetId: string, date: string) => `${assetId}\u0000${date}`;

/**
 * Writes the device-days the ingest noted in this process as marks on their assets' days, so
 * that every process (and the job) sees them. Cheap when nothing was noted.
 */
export async function flushNotedDays(ctx: ServiceContext): Promise<number> {
  const noted = takeNotedDeviceDays(ctx.db);
  if (noted.length === 0) return 0;
  const assetOf = new Map(
    (await listDevices(ctx.db, { scopePath: null })).map((d) => [d.id, d.assetId] as const),
  );
  const days = new Map<string, AssetDay>();
  for (const n of noted) {
    const assetId = assetOf.get(n.deviceId);
    if (assetId) days.set(key(assetId, n.date), { assetId, date: n.date });
  }
  await markDays(ctx.db, [...days.values()], ctx.now());
  return days.size;
}

/** Whether a stored summary can be served as it is: not marked, and computed after its day settled. */
function isCurrent(row: DaySummaryRow, marked: Set<string>): boolean {
  if (marked.has(key(row.asset_id, row.date))) return false;
  return row.computed_at >= localDayWindow(row.date).to + SETTLE_MS;
}

/**
 * The summaries of these assets for these dates, each current: a missing, marked or unsettled
 * summary is computed (and stored) first. So reads are right before the job has run.
 */
export async function currentSummaries(
  ctx: ServiceContext,
  assets: readonly Asset[],
  dates: readonly string[],
): Promise<DaySummaryRow[]> {
  if (assets.length === 0 || dates.length === 0) return [];
  await flushNotedDays(ctx);
  const first = dates[0] as string;
  const last = dates.at(-1) as string;
  const ids = assets.map((a) => a.id);
  const stored = new Map(
    (await listDaySummaries(ctx.db, ids, first, last)).map((r) => [key(r.asset_id, r.date), r]),
  );
  const marked = await findMarkedDays(ctx.db, ids, first, last);
  const out: DaySummaryRow[] = [];
  for (const asset of assets) {
    for (const date of dates) {
      const row = stored.get(key(asset.id, date));
      if (row && isCurrent(row, marked)) {
        out.push(row);
        continue;
      }
      const startedAt = ctx.now();
      const fresh = await computeDaySummary(ctx, asset, date);
      await saveDaySummary(ctx.db, fresh, startedAt);
      out.push(fresh);
    }
  }
  return out;
}

/** A stored row's API view. */
export function summaryView(row: DaySummaryRow): DaySummaryView {
  return JSON.parse(row.body) as DaySummaryView;
}

/**
 * The summaries job's pass: writes this process's noted days as marks, then recomputes up to
 * `limit` marked days, oldest mark first. Returns how many it recomputed.
 */
export async function recomputeMarkedDays(ctx: ServiceContext, limit = 200): Promise<number> {
  await flushNotedDays(ctx);
  const marked = await listMarkedDays(ctx.db, limit);
  if (marked.length === 0) return 0;
  const assets = new Map(
    (await findAssets(ctx.db, [...new Set(marked.map((m) => m.assetId))])).map((a) => [a.id, a]),
  );
  const today = localDateOf(ctx.now());
  let done = 0;
  for (const m of marked) {
    const asset = assets.get(m.assetId);
    // A deleted asset's marks, or fixes stamped in the future: nothing to summarise yet.
    if (!asset || m.date > today) {
      await unmarkDay(ctx.db, m);
      continue;
    }
    const startedAt = ctx.now();
    await saveDaySummary(ctx.db, await computeDaySummary(ctx, asset, m.date), startedAt);
    done++;
  }
  return done;
}

/** The boats held under a scope path (null: all). */
export function boatsUnder(ctx: ServiceContext, scopePath: string | null): Promise<Asset[]> {
  return listAssets(ctx.db, { scopePath, kind: 'boat' });
}
