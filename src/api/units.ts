import { type Static, Type } from 'typebox';
import type { AreaGeometry } from '../domain/org/polygon.ts';
import { UNIT_KINDS } from '../domain/org/unit-kinds.ts';
import { literals, Nullable, Time } from './common.ts';

/** A unit kind in a request. */
export const UnitKindSchema = literals(UNIT_KINDS);

/** GeoJSON Polygon/MultiPolygon; the structure is checked in depth by the domain (closed rings, ranges). */
export const AreaGeometrySchema = Type.Object(
  { type: Type.String(), coordinates: Type.Array(Type.Unknown()) },
  { description: 'GeoJSON Polygon or MultiPolygon in WGS-84 [lon, lat]' },
);

/** A unit of the organisation (网格化) as the API sends it. */
export const UnitSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(UNIT_KINDS),
  parentId: Nullable(Type.String()),
  code: Type.String(),
  name: Type.String(),
  // Sent as stored (the domain checked it on the way in), so the schema does not filter its keys.
  polygon: Type.Unsafe<AreaGeometry | null>(
    Type.Union([Type.Unknown(), Type.Null()], {
      description: 'GeoJSON Polygon or MultiPolygon in WGS-84 [lon, lat], or null',
    }),
  ),
  createdAt: Time,
  updatedAt: Time,
});

/** A unit as the API sends it. */
export type UnitView = Static<typeof UnitSchema>;

/** A unit with its children, as GET /api/units?view=tree nests them. */
export type UnitTreeNodeView = UnitView & { children: UnitTreeNodeView[] };
