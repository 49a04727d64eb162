// Deterministic noise: the same (seed, key) always gives the same number, so the movement model
// stays a pure function of time while looking random (jitter, speeds, blind spots).

/** A 32-bit hash of two integers (a variant of the murmur3 finaliser). */
function mix(seed: number, key: number): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(key | 0, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A number in [0, 1) determined by `seed` and `key`. */
export function unit(seed: number, key: number): number {
  return mix(seed, key) / 4294967296;
}

/** A number in [min, max) determined by `seed` and `key`. */
export function between(seed: number, key: number, min: number, max: number): number {
  return min + unit(seed, key) * (max - min);
}

/** A standard normal deviate (Box–Muller) determined by `seed` and `key`. */
export function gaussian(seed: number, key: number): number {
  const u1 = Math.max(unit(seed, key * 2 + 1), 1e-12);
  const u2 = unit(seed, key * 2 + 2);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
