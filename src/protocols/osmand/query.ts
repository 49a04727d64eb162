// The query-string form of the protocol, sent by OsmAnd live tracking and Traccar Client as a
// GET query or an application/x-www-form-urlencoded POST body. Keys as traccar's
// OsmAndProtocolDecoder.decodeQuery reads them; every other key becomes an attribute.

import { coordinateOf, courseOf, deviceIdOf, nonNegative, numberOf, reject, timeOf } from './fields.ts';
import type { OsmAndOptions, OsmAndReport } from './types.ts';
import { attributeValue, KMH_PER, parseBoolean } from './values.ts';

/** Request parameters by key, in arrival order; empty values already dropped. */
export type Params = Map<string, string[]>;

const POSITION_HINT = 'send lat and lon in decimal degrees (WGS-84), or location=<lat>,<lon>';
/** The query keys the OsmAnd protocol gives a meaning to; any other is kept as an attribute. */
export const OSMAND_KEYS = [
  'id',
  'deviceid',
  'lat',
  'lon',
  'location',
  'timestamp',
  'time',
  'speed',
  'bearing',
  'heading',
  'altitude',
  'accuracy',
  'hdop',
  'batt',
  'charge',
  'valid',
] as const;
const KNOWN = new Set<string>(OSMAND_KEYS);

/** Adds `entries` to `params`, skipping empty values as traccar does. */
export function addParams(params: Params, entries: Iterable<[string, unknown]>): void {
  for (const [key, value] of entries) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      const text = typeof item === 'object' ? JSON.stringify(item) : String(item);
      if (text === '') continue;
      params.set(key, [...(params.get(key) ?? []), text]);
    }
  }
}

/** Builds a report from query or form parameters; throws `Rejection` on the first problem. */
export function reportFromParams(params: Params, now: number, options: OsmAndOptions): OsmAndReport {
  // The last value of the first key present: traccar lets a repeated key override earlier ones.
  const last = (...keys: string[]) => keys.map((k) => params.get(k)?.at(-1)).find((v) => v !== undefined);
  const deviceId = deviceIdOf(last('id', 'deviceid'), 'id', ' (deviceid= is also accepted)');

  let lat = numberOf(last('lat'), 'lat');
  let lon = numberOf(last('lon'), 'lon');
  const location = last('location');
  if (location !== undefined && (lat === undefined || lon === undefined)) {
    const [latText, lonText, ...rest] = location.split(',');
    if (rest.length > 0 || lonText === undefined) {
      reject(
        'INVALID_NUMBER',
        'location',
        `location must be <lat>,<lon> in decimal degrees, got ${JSON.stringify(location)}`,
      );
    }
    lat = numberOf(latText, 'location (latitude)');
    lon = numberOf(lonText, 'location (longitude)');
  }

  const speed = nonNegative(numberOf(last('speed'), 'speed'));
  const attributes: Record<string, unknown> = {};
  const hdop = numberOf(last('hdop'), 'hdop');
  if (hdop !== undefined) attributes.hdop = hdop;
  const batt = numberOf(last('batt'), 'batt');
  if (batt !== undefined) attributes.batteryLevel = batt;
  const charge = last('charge');
  if (charge !== undefined) attributes.charge = parseBoolean(charge);
  for (const [key, values] of params) {
    if (KNOWN.has(key)) continue;
    const parsed = values.map(attributeValue);
    attributes[key] = parsed.length === 1 ? parsed[0] : parsed;
  }

  const valid = last('valid');
  return {
    deviceId,
    lat: coordinateOf(lat, 'lat', 90, POSITION_HINT),
    lon: coordinateOf(lon, 'lon', 180, POSITION_HINT),
    time: timeOf(last('timestamp', 'time'), params.has('timestamp') ? 'timestamp' : 'time', now),
    speedKmh: speed === null ? null : speed * KMH_PER[options.speedUnit ?? 'kn'],
    course: courseOf(numberOf(last('bearing', 'heading'), params.has('bearing') ? 'bearing' : 'heading')),
    altitude: numberOf(last('altitude'), 'altitude') ?? null,
    accuracy: nonNegative(numberOf(last('accuracy'), 'accuracy')),
    valid: valid === undefined ? true : parseBoolean(valid),
    attributes,
  };
}
