import type { Role } from '../domain/auth/roles.ts';
import { type AreaPlan, DEMO_LAYOUT } from './layout.ts';
import { DEMO_CONTRACTOR, DEMO_DEPARTMENTS } from './organisations.ts';

/** The one password of every demo account (admin's is ZS_ADMIN_PASSWORD instead when that is set). */
export const DEMO_PASSWORD = 'Zhongshu@2026';

/** A demo login: who it is, which unit it belongs to, and how to log in. */
export interface DemoUser {
  username: string;
  role: Role;
  displayName: string;
  unitCode: string;
  unitName: string;
  password: string;
}

function first<T>(items: readonly T[], what: string): T {
  const item = items[0];
  if (item === undefined) throw new Error(`the demo layout has no ${what}`);
  return item;
}

const gridArea = first(DEMO_LAYOUT.gridAreas, 'grid area');
const community = first(gridArea.communities, 'community');
const grid = first(community.grids, 'grid');
const greening = first(DEMO_DEPARTMENTS, 'department');

function user(username: string, role: Role, displayName: string, unit: Pick<AreaPlan, 'code' | 'name'>) {
  return { username, role, displayName, unitCode: unit.code, unitName: unit.name, password: DEMO_PASSWORD };
}

/**
 * One account per role, and the contractor's office besides. The grid worker 王网格 patrols the first grid of the first community,
 * as in the design brief's story; the community and resident accounts belong to that community.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  user('admin', 'admin', '系统管理员', DEMO_LAYOUT),
  user('operator', 'operator', '陈值班', DEMO_LAYOUT),
  user('leader', 'leader', '周主任', DEMO_LAYOUT),
  user('workstation', 'workstation', '赵站长', gridArea.workstation),
  user('community', 'community', '刘书记', community),
  user('gridworker', 'gridWorker', '王网格', grid),
  user('department', 'department', '孙绿化', greening),
  user('crew', 'crew', '钱船员', DEMO_CONTRACTOR),
  // The contractor's office (调度): signs orders sent to the company, names the boats it sends,
  // handles and feeds back. Department staff of the contractor unit, as for any unit outside the grid.
  user('contractor', 'department', '郑调度', DEMO_CONTRACTOR),
  user('resident', 'resident', '吴居民', community),
];
