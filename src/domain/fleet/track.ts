/** A position as the fleet rules read it: UTC epoch ms, WGS-84 degrees, km/h. */
export interface TrackFix {
  time: number;
  lat: number;
  lon: number;
  speedKmh?: number;
  /** The device's own claim that it had a satellite fix. */
  valid: boolean;
}

/** A WGS-84 point. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** Whether a fix counts: the device claimed a satellite fix and the coordinates are possible (not 0,0). */
export function isUsableFix(fix: TrackFix): boolean {
  return (
    fix.valid &&
    Number.isFinite(fix.time) &&
    Number.isFinite(fix.lat) &&
    Number.isFinite(fix.lon) &&
    Math.abs(fix.lat) <= 90 &&
    Math.abs(fix.lon) <= 180 &&
    !(fix.lat === 0 && fix.lon === 0)
  );
}

/**
 * The usable fixes in time order. Blind-spot re-uploads arrive late and out of order, so the
 * array is sorted; a second fix with the same time (a re-upload of one already stored) is dropped.
 */
export function cleanTrack<T extends TrackFix>(fixes: readonly T[]): T[] {
  // Fixes read from the store come in time order: one pass finds that out, and then there is
  // nothing to sort (a day's 17,280 fixes cost a sort about as much as analysing them).
  const usable: T[] = [];
  let ordered = true;
  let last = Number.NEGATIVE_INFINITY;
  for (const fix of fixes) {
    if (!isUsableFix(fix)) continue;
    if (fix.time <= last) ordered = false;
    last = fix.time;
    usable.push(fix);
  }
  if (ordered) return usable;
  const sorted = usable.sort((a, b) => a.time - b.time);
  return sorted.filter((fix, i) => i === 0 || fix.time !== sorted[i - 1]?.time);
}
