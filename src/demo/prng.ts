/**
 * The demo world draws from a seeded generator (mulberry32) instead of Math.random so that every
 * seed produces the same map, codes and grid splits, and the device simulator can rely on them.
 * It lives in src/domain/random.ts, shared with the protocol fuzz corpora.
 */
export { seededRandom } from '../domain/random.ts';
