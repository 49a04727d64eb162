// The JSON form of the protocol, POSTed as application/json by Traccar Client (and by apps
// built on transistorsoft background-geolocation):
//   { "device_id": "...", "location": { "timestamp": "ISO-8601", "coords": { "latitude",
//     "longitude", "speed", "heading", "altitude", "accuracy" }, "is_moving", "odometer",
//     "event", "battery": { "level", "is_charging" }, "activity": { "type" }, "extras": {…} } }
// As in traccar's OsmAndProtocolDecoder.decodeJson: speed is in m/s (knotsFromMps there), a
// negative speed, heading, accuracy or battery level means "unknown", and battery level is a
// fraction of 1.

import { coordinateOf, courseOf, deviceIdOf, nonNegative, numberOf, reject, timeOf } from './fields.ts';
import type { OsmAndReport } from './types.ts';
import { KMH_PER } from './values.ts';

type JsonObject = Record<string, unknown>;

const POSITION_HINT =
  'send location.coords.latitude and location.coords.longitude in decimal degrees (WGS-84)';

/** A JSON object (not an array, not null), or undefined. */
export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/** Builds a report from a parsed Traccar Client JSON body; throws `Rejection` on the first problem. */
export function reportFromJson(root: JsonObject, now: number): OsmAndReport {
  const deviceId = deviceIdOf(root.device_id, 'device_id');
  const location = asObject(root.location);
  if (!location) {
    reject(
      'MALFORMED_BODY',
      'location',
      'location must be one object with timestamp and coords (send one fix per request)',
    );
  }
  const coords = asObject(location.coords) ?? {};
  const lat = coordinateOf(
    numberOf(coords.latitude, 'location.coords.latitude'),
    'location.coords.latitude',
    90,
    POSITION_HINT,
  );
  const lon = coordinateOf(
    numberOf(coords.longitude, 'location.coords.longitude'),
    'location.coords.longitude',
    180,
    POSITION_HINT,
  );
  const speed = nonNegative(numberOf(coords.speed, 'location.coords.speed'));
  return {
    deviceId,
    lat,
    lon,
    time: timeOf(location.timestamp, 'location.timestamp', now),
    speedKmh: speed === null ? null : speed * KMH_PER.mps,
    course: courseOf(numberOf(coords.heading, 'location.coords.heading')),
    altitude: numberOf(coords.altitude, 'location.coords.altitude') ?? null,
    accuracy: nonNegative(numberOf(coords.accuracy, 'location.coords.accuracy')),
    valid: true,
    attributes: attributesOf(location),
  };
}

function attributesOf(location: JsonObject): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  // Extras first, so the fields the app itself defines win over a same-named extra.
  for (const [key, value] of Object.entries(asObject(location.extras) ?? {})) {
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
      attributes[key] = value;
  }
  if (typeof location.is_moving === 'boolean') attributes.motion = location.is_moving;
  const odometer = numberOf(location.odometer, 'location.odometer');
  if (odometer !== undefined) attributes.odometer = odometer;
  for (const key of ['event', 'uuid', 'alarm'] as const) {
    if (typeof location[key] === 'string') attributes[key] = location[key];
  }
  if (typeof location.mock === 'boolean') attributes.mock = location.mock;
  const activity = asObject(location.activity)?.type;
  if (typeof activity === 'string') attributes.activity = activity;
  const battery = asObject(location.battery);
  if (battery) {
    const level = nonNegative(numberOf(battery.level, 'location.battery.level'));
    if (level !== null) attributes.batteryLevel = Math.round(level * 100);
    if (typeof battery.is_charging === 'boolean') attributes.charge = battery.is_charging;
  }
  return attributes;
}
