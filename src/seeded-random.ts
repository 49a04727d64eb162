/**
 * A seeded pseudo-random generator (mulberry32) returning numbers in [0, 1). Used instead of
 * Math.random wherever a seed must replay the same sequence: the demo world (the same map, codes
 * and grid splits for every seed, which the device simulator relies on) and the protocol fuzz
 * corpora (a failure reproduces from its seed).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
