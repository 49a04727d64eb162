import { haversineMeters } from '../positions/filters.ts';
import { type Interval, mergeIntervals, overlapMs } from './day.ts';
import { type Dock, dockIdAt } from './docks.ts';
import type { TrackFix } from './track.ts';
import type { Stop, TrackAnalysis } from './trips.ts';

/** Whether a point lies on the asset's assigned segments (within their half-width); see segmentBuffer. */
export type OnSegment = (lat: number, lon: number) => boolean;

/** What a day's work/rest split needs besides the analysed track. */
export interface WorkRestInput {
  /** analyseTrack of the day's fixes; add the last fix before the window to count a gap across its start. */
  track: TrackAnalysis;
  /** The span to count, usually a local day (localDayWindow). */
  window: Interval;
  /** On-duty intervals (dutyOfDay, of the day before too when shifts cross midnight); any order. */
  duty: readonly Interval[];
  docks: readonly Dock[];
  onSegment: OnSegment;
}

/** A day's time and distance split (seconds, metres; instants in UTC ms or null). */
export interface WorkRestSummary {
  workS: number;
  restS: number;
  noDataS: number;
  offDutyMovingS: number;
  movingS: number;
  stoppedS: number;
  distanceM: number;
  firstMoveAt: number | null;
  lastStopAt: number | null;
}

/** How a stop counts on duty, and the dock it was at. */
export interface StopKind {
  kind: 'work' | 'rest';
  dockId: string | undefined;
}

/**
 * A stop is rest when it is at a dock, lasts `restMinS` or more, or lies off the assigned
 * segments; a shorter stop on a segment (picking up rubbish, waiting at a lock) is work.
 */
export function stopKind(
  stop: Stop,
  restMinS: number,
  docks: readonly Dock[],
  onSegment: OnSegment,
): StopKind {
  const dockId = dockIdAt(stop, docks);
  const rest = dockId !== undefined || stop.durationS >= restMinS || !onSegment(stop.lat, stop.lon);
  return { kind: rest ? 'rest' : 'work', dockId };
}

/**
 * Work and rest (作业/休息) of one asset over a window. Time is counted only between consecutive
 * usable fixes (nothing before the first or after the last), clipped to the window; each
 * stretch between two fixes is exactly one of:
 *
 * - **no data** — the fixes are more than `gapS` apart, even inside a stop. On duty it adds to
 *   `noDataS`; it is neither work nor rest, nor moving nor stopped.
 * - **stopped** — inside a stop (analyseTrack). On duty it is **rest** if the stop is at a dock,
 *   lasts `restMinS` (default 10 min) or more as a whole, or lies off the assigned segments, and
 *   **work** otherwise (a brief stop on the segment).
 * - **moving** — anything else: a trip, or a short movement islanded by gaps. On duty it is
 *   **work**, on the segment or on the way to it; off duty it adds to `offDutyMovingS`, the flag
 *   for movement outside the shift.
 *
 * On duty means inside one of the duty intervals; off duty, time counts as neither work nor rest.
 * So on duty, workS + restS + noDataS is the duty time between the window's first and last fix.
 * `movingS`, `stoppedS` and `distanceM` cover the whole window, on duty or not; `distanceM` is the
 * haversine length of trip legs only (a stop's jitter adds nothing), pro rata for a leg that
 * straddles the window's edge. `firstMoveAt` is the first moving instant in the window;
 * `lastStopAt` the start of the last stop that begins in it (null when none).
 */
export function workRest(input: WorkRestInput): WorkRestSummary {
  const { track, window, docks, onSegment } = input;
  const { fixes, stops, trips, settings } = track;
  const duty = mergeIntervals(input.duty);
  const kinds = stops.map((s) => stopKind(s, settings.restMinS, docks, onSegment).kind);
  const out: WorkRestSummary = {
    workS: 0,
    restS: 0,
    noDataS: 0,
    offDutyMovingS: 0,
    movingS: 0,
    stoppedS: 0,
    distanceM: 0,
    firstMoveAt: null,
    lastStopAt: null,
  };
  let stopIndex = 0;
  let tripIndex = 0;
  for (let i = 1; i < fixes.length; i++) {
    const a = fixes[i - 1] as TrackFix;
    const b = fixes[i] as TrackFix;
    const from = Math.max(a.time, window.from);
    const to = Math.min(b.time, window.to);
    if (to <= from) continue;
    const seconds = (to - from) / 1000;
    const onDutyS = overlapMs(from, to, duty) / 1000;
    while (stopIndex < stops.length && (stops[stopIndex] as Stop).end <= a.time) stopIndex++;
    while (tripIndex < trips.length && (trips[tripIndex] as { end: number }).end <= a.time) tripIndex++;
    const stop = stops[stopIndex];
    if (b.time - a.time > settings.gapS * 1000) {
      out.noDataS += onDutyS;
    } else if (stop && stop.start <= a.time) {
      out.stoppedS += seconds;
      if (kinds[stopIndex] === 'rest') out.restS += onDutyS;
      else out.workS += onDutyS;
    } else {
      out.movingS += seconds;
      out.workS += onDutyS;
      out.offDutyMovingS += seconds - onDutyS;
      out.firstMoveAt ??= from;
      const trip = trips[tripIndex];
      if (trip && trip.start <= a.time) {
        const leg = haversineMeters(a.lat, a.lon, b.lat, b.lon);
        out.distanceM += (leg * (to - from)) / (b.time - a.time);
      }
    }
  }
  for (const stop of stops)
    if (stop.start >= window.from && stop.start < window.to) out.lastStopAt = stop.start;
  return out;
}
