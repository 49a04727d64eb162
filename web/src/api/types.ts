import type { LineString, MultiPolygon, Polygon } from 'geojson';

/** Roles as the API names them (src/domain/auth/roles.ts). */
export type Role =
  | 'admin'
  | 'operator'
  | 'leader'
  | 'workstation'
  | 'community'
  | 'gridWorker'
  | 'department'
  | 'crew'
  | 'resident';

export const ROLES: readonly Role[] = [
  'admin',
  'operator',
  'leader',
  'workstation',
  'community',
  'gridWorker',
  'department',
  'crew',
  'resident',
];

/** Unit kinds of the 网格化 organisation (src/domain/org/unit-kinds.ts). */
export type UnitKind =
  | 'subdistrict'
  | 'gridArea'
  | 'workstation'
  | 'community'
  | 'grid'
  | 'department'
  | 'contractor';

/** Which kind may sit under which; mirrors the server so the form offers only valid parents. */
export const PARENT_KIND: Record<UnitKind, UnitKind | null> = {
  subdistrict: null,
  gridArea: 'subdistrict',
  workstation: 'gridArea',
  community: 'gridArea',
  grid: 'community',
  department: 'subdistrict',
  contractor: 'subdistrict',
};

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
