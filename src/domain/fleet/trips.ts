import { haversineMeters } from '../positions/filters.ts';
import { localProjection, projectX, projectY } from './planar.ts';
import { TRACK_DEFAULTS, type TrackSettings } from './settings.ts';
import { cleanTrack, type LatLon, type TrackFix } from './track.ts';

/** A movement between two stops, or between a stop and the start or end of the data (行程). */
export interface Trip {
  start: number;
  end: number;
  durationS: number;
  /** Sum of the haversine distances between the trip's consecutive fixes. */
  distanceM: number;
  maxSpeedKmh: number;
  /** distanceM over durationS. */
  avgSpeedKmh: number;
  from: LatLon;
  to: LatLon;
}

/** A stay in one place (停留); lat/lon is the mean of the fixes that made it. */
export interface Stop {
  start: number;
  end: number;
  durationS: number;
  lat: number;
  lon: number;
}

/** A track cut into trips and stops, with the usable fixes they were cut from. */
export interface TrackAnalysis {
  /** The usable fixes in time order (see cleanTrack). */
  fixes: TrackFix[];
  trips: Trip[];
  stops: Stop[];
  settings: TrackSettings;
}

/**
 * Cuts a track into stops and trips. Fix i..i+1 is an "interval"; every interval ends up in a
 * stop, in a trip, in a gap, or (rarely) in a short movement that is none of these.
 *
 * - **Stop**: a stop begins at the first fix from which every later fix stays within
 *   `stopRadiusM` of it for at least `stopMinS`; the first fix farther than that ends it. The
 *   stop's end time is its last fix inside the radius (the last time the asset was seen there),
 *   which is also when the next trip begins, so a 20-minute mooring reads 20 minutes and the trip
 *   carries the leg that left the stop.
 * - **Gap**: two consecutive fixes more than `gapS` apart. A gap inside a stop does not end it
 *   when the fix after the gap is still within the radius (a terminal that sleeps while moored
 *   is still moored); otherwise the stop ends at the last fix before the gap. A gap always ends a
 *   trip: no movement is invented across it and its distance is not counted.
 * - **Trip**: a run of intervals outside stops and gaps in which some fix lies at least
 *   `tripMinM` in a straight line from the run's first fix. A zig-zag that never gets that far
 *   (moored GPS jitter of ±30 m, a boat turning at the quay) is no trip, however long its path.
 * - Stops with no trip between them are one stop, across gaps and short movements; a short
 *   movement between a stop and the start or end of the data belongs to that stop. A short
 *   movement with no stop beside it (islanded by gaps) is neither stop nor trip.
 * - Invalid fixes count for nothing; out-of-order fixes are placed in time order.
 */
export function analyseTrack(
  raw: readonly TrackFix[],
  settings: TrackSettings = TRACK_DEFAULTS.boat,
): TrackAnalysis {
  const fixes = cleanTrack(raw);
  const n = fixes.length;
  const first = fixes[0];
  if (!first || n < 2) return { fixes, trips: [], stops: [], settings };
  // Projected metres and times in typed arrays: the stop and trip scans below read each fix
  // many times, and a day holds 17,280 of them.
  const proj = localProjection(first.lat, first.lon);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = fixes[i] as TrackFix;
    xs[i] = projectX(proj, f.lon);
    ys[i] = projectY(proj, f.lat);
    times[i] = f.time;
  }
  const distSq = (i: number, j: number) => {
    const dx = (xs[i] as number) - (xs[j] as number);
    const dy = (ys[i] as number) - (ys[j] as number);
    return dx * dx + dy * dy;
  };
  const time = (i: number) => times[i] as number;

  // Per interval k (fix k to fix k+1): a gap, part of a stop's core, part of a trip.
  const gap = new Uint8Array(n - 1);
  const core = new Uint8Array(n - 1);
  const trip = new Uint8Array(n - 1);
  for (let k = 0; k < n - 1; k++) gap[k] = time(k + 1) - time(k) > settings.gapS * 1000 ? 1 : 0;

  const radiusSq = settings.stopRadiusM ** 2;
  for (let i = 0; i < n - 1; ) {
    let j = i + 1;
    while (j < n && distSq(i, j) <= radiusSq) j++;
    if (time(j - 1) - time(i) >= settings.stopMinS * 1000) {
      core.fill(1, i, j - 1);
      i = j;
    } else i++;
  }

  const tripMinSq = settings.tripMinM ** 2;
  for (let k = 0; k < n - 1; ) {
    if (gap[k] || core[k]) {
      k++;
      continue;
    }
    let end = k;
    let far = false;
    while (end < n - 1 && !gap[end] && !core[end]) {
      if (distSq(k, end + 1) >= tripMinSq) far = true;
      end++;
    }
    if (far) trip.fill(1, k, end);
    k = end;
  }

  return { fixes, trips: collectTrips(fixes, trip), stops: collectStops(fixes, gap, core, trip), settings };
}

