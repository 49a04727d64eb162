import type { Role } from '../../../../src/domain/auth/roles.ts';

/** The roles with a home (首页): the field roles, and the centre and leaders on a phone. */
export const HOME_ROLES: readonly Role[] = [
  'resident',
  'gridWorker',
  'community',
  'workstation',
  'department',
  'crew',
  'operator',
  'leader',
];
