import type { UserView } from '../../api/index.ts';
import { hashPassword } from '../../domain/auth/password.ts';
import type { Role } from '../../domain/auth/roles.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { deleteSessionsOfUser } from '../../store/sessions.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import {
  countActiveAdmins,
  deleteUser,
  findUser,
  findUserByUsername,
  insertUser,
  listUsers,
  type UserRecord,
  updateUser,
} from '../../store/users.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { assertHeldInScope, listScopeOf } from '../scope/index.ts';
import { unitView } from '../units/index.ts';

/** A user as the API returns it: never the hash or throttle state. The store holds only roles it was given as such. */
export function userView(u: UserRecord): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    unitId: u.unitId,
    gridId: u.gridId,
    phone: u.phone,
    active: u.active,
    lockedUntil: u.lockedUntil ? new Date(u.lockedUntil).toISOString() : null,
    createdAt: new Date(u.createdAt).toISOString(),
    updatedAt: new Date(u.updatedAt).toISOString(),
  };
}

/** A user the caller may see, or USER_NOT_FOUND (out-of-scope users are not revealed). */
export async function getUserOrThrow(
  ctx: ServiceContext,
  who: Principal | null,
  id: string,
): Promise<UserRecord> {
  const user = await findUser(ctx.db, id);
  if (!user) fail('USER_NOT_FOUND', `No user with id ${id}`);
  await assertHeldInScope(ctx, who, user.unitId, () => fail('USER_NOT_FOUND', `No user with id ${id}`));
  return user;
}

export function listVisibleUsers(
  ctx: ServiceContext,
  who: Principal,
  filter: { unitId?: string; role?: string },
): Promise<readonly UserRecord[]> {
  return listUsers(ctx.db, { scopePath: listScopeOf(who), ...filter });
}

async function checkUnitExists(ctx: ServiceContext, unitId: string): Promise<void> {
  if (!(await findUnit(ctx.db, unitId))) {
    fail('UNIT_NOT_FOUND', `unitId ${unitId} is not an existing unit`, { field: 'unitId' });
  }
}

/** A resident's grid must be a grid of their unit (their community); null clears it. */
async function checkGrid(ctx: ServiceContext, gridId: string | null, unitId: string): Promise<void> {
  if (gridId === null) return;
  const [grid, unit] = await Promise.all([findUnit(ctx.db, gridId), findUnit(ctx.db, unitId)]);
  if (!grid) fail('UNIT_NOT_FOUND', `gridId ${gridId} is not an existing unit`, { field: 'gridId' });
  if (grid.kind !== 'grid' || !unit || !grid.path.startsWith(unit.path)) {
    fail(
      'VALIDATION_FAILED',
      `gridId ${gridId}: give a grid of the user's unit ${unit?.name ?? unitId}, or null`,
      {
        field: 'gridId',
      },
    );
  }
}

export async function createUser(
  ctx: ServiceContext,
  input: {
    username: string;
    password: string;
    displayName: string;
    role: string;
    unitId: string;
    gridId?: string | null;
    phone?: string;
  },
): Promise<UserRecord> {
  if (await findUserByUsername(ctx.db, input.username)) {
    fail('USERNAME_TAKEN', `Username "${input.username}" is taken; choose another`, { field: 'username' });
  }
  await checkUnitExists(ctx, input.unitId);
  await checkGrid(ctx, input.gridId ?? null, input.unitId);
  const now = ctx.now();
  const user: UserRecord = {
    id: newId(),
    username: input.username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    unitId: input.unitId,
    gridId: input.gridId ?? null,
    phone: input.phone ?? null,
    active: true,
    failedLogins: 0,
    lastFailedAt: null,
    lockedUntil: null,
    createdAt: now,
    updatedAt: now,
  };
  await writeTransaction(ctx.db, ['users'], (trx) => insertUser(trx, user));
  return user;
}

async function checkNotLastAdmin(ctx: ServiceContext, user: UserRecord): Promise<void> {
  if (user.role === 'admin' && user.active && (await countActiveAdmins(ctx.db)) <= 1) {
    fail('LAST_ADMIN', `"${user.username}" is the last active administrator; create another admin first`);
  }
}

export async function patchUser(
  ctx: ServiceContext,
  id: string,
  patch: {
    displayName?: string;
    password?: string;
    role?: string;
    unitId?: string;
    gridId?: string | null;
    phone?: string | null;
    active?: boolean;
    unlock?: boolean;
  },
): Promise<UserRecord> {
  const user = await getUserOrThrow(ctx, null, id);
  if ((patch.role !== undefined && patch.role !== 'admin') || patch.active === false) {
    await checkNotLastAdmin(ctx, user);
  }
  if (patch.unitId !== undefined) await checkUnitExists(ctx, patch.unitId);
  // A move to another unit keeps the grid only if it lies there; say gridId to change it too.
  if (patch.unitId !== undefined || patch.gridId !== undefined) {
    await checkGrid(
      ctx,
      patch.gridId === undefined ? user.gridId : patch.gridId,
      patch.unitId ?? user.unitId,
    );
  }
  // Hashed before the transaction: it takes tens of milliseconds, and a transaction holds writes.
  const passwordHash = patch.password !== undefined ? await hashPassword(patch.password) : undefined;
  await writeTransaction(ctx.db, ['users', 'sessions'], async (trx) => {
    await updateUser(trx, id, {
      displayName: patch.displayName,
      passwordHash,
      role: patch.role,
      unitId: patch.unitId,
      gridId: patch.gridId,
      phone: patch.phone,
      active: patch.active,
      ...(patch.unlock && { failedLogins: 0, lockedUntil: null, lastFailedAt: null }),
      updatedAt: ctx.now(),
    });
    // A new password, a deactivation or a role change ends the user's open sessions.
    if (patch.password !== undefined || patch.active === false || patch.role !== undefined) {
      await deleteSessionsOfUser(trx, id);
    }
  });
  return getUserOrThrow(ctx, null, id);
}

export async function removeUser(ctx: ServiceContext, id: string): Promise<void> {
  const user = await getUserOrThrow(ctx, null, id);
  await checkNotLastAdmin(ctx, user);
  await writeTransaction(ctx.db, ['users'], (trx) => deleteUser(trx, id));
}

/** The signed-in user with their unit (GET /api/session); UNAUTHENTICATED once the account is gone. */
export async function describeCaller(ctx: ServiceContext, who: Principal) {
  const user = await findUser(ctx.db, who.userId);
  const unit = await findUnit(ctx.db, who.unitId);
  if (!user || !unit) fail('UNAUTHENTICATED', 'The account no longer exists');
  return { user: userView(user), unit: unitView(unit) };
}
