import type { Db } from './database.ts';
import type { IdempotencyKeyTable } from './schema.ts';

/** A key as stored: the request it was first used with, and its answer once given. */
export interface IdempotencyRecord {
  userId: string;
  key: string;
  fingerprint: string;
  status: number | null;
  response: string | null;
  createdAt: number;
}

function toRecord(r: IdempotencyKeyTable): IdempotencyRecord {
  return {
    userId: r.user_id,
    key: r.key,
    fingerprint: r.fingerprint,
    status: r.status === null ? null : Number(r.status),
    response: r.response,
    createdAt: Number(r.created_at),
  };
}

/**
 * Claims a key for a request about to be served; false when the user already used it. Of two
 * requests racing with one key exactly one claims it (the primary key decides, on both databases).
 */
export async function claimIdempotencyKey(
  db: Db,
  claim: { userId: string; key: string; fingerprint: string; now: number },
): Promise<boolean> {
  const result = await db
    .insertInto('idempotency_keys')
    .values({
      user_id: claim.userId,
      key: claim.key,
      fingerprint: claim.fingerprint,
      status: null,
      response: null,
      created_at: claim.now,
    })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** The user's key, or undefined. */
export async function findIdempotencyKey(
  db: Db,
  userId: string,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Keeps the answer the claiming request got. */
export async function completeIdempotencyKey(
  db: Db,
  userId: string,
  key: string,
  answer: { status: number; response: string },
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status: answer.status, response: answer.response })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}

/**
 * Forgets a key as claimed at `createdAt` (a request that failed on the server, an expired or
 * abandoned claim); true when this call removed it, so of two callers one takes it over.
 */
export async function dropIdempotencyKey(
  db: Db,
  userId: string,
  key: string,
  createdAt: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .where('created_at', '=', createdAt)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Deletes keys claimed before `before`; returns how many. */
export async function purgeIdempotencyKeys(db: Db, before: number): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
