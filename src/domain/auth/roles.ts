/** Roles a user can hold; each user has one role and belongs to one unit. */
export const ROLES = [
  'admin',
  'operator',
  'leader',
  'workstation',
  'community',
  'gridWorker',
  'department',
  'crew',
  'resident',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = {
  admin: '系统管理员',
  operator: '指挥中心值班员',
  leader: '街道领导',
  workstation: '联动工作站',
  community: '社区',
  gridWorker: '网格员',
  department: '职能部门',
  crew: '船员',
  resident: '居民',
};

/** Roles that read the organisation and its people (within their scope). */
export const STAFF_ROLES: Role[] = [
  'admin',
  'operator',
  'leader',
  'workstation',
  'community',
  'gridWorker',
  'department',
];

/** Roles that read people (GET /api/users, within their scope); a department or a crew reads none. */
export const PEOPLE_READERS: Role[] = ['admin', 'operator', 'leader', 'workstation', 'community'];

/** Roles that read positions and device status (GET /api/positions and the live feed's position events). */
export const POSITION_READERS: Role[] = [
  'admin',
  'operator',
  'leader',
  'workstation',
  'community',
  'department',
  'crew',
];

/** Roles that read field assets and their records: crews, shifts, segments, docks, duty, unloads (within scope). */
export const FLEET_READERS: Role[] = POSITION_READERS;

/** Roles that manage field assets and their records: segments, docks, shifts, crews. */
export const FLEET_MANAGERS: Role[] = ['admin', 'operator'];

/** Roles that manage alert rules (告警规则). */
export const ALERT_RULE_MANAGERS: Role[] = ['admin'];

/** Roles that acknowledge and resolve alerts within their scope: the centre, the asset's unit, its crew. */
export const ALERT_HANDLERS: Role[] = ['admin', 'operator', 'workstation', 'community', 'department', 'crew'];
