import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * Random bytes drawn 4 KB at a time: uuid asks the system for 16 bytes per id, a synchronous
 * crypto call that cost about 4 % of a work-order request's CPU.
 */
const POOL_BYTES = 4096;
const pool = new Uint8Array(POOL_BYTES);
let poolAt = POOL_BYTES;

/** uuid's own monotonic state, kept here because passing random bytes bypasses it. */
const clock = { msecs: Number.NEGATIVE_INFINITY, seq: 0 };

/** A new time-ordered opaque id (UUIDv7), safe to mint in several processes or offline. */
export function newId(): string {
  if (poolAt === POOL_BYTES) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const random = pool.subarray(poolAt, poolAt + 16);
  poolAt += 16;
  // RFC 9562 §6.2 method 1: a counter seeded at random each millisecond keeps ids made within
  // one millisecond in order (as uuid does when left to draw its own bytes).
  const now = Date.now();
  if (now > clock.msecs) {
    clock.msecs = now;
    clock.seq =
      ((random[6] ?? 0) & 0x7f) * 0x1000000 +
      ((random[7] ?? 0) << 16) +
      ((random[8] ?? 0) << 8) +
      (random[9] ?? 0);
  } else {
    clock.seq = (clock.seq + 1) | 0;
    if (clock.seq === 0) clock.msecs++;
  }
  return v7({ random, msecs: clock.msecs, seq: clock.seq });
}
