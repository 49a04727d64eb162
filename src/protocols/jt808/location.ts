// Location report body, 0x0200 (JT/T 808-2013 §8.18): 28 bytes of basic information (Table 23)
// followed by additional-information items (Table 26: id BYTE, length BYTE, value).
import { decodeBcdTime } from './bcd.ts';
import { toHex, u8, u16, u32 } from './bytes.ts';
import { STATUS_BIT, TLV } from './constants.ts';
import type { Jt808Location, Jt808Status } from './types.ts';

/** Length of the basic-information block (§8.18 Table 23). */
export const LOCATION_BASIC_LENGTH = 28;

/** Decoded body or the reason it could not be decoded. */
export type LocationDecode = { location: Jt808Location } | { detail: string };

const bit = (value: number, n: number): boolean => ((value >>> n) & 1) === 1;

/** Status DWORD to named flags (§8.18 Table 25). */
export function decodeStatus(raw: number): Jt808Status {
  return {
    raw,
    acc: bit(raw, STATUS_BIT.acc),
    fixed: bit(raw, STATUS_BIT.fixed),
    south: bit(raw, STATUS_BIT.south),
    west: bit(raw, STATUS_BIT.west),
    gps: bit(raw, STATUS_BIT.gps),
    beidou: bit(raw, STATUS_BIT.beidou),
    glonass: bit(raw, STATUS_BIT.glonass),
    galileo: bit(raw, STATUS_BIT.galileo),
  };
}

/**
 * Decodes `body[start..end)` as a location report. Units follow Table 23: lat/lon in 10⁻⁶ degree
 * with the hemisphere in status bits 2/3, speed in 0.1 km/h, time BCD in GMT+8.
 */
export function decodeLocationBody(body: Uint8Array, start: number, end: number): LocationDecode {
  if (end - start < LOCATION_BASIC_LENGTH) {
    return { detail: `location body is ${end - start} bytes, needs ${LOCATION_BASIC_LENGTH}` };
  }
  const time = decodeBcdTime(body, start + 22);
  if (time === undefined) return { detail: `bad BCD time ${toHex(body.subarray(start + 22, start + 28))}` };
  const status = decodeStatus(u32(body, start + 4));
  const lat = u32(body, start + 8) / 1e6;
  const lon = u32(body, start + 12) / 1e6;
  // Table 23 types altitude as WORD; read as signed like most platforms so that terminals sending
  // below-sea-level heights in two's complement come out right.
  const altitude = (u16(body, start + 16) << 16) >> 16;
  const location: Jt808Location = {
    alarm: u32(body, start),
    status,
    lat: status.south ? -lat : lat,
    lon: status.west ? -lon : lon,
    altitude,
    speedKmh: u16(body, start + 18) / 10,
    course: u16(body, start + 20),
    time,
    extras: {},
  };
  decodeAdditional(location, body, start + LOCATION_BASIC_LENGTH, end);
  return { location };
}

/** Additional-information items (§8.18 Tables 26–27). A list cut short keeps what decoded. */
function decodeAdditional(loc: Jt808Location, body: Uint8Array, start: number, end: number): void {
  let p = start;
  while (p < end) {
    if (p + 2 > end) {
      loc.extrasTruncated = true;
      return;
    }
    const id = u8(body, p);
    const len = u8(body, p + 1);
    const v = p + 2;
    if (v + len > end) {
      loc.extrasTruncated = true;
      return;
    }
    if (!decodeKnown(loc, id, len, body, v)) {
      loc.extras[`0x${id.toString(16).padStart(2, '0')}`] = toHex(body.subarray(v, v + len));
    }
    p = v + len;
  }
}

/** Named items of Table 27; false when the id is unknown or its length is not the standard one. */
function decodeKnown(loc: Jt808Location, id: number, len: number, b: Uint8Array, v: number): boolean {
  switch (id) {
    case TLV.mileage: // DWORD, 1/10 km, the vehicle odometer
      if (len !== 4) return false;
      loc.mileageKm = u32(b, v) / 10;
      return true;
    case TLV.fuel: // WORD, 1/10 L, the fuel gauge
      if (len !== 2) return false;
      loc.fuelL = u16(b, v) / 10;
      return true;
    case TLV.recorderSpeed: // WORD, 1/10 km/h, from the driving recorder
      if (len !== 2) return false;
      loc.recorderSpeedKmh = u16(b, v) / 10;
      return true;
    case TLV.extSignals: // DWORD, extended vehicle signals (Table 31)
      if (len !== 4) return false;
      loc.extSignals = u32(b, v);
      return true;
    case TLV.ioStatus: // WORD, IO status (Table 32)
      if (len !== 2) return false;
      loc.ioStatus = u16(b, v);
      return true;
    case TLV.signal: // BYTE, wireless network signal strength
      if (len !== 1) return false;
      loc.signal = u8(b, v);
      return true;
    case TLV.satellites: // BYTE, GNSS satellites in use
      if (len !== 1) return false;
      loc.satellites = u8(b, v);
      return true;
    default:
      return false;
  }
}
