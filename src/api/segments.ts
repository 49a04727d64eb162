import { type Static, Type } from 'typebox';
import type { LineGeometry } from '../domain/fleet/index.ts';
import { Nullable, RefId } from './common.ts';

const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 3 });

/** A river segment (责任河段) as the API sends it: its centre line in WGS-84, [lon, lat] positions. */
export const SegmentSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  geometry: Type.Union([
    Type.Object({ type: Type.Literal('LineString'), coordinates: Type.Array(Position) }),
    Type.Object({ type: Type.Literal('MultiLineString'), coordinates: Type.Array(Type.Array(Position)) }),
  ]),
  halfWidthM: Type.Number({ description: 'how far either side of the line counts as on the segment' }),
  unitId: Nullable(Type.String({ description: 'the unit that holds it (the contractor)' })),
});

/** A river segment as the API sends it. */
export type SegmentView = Static<typeof SegmentSchema>;

/** A segment's code: letters, digits and dashes, like an asset's. */
const SegmentCode = Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z-]+$' });
const SegmentName = Type.String({ minLength: 1, maxLength: 100 });
const HalfWidthM = Type.Number({
  exclusiveMinimum: 0,
  maximum: 1000,
  description: 'metres either side of the centre line that count as on the segment',
});

/**
 * A centre line as a request gives it. Its structure (type, positions, ranges, self-crossing) is
 * checked in depth by the domain (lineGeometryProblem), which names the problem in a 400
 * INVALID_GEOMETRY.
 */
const LineGeometryInput = Type.Unsafe<LineGeometry>(
  Type.Unknown({ description: 'GeoJSON LineString or MultiLineString in WGS-84 [lon, lat]' }),
);

/** POST /api/segments. */
export const NewSegmentBody = Type.Object({
  code: SegmentCode,
  name: SegmentName,
  geometry: LineGeometryInput,
  halfWidthM: HalfWidthM,
  unitId: Type.Optional(Nullable(RefId)),
});

/** PATCH /api/segments/:id: any of the fields. */
export const SegmentPatchBody = Type.Object(
  {
    code: Type.Optional(SegmentCode),
    name: Type.Optional(SegmentName),
    geometry: Type.Optional(LineGeometryInput),
    halfWidthM: Type.Optional(HalfWidthM),
    unitId: Type.Optional(Nullable(RefId)),
  },
  { minProperties: 1 },
);
