import type {
  DEVICE_STATUSES,
  DeviceView,
  PositionView,
  SegmentView,
  UnitTreeNodeView,
  UnitView,
  UserView,
} from '../../../src/api/index.ts';

// Roles and unit kinds (with PARENT_KIND, which kind may sit under which) are the server's own lists,
// imported from its pure domain modules rather than copied.
export { ROLES, type Role } from '../../../src/domain/auth/roles.ts';
export { PARENT_KIND, UNIT_KINDS, type UnitKind } from '../../../src/domain/org/unit-kinds.ts';

// What the API answers is typed by its response schemas (src/api/), types only: the server's views
// are typed from the same schemas.

/** A user as the API sends it. */
export type User = UserView;

/** A unit as the API sends it, its polygon GeoJSON in WGS-84. */
export type Unit = UnitView;

/** A unit with its children, as the tree view of /api/units nests them. */
export type UnitNode = UnitTreeNodeView;

export interface Session {
  user: User;
  unit: Unit;
}

export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** A device with its online status and last position. */
export type Device = DeviceView;

/** A stored fix; times ISO UTC, coordinates WGS-84, speed km/h. */
export type Position = PositionView;

/** A position as the live feed sends it. */
export interface LivePosition extends Position {
  deviceName?: string;
}

/** A river segment (责任河段). */
export type Segment = SegmentView;

/** `{ items, total? }`, the shape of every list. */
export interface List<T> {
  items: T[];
  total?: number;
}
