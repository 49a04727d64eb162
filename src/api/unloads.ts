import { type Static, Type } from 'typebox';
import { Latitude, Longitude, Nullable, RefId, Time } from './common.ts';

/** The most one unload may weigh: a river-cleaning boat carries a few tonnes at most. */
export const MAX_UNLOAD_TONNES = 20;

/** POST /api/unloads: a boat's rubbish unload (卸载). */
export const NewUnloadBody = Type.Object({
  assetId: RefId,
  at: Type.String({ format: 'date-time', description: 'when: not in the future, at most 7 days ago' }),
  tonnes: Type.Number({ exclusiveMinimum: 0, maximum: MAX_UNLOAD_TONNES }),
  dockId: Type.Optional(RefId),
  lat: Type.Optional(Latitude),
  lon: Type.Optional(Longitude),
  photoId: Type.Optional(RefId),
});

/** An unload as the API sends it. */
export const UnloadSchema = Type.Object({
  id: Type.String(),
  assetId: Type.String({ description: 'the boat' }),
  at: Time,
  tonnes: Type.Number(),
  dockId: Nullable(Type.String({ description: 'the dock, as given or the one whose radius holds lat/lon' })),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  photoId: Nullable(Type.String()),
  recordedBy: Nullable(Type.String({ description: 'the user who logged it (null: a seeded record)' })),
  createdAt: Time,
});

/** An unload as the API sends it. */
export type UnloadView = Static<typeof UnloadSchema>;

/** GET /api/unloads. */
export const UnloadListQuery = Type.Object({
  assetId: Type.Optional(RefId),
  unitId: Type.Optional(RefId),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'default: 31 days before `to`' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'exclusive; default: now' })),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
  cursor: Type.Optional(Type.String({ maxLength: 100 })),
});

/** A page of unloads, newest first, with the count and tonnes of all that match. */
export const UnloadPageSchema = Type.Object({
  items: Type.Array(UnloadSchema),
  total: Type.Integer(),
  totalTonnes: Type.Number(),
  nextCursor: Type.Optional(Type.String()),
});

/** A page of unloads as the API sends it. */
export type UnloadPageView = Static<typeof UnloadPageSchema>;
