import type { DeviceStatus } from '../../api/types.ts';

/** What a boat is doing, as far as its terminals tell: under way, stopped, or not heard from. */
export type BoatState = 'moving' | 'stopped' | 'offline';

/** Above this a boat is under way; below, GPS jitter at a mooring (km/h). */
export const MOVING_KMH = 1;

/** A boat's state from its terminals' status and its latest speed. */
export function boatState(status: DeviceStatus, speedKmh: number | null): BoatState {
  if (status !== 'online') return 'offline';
  return speedKmh !== null && speedKmh >= MOVING_KMH ? 'moving' : 'stopped';
}

/** A terminal's name without the "北斗终端" every demo and vendor terminal repeats. */
export function displayName(name: string): string {
  return name.replace(/\s*北斗终端$/, '') || name;
}

/** How long ago a fix was, in whole minutes, hours or days. */
export function fixAge(fix: string, now: number): { unit: 'min' | 'h' | 'd'; n: number } {
  const minutes = Math.max(0, Math.floor((now - Date.parse(fix)) / 60_000));
  if (minutes < 60) return { unit: 'min', n: minutes };
  if (minutes < 48 * 60) return { unit: 'h', n: Math.floor(minutes / 60) };
  return { unit: 'd', n: Math.floor(minutes / 1440) };
}