function collectTrips(fixes: readonly TrackFix[], trip: Uint8Array): Trip[] {
  const trips: Trip[] = [];
  for (let k = 0; k < trip.length; k++) {
    if (!trip[k]) continue;
    let end = k;
    while (end < trip.length && trip[end]) end++;
    trips.push(tripOf(fixes.slice(k, end + 1)));
    k = end;
  }
  return trips;
}

function tripOf(fixes: readonly TrackFix[]): Trip {
  const first = fixes[0] as TrackFix;
  const last = fixes.at(-1) as TrackFix;
  let distanceM = 0;
  let reported = Number.NEGATIVE_INFINITY;
  let fastestLeg = 0;
  for (let i = 1; i < fixes.length; i++) {
    const a = fixes[i - 1] as TrackFix;
    const b = fixes[i] as TrackFix;
    const leg = haversineMeters(a.lat, a.lon, b.lat, b.lon);
    distanceM += leg;
    fastestLeg = Math.max(fastestLeg, (leg / (b.time - a.time)) * 3600);
  }
  for (const f of fixes)
    if (f.speedKmh !== undefined && Number.isFinite(f.speedKmh)) reported = Math.max(reported, f.speedKmh);
  const durationS = (last.time - first.time) / 1000;
  return {
    start: first.time,
    end: last.time,
    durationS,
    distanceM,
    // The device's own speed when it sends one; otherwise the fastest leg between fixes.
    maxSpeedKmh: Number.isFinite(reported) ? reported : fastestLeg,
    avgSpeedKmh: durationS > 0 ? (distanceM / durationS) * 3.6 : 0,
    from: { lat: first.lat, lon: first.lon },
    to: { lat: last.lat, lon: last.lon },
  };
}

function collectStops(
  fixes: readonly TrackFix[],
  gap: Uint8Array,
  core: Uint8Array,
  trip: Uint8Array,
): Stop[] {
  const stops: Stop[] = [];
  for (let k = 0; k < trip.length; k++) {
    if (trip[k]) continue;
    let end = k;
    let hasCore = false;
    for (; end < trip.length && !trip[end]; end++) if (core[end]) hasCore = true;
    if (hasCore) {
      // Trim gaps that only border the stop: the asset may have left (or arrived) during them.
      let from = k;
      let to = end;
      while (gap[from] && !core[from]) from++;
      while (gap[to - 1] && !core[to - 1]) to--;
      stops.push(stopOf(fixes, from, to, core));
    }
    k = end;
  }
  return stops;
}

function stopOf(fixes: readonly TrackFix[], from: number, to: number, core: Uint8Array): Stop {
  let lat = 0;
  let lon = 0;
  let count = 0;
  for (let i = from; i <= to; i++) {
    // The fixes of the stop proper; the short movements merged into it do not pull its position.
    if (!core[i] && !core[i - 1]) continue;
    const f = fixes[i] as TrackFix;
    lat += f.lat;
    lon += f.lon;
    count++;
  }
  const start = (fixes[from] as TrackFix).time;
  const end = (fixes[to] as TrackFix).time;
  return { start, end, durationS: (end - start) / 1000, lat: lat / count, lon: lon / count };
}
