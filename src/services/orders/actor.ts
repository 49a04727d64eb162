import { ROLES, type Role } from '../../domain/auth/roles.ts';
import type { Actor } from '../../domain/workorder/model.ts';
import { fail } from '../../errors/catalogue.ts';
import type { Principal } from '../context.ts';

/** The caller as the state machine sees it (never the scheduler: a person with a role). */
export function actorOf(who: Principal): Actor & { role: Role } {
  const role = ROLES.find((r) => r === who.role);
  if (!role) fail('FORBIDDEN', `Role ${who.role} takes no part in work orders`);
  return { userId: who.userId, role, unitId: who.unitId };
}

/** Whether the caller runs the command centre (and may see every order of its subdistrict). */
export function isCentreRole(role: string): role is Extract<Role, 'admin' | 'operator'> {
  return role === 'admin' || role === 'operator';
}
