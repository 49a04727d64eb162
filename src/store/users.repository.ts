import { sql } from 'kysely';
import type { ThrottlePolicy } from '../domain/auth/login-throttle.ts';
import type { Db } from './database.ts';
import { cachedRead, invalidateReads } from './read-cache.ts';
import type { UserTable } from './schema.ts';
import { unitPathUnder } from './scope.ts';

/** A user record including its credential and login-throttle state; never sent over the API as is. */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: string;
  unitId: string;
  /** The grid a resident lives in, when known; their unit is their community. */
  gridId: string | null;
  phone: string | null;
  active: boolean;
  failedLogins: number;
  lastFailedAt: number | null;
  lockedUntil: number | null;
  createdAt: number;
  updatedAt: number;
}

function toUser(row: UserTable): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    role: row.role,
    unitId: row.unit_id,
    gridId: row.grid_id,
    phone: row.phone,
    active: row.active === 1,
    failedLogins: row.failed_logins,
    lastFailedAt: row.last_failed_at,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findUser(db: Db, id: string): Promise<UserRecord | undefined> {
  return cachedRead(db, 'users', `id:${id}`, async () => {
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : undefined;
  });
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

/** Users whose unit lies under the scope path (null = all), by username. */
export async function listUsers(
  db: Db,
  filter: { scopePath: string | null; unitId?: string; role?: string },
): Promise<readonly UserRecord[]> {
  // Also invalidated by units' writes (see read-cache.ts): a unit moved changes who is under a scope.
  const key = `list:${filter.scopePath}|${filter.unitId ?? ''}|${filter.role ?? ''}`;
  return cachedRead(db, 'users', key, async () => {
    let q = db.selectFrom('users').innerJoin('units', 'units.id', 'users.unit_id').selectAll('users');
    if (filter.scopePath !== null) q = q.where(unitPathUnder('units.path', filter.scopePath));
    if (filter.unitId) q = q.where('users.unit_id', '=', filter.unitId);
    if (filter.role) q = q.where('users.role', '=', filter.role);
    const rows = await q.orderBy('users.username').execute();
    return rows.map(toUser);
  });
}

export async function insertUser(db: Db, u: UserRecord): Promise<void> {
  invalidateReads(db, 'users');
  await db
    .insertInto('users')
    .values({
      id: u.id,
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      role: u.role,
      unit_id: u.unitId,
      grid_id: u.gridId,
      phone: u.phone,
      active: u.active ? 1 : 0,
      failed_logins: u.failedLogins,
      last_failed_at: u.lastFailedAt,
      locked_until: u.lockedUntil,
      created_at: u.createdAt,
      updated_at: u.updatedAt,
    })
    .execute();
}

export async function updateUser(
  db: Db,
  id: string,
  patch: Partial<Omit<UserRecord, 'id' | 'username' | 'createdAt'>> & { updatedAt: number },
): Promise<void> {
  invalidateReads(db, 'users');
  await db
    .updateTable('users')
    .set({
      ...(patch.displayName !== undefined && { display_name: patch.displayName }),
      ...(patch.passwordHash !== undefined && { password_hash: patch.passwordHash }),
      ...(patch.role !== undefined && { role: patch.role }),
      ...(patch.unitId !== undefined && { unit_id: patch.unitId }),
      ...(patch.gridId !== undefined && { grid_id: patch.gridId }),
      ...(patch.phone !== undefined && { phone: patch.phone }),
      ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
      ...(patch.failedLogins !== undefined && { failed_logins: patch.failedLogins }),
      ...(patch.lastFailedAt !== undefined && { last_failed_at: patch.lastFailedAt }),
      ...(patch.lockedUntil !== undefined && { locked_until: patch.lockedUntil }),
      updated_at: patch.updatedAt,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Counts one failed login in a single statement. Reading the count, checking it and writing it
 * back let parallel attempts all see the same count and never reach the lock; here every attempt
 * adds one. Same rule as afterFailure (domain/auth/login-throttle.ts): an expired lock starts the
 * count afresh, and reaching `lockAfter` locks for `lockMs`.
 */
export async function recordFailedLogin(
  db: Db,
  id: string,
  now: number,
  policy: Pick<ThrottlePolicy, 'lockAfter' | 'lockMs'>,
): Promise<void> {
  invalidateReads(db, 'users');
  // SET expressions see the row as it was before the update, on both databases.
  const count = sql<number>`case when locked_until is not null and locked_until <= ${now} then 1 else failed_logins + 1 end`;
  await db
    .updateTable('users')
    .set({
      failed_logins: count,
      last_failed_at: now,
      // The cast: PostgreSQL would otherwise type the bare parameter in CASE as text.
      locked_until: sql<
        number | null
      >`case when ${count} >= ${policy.lockAfter} then cast(${now + policy.lockMs} as bigint) else null end`,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteUser(db: Db, id: string): Promise<void> {
  invalidateReads(db, 'users');
  await db.deleteFrom('users').where('id', '=', id).execute();
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The active residents of some communities (their unit) or grids (where they live, when known):
 * who a notice to residents reaches. Read in the caller's transaction, never cached.
 */
export async function listResidentsIn(
  db: Db,
  places: { communityIds: readonly string[]; gridIds: readonly string[] },
): Promise<UserRecord[]> {
  if (places.communityIds.length === 0 && places.gridIds.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('role', '=', 'resident')
    .where('active', '=', 1)
    .where((eb) =>
      eb.or([
        ...(places.communityIds.length > 0 ? [eb('unit_id', 'in', [...places.communityIds])] : []),
        ...(places.gridIds.length > 0 ? [eb('grid_id', 'in', [...places.gridIds])] : []),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map(toUser);
}
