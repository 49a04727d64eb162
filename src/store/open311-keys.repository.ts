import type { Db } from './database.ts';
import type { Open311KeyTable } from './schema.ts';

/** An Open311 API key as the services see it (the key itself is never stored). */
export interface Open311Key {
  id: string;
  name: string;
  keyHash: string;
  createdBy: string | null;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

function toKey(r: Open311KeyTable): Open311Key {
  return {
    id: r.id,
    name: r.name,
    keyHash: r.key_hash,
    createdBy: r.created_by,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

/** Stores a newly issued key. */
export async function insertOpen311Key(db: Db, k: Open311Key): Promise<void> {
  await db
    .insertInto('open311_keys')
    .values({
      id: k.id,
      name: k.name,
      key_hash: k.keyHash,
      created_by: k.createdBy,
      created_at: k.createdAt,
      last_used_at: k.lastUsedAt,
      revoked_at: k.revokedAt,
    })
    .execute();
}

/** Every key, newest first, revoked ones included. */
export async function listOpen311Keys(db: Db): Promise<Open311Key[]> {
  const rows = await db
    .selectFrom('open311_keys')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toKey);
}

/** One key by id, or undefined. */
export async function findOpen311Key(db: Db, id: string): Promise<Open311Key | undefined> {
  const row = await db.selectFrom('open311_keys').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toKey(row) : undefined;
}

/** The key with this hash, or undefined. */
export async function findOpen311KeyByHash(db: Db, keyHash: string): Promise<Open311Key | undefined> {
  const row = await db
    .selectFrom('open311_keys')
    .selectAll()
    .where('key_hash', '=', keyHash)
    .executeTakeFirst();
  return row ? toKey(row) : undefined;
}

/** Marks a key revoked at `at` unless it already was. */
export async function revokeOpen311Key(db: Db, id: string, at: number): Promise<void> {
  await db
    .updateTable('open311_keys')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Records that a key was just used. */
export async function touchOpen311Key(db: Db, id: string, at: number): Promise<void> {
  await db.updateTable('open311_keys').set({ last_used_at: at }).where('id', '=', id).execute();
}
