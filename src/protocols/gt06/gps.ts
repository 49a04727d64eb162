// The GPS block shared by location (GT06 v1.8.1 §5.2) and alarm (§5.3) packets, 18 bytes:
//   date-time   6  YY MM DD hh mm ss (UTC unless the terminal announced a zone at login)
//   info        1  high nibble: GPS information length, low nibble: satellites in use
//   latitude    4  degrees × 60 × 30000 (so value / 1,800,000 = degrees), unsigned
//   longitude   4  same scale, unsigned
//   speed       1  km/h
//   course      2  bits 0–9 course, bit 10 latitude north (1) / south (0), bit 11 longitude
//                  west (1) / east (0), bit 12 positioned, bit 13 differential (1) / real-time (0)
// Signs come from bits 10 and 11, exactly as traccar's Gt06ProtocolDecoder.decodeGps reads them.
// Some terminals also set bit 14 to say bit 15 carries ACC (traccar reads it as ignition).

import type { ByteReader } from './reader.ts';
import type { Gt06Position } from './types.ts';

/** Degrees × this = the raw GT06 coordinate (30000 units per minute). */
export const COORDINATE_SCALE = 30000 * 60;

/** A fix as a terminal would send it: a position without the decoder's attributes. */
export type Gt06Fix = Omit<Gt06Position, 'attributes'>;

/** A decoded GPS block, or why its content is impossible. */
export type GpsResult = { ok: true; position: Gt06Position } | { ok: false; detail: string };

/** Reads the 6-byte date-time; returns UTC epoch ms, or a description of an impossible value. */
export function readDateTime(reader: ByteReader, timezoneOffsetMinutes: number): number | string {
  const [yy, mo, dd, hh, mi, ss] = [
    reader.u8(),
    reader.u8(),
    reader.u8(),
    reader.u8(),
    reader.u8(),
    reader.u8(),
  ];
  const local = Date.UTC(2000 + yy, mo - 1, dd, hh, mi, ss);
  const check = new Date(local);
  const valid =
    mo >= 1 &&
    mo <= 12 &&
    check.getUTCDate() === dd &&
    check.getUTCMonth() === mo - 1 &&
    hh < 24 &&
    mi < 60 &&
    ss < 60;
  if (!valid) return `impossible date-time ${[yy, mo, dd, hh, mi, ss].join(',')}`;
  return local - timezoneOffsetMinutes * 60_000;
}

/** Reads the 18-byte GPS block into a neutral position (§5.2). */
export function readGps(reader: ByteReader, timezoneOffsetMinutes: number): GpsResult {
  return readFix(reader, readDateTime(reader, timezoneOffsetMinutes));
}

/**
 * Reads the 12 bytes after the date-time (satellites in the low nibble of the first, then
 * latitude, longitude, speed, course and status) into a position at `time`, or says why the
 * block is impossible (`time` is then the date-time's own description).
 */
export function readFix(reader: ByteReader, time: number | string): GpsResult {
  const satellites = reader.u8() & 0x0f;
  const latRaw = reader.u32();
  const lonRaw = reader.u32();
  const speedKmh = reader.u8();
  const flags = reader.u16();
  if (typeof time === 'string') return { ok: false, detail: time };
  const lat = ((flags & 0x0400) !== 0 ? 1 : -1) * (latRaw / COORDINATE_SCALE);
  const lon = ((flags & 0x0800) !== 0 ? -1 : 1) * (lonRaw / COORDINATE_SCALE);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    return { ok: false, detail: `coordinates out of range: ${lat}, ${lon}` };
  }
  const attributes: Record<string, unknown> = { differential: (flags & 0x2000) !== 0 };
  if ((flags & 0x4000) !== 0) attributes.ignition = (flags & 0x8000) !== 0;
  return {
    ok: true,
    position: {
      // Normalise -0 (a zero coordinate on the south/west side) to 0.
      lat: lat + 0,
      lon: lon + 0,
      time,
      speedKmh,
      course: flags & 0x03ff,
      fixed: (flags & 0x1000) !== 0,
      satellites,
      attributes,
    },
  };
}

/** The 6-byte date-time for an epoch-ms time, shifted into the terminal's zone. */
export function dateTimeBytes(time: number, timezoneOffsetMinutes = 0): number[] {
  const d = new Date(time + timezoneOffsetMinutes * 60_000);
  return [
    d.getUTCFullYear() - 2000,
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  ];
}

/** The 18-byte GPS block for a fix (§5.2), as a terminal sends it. */
export function gpsBytes(fix: Gt06Fix, timezoneOffsetMinutes = 0): number[] {
  const lat = Math.round(Math.abs(fix.lat) * COORDINATE_SCALE);
  const lon = Math.round(Math.abs(fix.lon) * COORDINATE_SCALE);
  const course = ((Math.round(fix.course) % 360) + 360) % 360;
  const flags = course | (fix.lat >= 0 ? 0x0400 : 0) | (fix.lon < 0 ? 0x0800 : 0) | (fix.fixed ? 0x1000 : 0);
  return [
    ...dateTimeBytes(fix.time, timezoneOffsetMinutes),
    0xc0 | (Math.min(15, Math.max(0, fix.satellites)) & 0x0f),
    ...u32(lat),
    ...u32(lon),
    Math.min(255, Math.max(0, Math.round(fix.speedKmh))),
    (flags >>> 8) & 0xff,
    flags & 0xff,
  ];
}

/** Big-endian bytes of a 32-bit unsigned value. */
export function u32(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

/** Big-endian bytes of a 16-bit unsigned value. */
export function u16(value: number): number[] {
  return [(value >>> 8) & 0xff, value & 0xff];
}
