import { randomBytes } from 'node:crypto';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import {
  findOpen311Key,
  findOpen311KeyByHash,
  insertOpen311Key,
  listOpen311Keys,
  type Open311Key,
  revokeOpen311Key,
  touchOpen311Key,
} from '../../store/open311-keys.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { listUnits } from '../../store/units.repository.ts';
import { hashToken } from '../auth/index.ts';
import type { Principal, ServiceContext } from '../context.ts';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** A key as the admin API lists it: never the key itself. */
export function open311KeyView(k: Open311Key) {
  return {
    id: k.id,
    name: k.name,
    createdBy: k.createdBy,
    createdAt: iso(k.createdAt),
    lastUsedAt: iso(k.lastUsedAt),
    revokedAt: iso(k.revokedAt),
  };
}

/** Issues a key for an Open311 client: the key is returned this once, only its hash is stored. */
export async function issueOpen311Key(ctx: ServiceContext, who: Principal, name: string) {
  const secret = `zs311_${randomBytes(24).toString('base64url')}`;
  const key: Open311Key = {
    id: newId(),
    name: name.trim(),
    keyHash: hashToken(secret),
    createdBy: who.userId,
    createdAt: ctx.now(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await writeTransaction(ctx.db, [], (trx) => insertOpen311Key(trx, key));
  return { ...open311KeyView(key), key: secret };
}

/** Every issued key, newest first. */
export async function listOpen311KeyViews(ctx: ServiceContext) {
  return (await listOpen311Keys(ctx.db)).map(open311KeyView);
}

/** Revokes a key (again is fine); an unknown id is OPEN311_KEY_NOT_FOUND. */
export async function revokeOpen311KeyOrThrow(ctx: ServiceContext, id: string): Promise<void> {
  if (!(await findOpen311Key(ctx.db, id))) fail('OPEN311_KEY_NOT_FOUND', `No Open311 API key with id ${id}`);
  await writeTransaction(ctx.db, [], (trx) => revokeOpen311Key(trx, id, ctx.now()));
}

/** The live key behind an `api_key` value, or OPEN311_KEY_INVALID (GeoReport v2 "Errors": 403). */
export async function authenticateOpen311Key(
  ctx: ServiceContext,
  secret: string | undefined,
): Promise<Open311Key> {
  if (!secret) fail('OPEN311_KEY_INVALID', 'api_key is required to post a service request');
  const key = await findOpen311KeyByHash(ctx.db, hashToken(secret));
  if (!key || key.revokedAt !== null)
    fail('OPEN311_KEY_INVALID', 'Invalid api_key: it is unknown or was revoked');
  await touchOpen311Key(ctx.db, key.id, ctx.now());
  return key;
}

/**
 * Who reports on behalf of an Open311 client: the command centre's desk (Open311 is one of the
 * centre's intake channels, like the hotline), under an id that names the key, not a person.
 */
export async function open311Reporter(ctx: ServiceContext, key: Open311Key): Promise<Principal> {
  const [root] = (await listUnits(ctx.db, { scopePath: null, kind: 'subdistrict' })).filter(
    (u) => u.parentId === null,
  );
  if (!root) fail('VALIDATION_FAILED', 'No subdistrict is set up to receive service requests yet');
  return {
    userId: `open311:${key.id}`,
    username: `open311:${key.name}`,
    displayName: key.name,
    role: 'operator',
    unitId: root.id,
    scopePath: root.path,
  };
}
