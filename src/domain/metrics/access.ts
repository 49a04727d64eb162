import type { Role } from '../auth/roles.ts';

/**
 * Who reads metrics and progress, each within their scope: leaders and the centre everything,
 * a workstation its grid area, a community or a department its own (a department may own a metric).
 */
export const METRIC_READERS: readonly Role[] = [
  'admin',
  'operator',
  'leader',
  'workstation',
  'community',
  'department',
];

/** Who manages metrics, their targets and imports. */
export const METRIC_MANAGERS: readonly Role[] = ['admin', 'operator'];

/** Who may enter actuals at all: the owner unit's staff (and administrators, to correct one). */
export const ACTUAL_ENTERERS: readonly Role[] = [
  'admin',
  'operator',
  'workstation',
  'community',
  'department',
];
