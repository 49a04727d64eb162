import type { Db } from './database.ts';
import { cachedRead, invalidateReads } from './read-cache.ts';

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
  ip: string | null;
}

export async function insertSession(db: Db, s: SessionRecord): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      created_at: s.createdAt,
      expires_at: s.expiresAt,
      ip: s.ip,
    })
    .execute();
}

export function findSession(db: Db, tokenHash: string): Promise<SessionRecord | undefined> {
  return cachedRead(db, 'sessions', tokenHash, async () => {
    const row = await db
      .selectFrom('sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row
      ? {
          tokenHash: row.token_hash,
          userId: row.user_id,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
          ip: row.ip,
        }
      : undefined;
  });
}

// A new session needs no invalidation: absent rows are never cached.
export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  invalidateReads(db, 'sessions');
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  invalidateReads(db, 'sessions');
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Db, now: number): Promise<void> {
  // Expired sessions are refused by their expiry time anyway; dropping the rows changes no answer.
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
