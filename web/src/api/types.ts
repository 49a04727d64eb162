import type { LineString, MultiPolygon, Polygon } from 'geojson';
import type { Role } from '../../../src/domain/auth/roles.ts';
import type { UnitKind } from '../../../src/domain/org/unit-kinds.ts';

// Roles and unit kinds (with PARENT_KIND, which kind may sit under which) are the server's own lists,
// imported from its pure domain modules rather than copied.
export { ROLES, type Role } from '../../../src/domain/auth/roles.ts';
export { PARENT_KIND, UNIT_KINDS, type UnitKind } from '../../../src/domain/org/unit-kinds.ts';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  phone: string | null;
  active: boolean;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Unit {
  id: string;
  kind: UnitKind;
  parentId: string | null;
  code: string;
  name: string;
  polygon: Polygon | MultiPolygon | null;
  createdAt: string;
  updatedAt: string;
}

export interface UnitNode extends Unit {
  children: UnitNode[];
}

export interface Session {
  user: User;
  unit: Unit;
}

export type DeviceStatus = 'online' | 'offline';

export interface Device {
  id: string;
  name: string;
  protocol: string;
  identifier: string;
  assetId: string | null;
  unitId: string;
  offlineAfterS: number;
  status: DeviceStatus;
  lastSeenAt: string | null;
  lastPosition: { time: string; lat: number; lon: number; speed: number } | null;
}

/** A stored fix; times ISO UTC, coordinates WGS-84, speed km/h. */
export interface Position {
  deviceId: string;
  time: string;
  serverTime: string;
  lat: number;
  lon: number;
  speed: number;
  course: number;
  altitude: number;
  valid: boolean;
  blind: boolean;
  flags: number;
  attributes: Record<string, unknown>;
}

/** A position as the live feed sends it. */
export interface LivePosition extends Position {
  deviceName?: string;
}

/** A river segment (责任河段). */
export interface Segment {
  id: string;
  code: string;
  name: string;
  geometry: LineString;
  halfWidthM: number;
  unitId: string | null;
}

/** `{ items, total? }`, the shape of every list. */
export interface List<T> {
  items: T[];
  total?: number;
}
