/** A position as a codec delivers it, before storage: WGS-84, km/h, UTC epoch ms. */
export interface Fix {
  time: number;
  lat: number;
  lon: number;
  speedKmh: number;
  course: number;
  altitude: number;
  /** The device's own claim that it had a satellite fix. */
  valid: boolean;
  attributes: Record<string, unknown>;
}

/** Why a stored position is special; a bit set in `positions.flags`. */
export const PositionFlag = {
  /** Re-uploaded from the device's blind-spot buffer (JT/T 808 0x0704 type 1) or older than the latest. */
  BLIND: 1,
  /** Coordinates impossible (out of range) or at exactly 0,0; or the device said "no fix". */
  INVALID: 2,
  /** Implies a speed from the previous fix above the configured maximum. */
  JUMP: 4,
  /** Fix time further in the future than the configured tolerance. */
  FUTURE: 8,
} as const;

/** Names of the flags set in a bit set, for the API. */
export function flagNames(flags: number): string[] {
  return Object.entries(PositionFlag)
    .filter(([, bit]) => (flags & bit) !== 0)
    .map(([name]) => name.toLowerCase());
}
