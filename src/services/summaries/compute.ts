import type { DaySummaryView } from '../../api/index.ts';
import {
  type CoverageSegment,
  type DayFigures,
  localDayWindow,
  summariseDay,
  type TrackFix,
} from '../../domain/fleet/index.ts';
import { PositionFlag } from '../../domain/positions/fix.ts';
import type { Asset } from '../../store/assets.repository.ts';
import type { DaySummaryRow } from '../../store/day-summaries.repository.ts';
import { listDocks } from '../../store/docks.repository.ts';
import { listAssetTrackColumns } from '../../store/positions.repository.ts';
import { findSegment } from '../../store/segments.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import { sumUnloads } from '../../store/unloads.repository.ts';
import type { ServiceContext } from '../context.ts';
import { dutyOfBoat } from '../duty/index.ts';
import { trackSettingsOf } from '../fleet-settings/index.ts';

const round = (value: number, digits: number) => {
  const k = 10 ** digits;
  return Math.round(value * k) / k;
};
const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The API view of a day's figures. */
function viewOf(assetId: string, f: DayFigures): DaySummaryView {
  return {
    assetId,
    date: f.date,
    distanceM: round(f.distanceM, 1),
    movingS: round(f.movingS, 3),
    stoppedS: round(f.stoppedS, 3),
    workS: round(f.workS, 3),
    restS: round(f.restS, 3),
    noDataS: round(f.noDataS, 3),
    offDutyMovingS: round(f.offDutyMovingS, 3),
    firstMoveAt: isoOrNull(f.firstMoveAt),
    lastStopAt: isoOrNull(f.lastStopAt),
    trips: f.trips,
    stops: f.stops,
    coverage: f.coverage.map((c) => ({ ...c, ratio: round(c.ratio, 4) })),
    unloads: { count: f.unloads.count, tonnes: round(f.unloads.tonnes, 3) },
    duty: {
      onDutyFrom: isoOrNull(f.duty.onDutyFrom),
      onDutyTo: isoOrNull(f.duty.onDutyTo),
      source: f.duty.source,
    },
  };
}

/** The docks of the asset's unit. */
async function docksOf(ctx: ServiceContext, asset: Asset) {
  const unit = await findUnit(ctx.db, asset.unitId);
  return unit ? listDocks(ctx.db, { scopePath: unit.path }) : [];
}

/** The asset's assigned segments, in their order. */
async function segmentsOf(ctx: ServiceContext, asset: Asset): Promise<CoverageSegment[]> {
  const segments: CoverageSegment[] = [];
  for (const id of asset.segmentIds) {
    const s = await findSegment(ctx.db, id);
    if (s) segments.push({ id: s.id, geometry: s.geometry, halfWidthM: s.halfWidthM });
  }
  return segments;
}

/**
 * Computes an asset's day from its stored facts: the day's fixes (jumps left out), its duty
 * (clock-ins, else the shift plan confirmed by its terminal), the docks of its unit, its assigned
 * segments and its unloads. Returns the row to store.
 */
export async function computeDaySummary(
  ctx: ServiceContext,
  asset: Asset,
  date: string,
): Promise<DaySummaryRow> {
  const window = localDayWindow(date);
  // The day's facts are independent reads: on PostgreSQL they go out on several pooled
  // connections at once, so a recompute waits for the slowest rather than for their sum.
  const [track, docks, segments, unloads, duty, settings] = await Promise.all([
    listAssetTrackColumns(ctx.db, asset.id, window.from, window.to - 1),
    docksOf(ctx, asset),
    segmentsOf(ctx, asset),
    sumUnloads(ctx.db, { scopePath: null, assetId: asset.id, from: window.from, to: window.to }),
    dutyOfBoat(ctx, asset, date),
    trackSettingsOf(ctx, asset.kind),
  ]);
  const fixes: TrackFix[] = [];
  const { time, lat, lon, speed, valid, flags } = track;
  for (let i = 0; i < track.length; i++) {
    if (((flags[i] as number) & PositionFlag.JUMP) !== 0) continue;
    fixes.push({
      time: time[i] as number,
      lat: lat[i] as number,
      lon: lon[i] as number,
      speedKmh: speed[i] as number,
      valid: valid[i] === 1,
    });
  }
  const figures = summariseDay({
    date,
    window,
    fixes,
    settings,
    duty,
    docks,
    segments,
    unloads,
  });
  const view = viewOf(asset.id, figures);
  return {
    asset_id: asset.id,
    date,
    distance_m: view.distanceM,
    work_s: view.workS,
    rest_s: view.restS,
    coverage: figures.combinedCoverage,
    tonnes: view.unloads.tonnes,
    body: JSON.stringify(view),
    computed_at: ctx.now(),
  };
}
