import { haversineMeters } from '../positions/filters.ts';
import type { LatLon } from './track.ts';

/** How far ahead of the server's clock a phone's `at` may be (its clock drifts). */
export const CLOCK_FUTURE_TOLERANCE_MS = 60_000;
/** How old a clock-in or clock-out queued on a phone without signal may be. */
export const CLOCK_MAX_AGE_MS = 24 * 3_600_000;
/** A clock event recorded this much later than its `at` was queued on the phone. */
export const QUEUED_AFTER_MS = 2 * 60_000;
/** Farther than this from the boat (or from every dock) a clock-in is accepted but flagged. */
export const FAR_FROM_BOAT_M = 500;

/**
 * What a clock-in or clock-out may be flagged with for the supervisor (it is accepted all the same):
 * far from the boat and from every dock, queued on the phone (sent late), no position to compare
 * with (the boat reported nothing near the time and there is no dock), a clock-out with no
 * clock-in open.
 */
export const CLOCK_FLAGS = ['farFromBoat', 'queued', 'positionUnknown', 'notClockedIn'] as const;

/** One of CLOCK_FLAGS. */
export type ClockFlag = (typeof CLOCK_FLAGS)[number];

/** How old an unload (卸载) may be when logged: a week of records written up after the fact. */
export const UNLOAD_MAX_AGE_MS = 7 * 24 * 3_600_000;

/**
 * Why a time a phone or a clerk reports something happened at cannot be taken: in the future
 * (beyond the clock drift tolerated), or older than `maxAgeMs` (a clock event's 24 h by default).
 */
export function clockTimeProblem(at: number, now: number, maxAgeMs = CLOCK_MAX_AGE_MS): string | undefined {
  if (!Number.isFinite(at)) return 'at is not a time: send ISO 8601, e.g. 2026-03-02T08:30:00+08:00';
  if (at > now + CLOCK_FUTURE_TOLERANCE_MS) {
    return `at ${new Date(at).toISOString()} is in the future (the server's time is ${new Date(now).toISOString()})`;
  }
  if (at < now - maxAgeMs) {
    const days = maxAgeMs / 86_400_000;
    const age = Number.isInteger(days) && days > 1 ? `${days} days` : `${maxAgeMs / 3_600_000} hours`;
    return `at ${new Date(at).toISOString()} is more than ${age} ago: ask an operator to record it`;
  }
  return undefined;
}

/** Where a clock event is checked against: the boat's position at the time, if known, and the docks. */
export interface ClockReferences {
  boat?: LatLon;
  docks: readonly LatLon[];
}

/**
 * How far (metres, rounded) a clock event's point lies from the nearer of the boat and the
 * nearest dock, and its flags. A crew member clocks in on the boat or at the dock where it is
 * moored; farther than FAR_FROM_BOAT_M from both is `farFromBoat`.
 */
export function clockCheck(
  point: LatLon,
  refs: ClockReferences,
  times: { at: number; recordedAt: number },
): { distanceM: number | null; flags: ClockFlag[] } {
  const distances = [...(refs.boat ? [refs.boat] : []), ...refs.docks].map((p) =>
    haversineMeters(point.lat, point.lon, p.lat, p.lon),
  );
  const flags: ClockFlag[] = [];
  const distanceM = distances.length > 0 ? Math.round(Math.min(...distances)) : null;
  if (distanceM === null) flags.push('positionUnknown');
  else if (distanceM > FAR_FROM_BOAT_M) flags.push('farFromBoat');
  if (times.recordedAt - times.at > QUEUED_AFTER_MS) flags.push('queued');
  return { distanceM, flags };
}
