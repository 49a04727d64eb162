import { fail } from '../../errors/catalogue.ts';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  dropIdempotencyKey,
  findIdempotencyKey,
  purgeIdempotencyKeys,
} from '../../store/idempotency.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';

/** How long a key is remembered: a phone replays its outbox within hours, not days. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/**
 * A first request still unanswered after this long died with its process: a retry takes the key
 * over. Should that process have committed its change before dying, the change is made twice;
 * the alternative, a key stuck for a day, would leave the phone's item unsendable.
 */
const ABANDONED_MS = 2 * 60_000;
/** How long a retry waits for the first request with its key to be answered, and how often it looks. */
const WAIT_TRIES = 200;
const POLL_MS = 50;

/** The key a request carries and what it was (a hash of method, route and body). */
export interface IdempotentRequest {
  key: string;
  fingerprint: string;
}

/** What to do with a request: serve it (this one claimed the key) or answer as the first time. */
export type IdempotentStart =
  | { kind: 'first'; userId: string; key: string; claimedAt: number }
  | { kind: 'replay'; status: number; response: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Claims the caller's key for this request, or finds the answer the first request with it got.
 * The same key with another body is IDEMPOTENCY_KEY_REUSED; a first request still being served
 * is waited for (two taps racing, a replay overtaking a slow answer), up to ten seconds.
 * Written outside the request's audited transaction: a claim is not the change being audited.
 */
export async function beginIdempotent(
  ctx: ServiceContext,
  who: Principal,
  request: IdempotentRequest,
): Promise<IdempotentStart> {
  const { key, fingerprint } = request;
  for (let tries = 0; tries < WAIT_TRIES; tries++) {
    const now = ctx.now();
    if (await claimIdempotencyKey(ctx.db, { userId: who.userId, key, fingerprint, now }))
      return { kind: 'first', userId: who.userId, key, claimedAt: now };
    const found = await findIdempotencyKey(ctx.db, who.userId, key);
    // Dropped meanwhile (its request failed on the server): claim it again.
    if (!found) continue;
    const expired = found.createdAt <= now - IDEMPOTENCY_TTL_MS;
    if (expired) {
      await dropIdempotencyKey(ctx.db, who.userId, key, found.createdAt);
      continue;
    }
    if (found.fingerprint !== fingerprint) {
      fail(
        'IDEMPOTENCY_KEY_REUSED',
        `Idempotency-Key ${key} was used with another request in the last 24 hours: make a new key for a new request`,
        { field: 'headers.idempotency-key' },
      );
    }
    if (found.status !== null && found.response !== null)
      return { kind: 'replay', status: found.status, response: found.response };
    if (found.createdAt <= now - ABANDONED_MS) {
      await dropIdempotencyKey(ctx.db, who.userId, key, found.createdAt);
      continue;
    }
    await sleep(POLL_MS);
  }
  fail(
    'IDEMPOTENCY_KEY_IN_PROGRESS',
    `A request with Idempotency-Key ${key} is still being served: try again in a moment`,
    { field: 'headers.idempotency-key' },
  );
}

/**
 * Keeps the answer of the request that claimed the key, for its replays. A server failure (5xx)
 * keeps nothing: the key is released so that a retry is served afresh.
 */
export async function finishIdempotent(
  ctx: ServiceContext,
  claim: Extract<IdempotentStart, { kind: 'first' }>,
  answer: { status: number; response: string | null },
): Promise<void> {
  if (answer.status >= 500 || answer.response === null) {
    await dropIdempotencyKey(ctx.db, claim.userId, claim.key, claim.claimedAt);
    return;
  }
  await completeIdempotencyKey(ctx.db, claim.userId, claim.key, {
    status: answer.status,
    response: answer.response,
  });
}

/** Forgets keys older than a day; returns how many. */
export function purgeExpiredIdempotencyKeys(ctx: ServiceContext): Promise<number> {
  return purgeIdempotencyKeys(ctx.db, ctx.now() - IDEMPOTENCY_TTL_MS);
}
