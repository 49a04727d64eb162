import { type Static, Type } from 'typebox';
import { Latitude, Longitude, RefId, Time } from './common.ts';

/** How far from a dock (metres) a boat still counts as at it, when a dock is created without one. */
export const DEFAULT_DOCK_RADIUS_M = 50;

const Name = Type.String({ minLength: 1, maxLength: 100 });
const RadiusM = Type.Number({
  exclusiveMinimum: 0,
  maximum: 2000,
  description: 'metres around the point that count as at the dock',
});

/** A dock (码头/停靠点) as the API sends it: where boats moor and unload, WGS-84. */
export const DockSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  lat: Type.Number(),
  lon: Type.Number(),
  radiusM: Type.Number(),
  unitId: Type.String({ description: 'the unit that holds it (the contractor)' }),
  createdAt: Time,
  updatedAt: Time,
});

/** A dock as the API sends it. */
export type DockView = Static<typeof DockSchema>;

/** POST /api/docks. */
export const NewDockBody = Type.Object({
  name: Name,
  lat: Latitude,
  lon: Longitude,
  radiusM: Type.Optional(RadiusM),
  unitId: RefId,
});

/** PATCH /api/docks/:id: any of the fields. */
export const DockPatchBody = Type.Object(
  {
    name: Type.Optional(Name),
    lat: Type.Optional(Latitude),
    lon: Type.Optional(Longitude),
    radiusM: Type.Optional(RadiusM),
    unitId: Type.Optional(RefId),
  },
  { minProperties: 1 },
);

/** GET /api/docks. */
export const DockListQuery = Type.Object({
  unitId: Type.Optional(RefId),
});
