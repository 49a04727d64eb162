import type { StopView, TripView } from '../../api/index.ts';
import {
  analyseTrack,
  type Dock,
  dockIdAt,
  type TrackAnalysis,
  type TrackFix,
} from '../../domain/fleet/index.ts';
import { PositionFlag } from '../../domain/positions/fix.ts';
import { listDocks } from '../../store/docks.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { type AssetRange, type LoadedTrack, loadAssetTrack } from './load.ts';

const round = (value: number, digits: number) => {
  const k = 10 ** digits;
  return Math.round(value * k) / k;
};
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Trips and stops of a loaded track, cut with the thresholds of the asset's kind. Fixes the
 * ingest flagged as jumps (faster than any boat or car) are left out: one such outlier would add
 * kilometres that were never travelled.
 */
function analyse(track: LoadedTrack): TrackAnalysis {
  const fixes: TrackFix[] = [];
  for (const r of track.rows) {
    if ((r.flags & PositionFlag.JUMP) !== 0) continue;
    fixes.push({ time: r.time, lat: r.lat, lon: r.lon, speedKmh: r.speed, valid: r.valid });
  }
  return analyseTrack(fixes, track.settings);
}

/**
 * The docks a stop of this asset may be at: those of its unit (the contractor that runs the
 * boat) and of the units under it. A dock of another contractor's on the same quay is not its.
 */
async function docksOf(ctx: ServiceContext, track: LoadedTrack): Promise<Dock[]> {
  const unit = await findUnit(ctx.db, track.asset.unitId);
  return unit ? listDocks(ctx.db, { scopePath: unit.path }) : [];
}

/** An asset's trips (行程) between two instants, oldest first (GET /api/assets/:id/trips). */
export async function listAssetTrips(
  ctx: ServiceContext,
  who: Principal,
  q: AssetRange,
): Promise<{ items: TripView[] }> {
  const { trips } = analyse(await loadAssetTrack(ctx, who, q));
  return {
    items: trips.map((t) => ({
      start: iso(t.start),
      end: iso(t.end),
      durationS: t.durationS,
      distanceM: round(t.distanceM, 1),
      maxSpeedKmh: round(t.maxSpeedKmh, 2),
      avgSpeedKmh: round(t.avgSpeedKmh, 2),
      from: t.from,
      to: t.to,
    })),
  };
}

/** An asset's stops (停留) between two instants, each at a dock or not (GET /api/assets/:id/stops). */
export async function listAssetStops(
  ctx: ServiceContext,
  who: Principal,
  q: AssetRange,
): Promise<{ items: StopView[] }> {
  const track = await loadAssetTrack(ctx, who, q);
  const { stops } = analyse(track);
  const docks = stops.length > 0 ? await docksOf(ctx, track) : [];
  return {
    items: stops.map((s) => ({
      start: iso(s.start),
      end: iso(s.end),
      durationS: s.durationS,
      // The mean of the stop's fixes: centimetres are enough.
      lat: round(s.lat, 7),
      lon: round(s.lon, 7),
      dockId: dockIdAt(s, docks) ?? null,
    })),
  };
}
