import { Type } from 'typebox';
import { ROLES } from '../domain/auth/roles.ts';
import { UNIT_KINDS } from '../domain/org/unit-kinds.ts';

/** Shared TypeBox schemas; the OpenAPI document is generated from these. */

/** A record's id, in a path or as a reference in a body: never empty (an empty reference is a 400, not a lookup). */
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id });

export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }),
});

export const UnitKindSchema = Type.Union(UNIT_KINDS.map((k) => Type.Literal(k)));
export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

/** GeoJSON Polygon/MultiPolygon; the structure is checked in depth by the domain (closed rings, ranges). */
export const AreaGeometrySchema = Type.Object(
  { type: Type.String(), coordinates: Type.Array(Type.Unknown()) },
  { description: 'GeoJSON Polygon or MultiPolygon in WGS-84 [lon, lat]' },
);

export const UnitSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  code: Type.String(),
  name: Type.String(),
  polygon: Type.Union([Type.Unknown(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  unitId: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const Username = Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' });
export const Password = Type.String({ minLength: 8, maxLength: 200 });
