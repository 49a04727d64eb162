import { type Static, Type } from 'typebox';
import { Nullable } from './common.ts';

/** A river segment (责任河段) as the API sends it: its centre line in WGS-84, [lon, lat] positions. */
export const SegmentSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  geometry: Type.Object({
    type: Type.Literal('LineString'),
    coordinates: Type.Array(Type.Array(Type.Number(), { minItems: 2, maxItems: 3 })),
  }),
  halfWidthM: Type.Number({ description: 'how far either side of the line counts as on the segment' }),
  unitId: Nullable(Type.String({ description: 'the unit that holds it (the contractor)' })),
});

/** A river segment as the API sends it. */
export type SegmentView = Static<typeof SegmentSchema>;
