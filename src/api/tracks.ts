import { type Static, Type } from 'typebox';
import { literals, Nullable, Time } from './common.ts';

/** A WGS-84 point. */
const LatLonSchema = Type.Object({ lat: Type.Number(), lon: Type.Number() });

/** `?from=&to=` of an asset's trips, stops and track: at most 31 days, `from` ≤ `to`, both inclusive. */
export const AssetRangeQuery = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
});

/** The formats GET /api/assets/:id/track answers in. */
export const TRACK_FORMATS = ['json', 'geojson', 'gpx', 'kml', 'csv'] as const;

/** One of TRACK_FORMATS. */
export type TrackFormat = (typeof TRACK_FORMATS)[number];

/** `?from=&to=&simplifyM=&format=` of GET /api/assets/:id/track. */
export const TrackQuery = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  simplifyM: Type.Optional(
    Type.Number({
      exclusiveMinimum: 0,
      maximum: 10_000,
      description: 'Douglas–Peucker tolerance in metres; without it every fix is sent',
    }),
  ),
  format: Type.Optional(literals(TRACK_FORMATS)),
});

/** A movement between two stops (行程). */
export const TripSchema = Type.Object({
  start: Time,
  end: Time,
  durationS: Type.Number(),
  distanceM: Type.Number({ description: 'sum of the haversine legs between its fixes' }),
  maxSpeedKmh: Type.Number(),
  avgSpeedKmh: Type.Number(),
  from: LatLonSchema,
  to: LatLonSchema,
});

/** A trip as the API sends it. */
export type TripView = Static<typeof TripSchema>;

/** A stay in one place (停留); `dockId` names the dock (码头) whose radius holds it. */
export const StopSchema = Type.Object({
  start: Time,
  end: Time,
  durationS: Type.Number(),
  lat: Type.Number(),
  lon: Type.Number(),
  dockId: Nullable(Type.String()),
});

/** A stop as the API sends it. */
export type StopView = Static<typeof StopSchema>;

/** GET /api/assets/:id/trips. */
export const TripListSchema = Type.Object({ items: Type.Array(TripSchema) });

/** GET /api/assets/:id/stops. */
export const StopListSchema = Type.Object({ items: Type.Array(StopSchema) });

/** One fix of an asset's track (轨迹点). */
export const TrackPointSchema = Type.Object({
  time: Time,
  lat: Type.Number(),
  lon: Type.Number(),
  speedKmh: Type.Number(),
  course: Type.Number({ description: 'degrees from north' }),
  valid: Type.Boolean({ description: 'the device’s own claim that it had a satellite fix' }),
});

/** A track point as the API sends it. */
export type TrackPointView = Static<typeof TrackPointSchema>;

/** GET /api/assets/:id/track?format=json. */
export const TrackSchema = Type.Object({ items: Type.Array(TrackPointSchema) });

/** An asset's track as JSON. */
export type TrackView = Static<typeof TrackSchema>;
