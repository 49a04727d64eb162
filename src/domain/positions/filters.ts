import { type Fix, PositionFlag } from './fix.ts';

export interface FilterSettings {
  /** Fastest plausible movement between two fixes; a boat or a car is far below 300 km/h. */
  maxJumpKmh: number;
  /** How far a fix time may lie in the future (device clocks drift). */
  futureToleranceMs: number;
}

export const DEFAULT_FILTERS: FilterSettings = { maxJumpKmh: 300, futureToleranceMs: 10 * 60_000 };

/** The last accepted live fix of a device, for jump and order checks. */
export interface PreviousFix {
  time: number;
  lat: number;
  lon: number;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres between two WGS-84 points. */
export function haversineMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Flags a fix; nothing is dropped here. A flagged fix is still history, but only unflagged
 * (or merely jumpy) fixes move the live position and may raise live alerts.
 */
export function classifyFix(
  fix: Fix,
  previous: PreviousFix | undefined,
  now: number,
  settings: FilterSettings,
  reportedAsBlind: boolean,
): number {
  let flags = 0;
  if (reportedAsBlind || (previous && fix.time <= previous.time)) flags |= PositionFlag.BLIND;
  const badCoordinates =
    !Number.isFinite(fix.lat) ||
    !Number.isFinite(fix.lon) ||
    Math.abs(fix.lat) > 90 ||
    Math.abs(fix.lon) > 180 ||
    (fix.lat === 0 && fix.lon === 0);
  if (badCoordinates || !fix.valid) flags |= PositionFlag.INVALID;
  if (fix.time > now + settings.futureToleranceMs) flags |= PositionFlag.FUTURE;
  if (previous && !badCoordinates && fix.time > previous.time) {
    const hours = (fix.time - previous.time) / 3_600_000;
    const km = haversineMeters(previous.lat, previous.lon, fix.lat, fix.lon) / 1000;
    if (km / hours > settings.maxJumpKmh && km > 0.5) flags |= PositionFlag.JUMP;
  }
  return flags;
}

/** Whether a flagged fix may move the live position and feed live alerts. */
export function isLive(flags: number): boolean {
  return (
    (flags & (PositionFlag.BLIND | PositionFlag.INVALID | PositionFlag.FUTURE | PositionFlag.JUMP)) === 0
  );
}
