/** Failed-login policy: after `backoffAfter` failures each further try must wait; after `lockAfter` the account locks. */
export interface ThrottlePolicy {
  backoffAfter: number;
  lockAfter: number;
  lockMs: number;
}

export interface LoginState {
  failedLogins: number;
  lastFailedAt: number | null;
  lockedUntil: number | null;
}

export type ThrottleVerdict =
  | { allowed: true }
  | { allowed: false; code: 'LOGIN_THROTTLED' | 'ACCOUNT_LOCKED'; retryAfterMs: number };

/** Back-off grows with each failure past the threshold: 1 s, 2 s, 4 s… capped at 60 s. */
export function backoffMs(failedLogins: number, policy: ThrottlePolicy): number {
  const over = failedLogins - policy.backoffAfter;
  if (over < 0) return 0;
  return Math.min(60_000, 1000 * 2 ** over);
}

/** Whether a login attempt may be checked now. */
export function checkThrottle(state: LoginState, now: number, policy: ThrottlePolicy): ThrottleVerdict {
  if (state.lockedUntil !== null && state.lockedUntil > now) {
    return { allowed: false, code: 'ACCOUNT_LOCKED', retryAfterMs: state.lockedUntil - now };
  }
  const wait = backoffMs(state.failedLogins, policy);
  if (wait > 0 && state.lastFailedAt !== null && now - state.lastFailedAt < wait) {
    return { allowed: false, code: 'LOGIN_THROTTLED', retryAfterMs: wait - (now - state.lastFailedAt) };
  }
  return { allowed: true };
}

/** The state after a failed attempt. A lock that has expired starts the count afresh. */
export function afterFailure(state: LoginState, now: number, policy: ThrottlePolicy): LoginState {
  const expired = state.lockedUntil !== null && state.lockedUntil <= now;
  const failedLogins = (expired ? 0 : state.failedLogins) + 1;
  return {
    failedLogins,
    lastFailedAt: now,
    lockedUntil: failedLogins >= policy.lockAfter ? now + policy.lockMs : null,
  };
}
