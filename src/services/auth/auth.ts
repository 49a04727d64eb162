import { createHash, randomBytes } from 'node:crypto';
import { checkThrottle, type ThrottlePolicy } from '../../domain/auth/login-throttle.ts';
import { verifyPassword } from '../../domain/auth/password.ts';
import { scopePath } from '../../domain/auth/scope.ts';
import { DomainError, fail } from '../../errors/catalogue.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { deleteSession, findSession, insertSession } from '../../store/sessions.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import {
  findUser,
  findUserByUsername,
  recordFailedLogin,
  type UserRecord,
  updateUser,
} from '../../store/users.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';

export interface AuthPolicy extends ThrottlePolicy {
  sessionTtlMs: number;
}

/** Sessions are looked up by the token's SHA-256, so a leaked table does not leak live tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Checks the credentials and opens a session; throttles and locks on repeated failures. */
export async function login(
  ctx: ServiceContext,
  policy: AuthPolicy,
  input: { username: string; password: string; ip: string | null },
): Promise<{ token: string; expiresAt: number; user: UserRecord }> {
  const user = await findUserByUsername(ctx.db, input.username);
  const now = ctx.now();
  if (!user?.active) {
    // Same answer as a wrong password, so usernames cannot be probed.
    fail('INVALID_CREDENTIALS');
  }
  const verdict = checkThrottle(user, now, policy);
  if (!verdict.allowed) {
    const seconds = Math.ceil(verdict.retryAfterMs / 1000);
    throw new DomainError(
      verdict.code,
      verdict.code === 'ACCOUNT_LOCKED'
        ? `Too many failed logins: the account is locked; try again in ${seconds} s or ask an administrator to unlock it`
        : `Too many failed logins: wait ${seconds} s before trying again`,
      { retryAfterSeconds: seconds },
    );
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    // Atomic: attempts checked in parallel against the same stale count must each still count.
    await recordFailedLogin(ctx.db, user.id, now, policy);
    fail('INVALID_CREDENTIALS');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + policy.sessionTtlMs;
  await writeTransaction(ctx.db, ['users', 'sessions'], async (trx) => {
    if (user.failedLogins > 0 || user.lockedUntil !== null) {
      await updateUser(trx, user.id, {
        failedLogins: 0,
        lastFailedAt: null,
        lockedUntil: null,
        updatedAt: now,
      });
    }
    await insertSession(trx, {
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
      ip: input.ip,
    });
  });
  return { token, expiresAt, user };
}

export async function logout(ctx: ServiceContext, token: string): Promise<void> {
  await writeTransaction(ctx.db, ['sessions'], (trx) => deleteSession(trx, hashToken(token)));
}

/** Resolves a session token to the caller, or throws UNAUTHENTICATED / SESSION_EXPIRED. */
export async function authenticate(ctx: ServiceContext, token: string): Promise<Principal> {
  const session = await findSession(ctx.db, hashToken(token));
  if (!session) fail('UNAUTHENTICATED', 'The session token is not valid: log in again');
  if (session.expiresAt <= ctx.now()) {
    await deleteSession(ctx.db, session.tokenHash);
    fail('SESSION_EXPIRED');
  }
  const user = await findUser(ctx.db, session.userId);
  if (!user?.active) fail('UNAUTHENTICATED', 'The account is no longer active');
  return principalOf(ctx, user);
}

/** The caller's identity and scope, derived from the user's unit. */
export async function principalOf(ctx: ServiceContext, user: UserRecord): Promise<Principal> {
  const unit = await findUnit(ctx.db, user.unitId);
  if (!unit) fail('UNAUTHENTICATED', 'The account has no unit');
  const parent = unit.parentId ? await findUnit(ctx.db, unit.parentId) : undefined;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    scopePath: scopePath(user.role, unit, parent),
  };
}
