// Builds a 0x0200 location body (JT/T 808-2013 §8.18 Tables 23, 25–27) from neutral units, for the
// simulator, the tests and the benchmarks. Inverse of `decodeLocationBody`.
import { encodeBcdTime } from './bcd.ts';
import { ByteWriter, fromHex } from './bytes.ts';
import { STATUS_BIT, TLV } from './constants.ts';
import type { Jt808Location, Jt808Status } from './types.ts';

/** Status flags to set; south/west always follow the sign of lat/lon. `raw` supplies any other bits. */
export type Jt808StatusInput = Partial<Omit<Jt808Status, 'south' | 'west'>>;

/** A position to encode; a decoded `Jt808Location` is accepted as is. */
export interface Jt808LocationInput {
  lat: number;
  lon: number;
  /** UTC epoch ms; sent as GMT+8 BCD. */
  time: number;
  alarm?: number;
  status?: Jt808StatusInput;
  altitude?: number;
  speedKmh?: number;
  course?: number;
  mileageKm?: number;
  fuelL?: number;
  recorderSpeedKmh?: number;
  extSignals?: number;
  ioStatus?: number;
  signal?: number;
  satellites?: number;
  /** Extra items, key '0x' + id in hex, value hex; written after the named ones. */
  extras?: Record<string, string>;
}

function setBit(raw: number, n: number, on: boolean | undefined): number {
  if (on === undefined) return raw;
  const mask = 2 ** n;
  const has = Math.floor(raw / mask) % 2 === 1;
  return on === has ? raw : on ? raw + mask : raw - mask;
}

/** Status DWORD from flags; hemisphere bits come from the coordinates. */
export function encodeStatus(status: Jt808StatusInput | undefined, lat: number, lon: number): number {
  let raw = (status?.raw ?? 0) >>> 0;
  raw = setBit(raw, STATUS_BIT.acc, status?.acc);
  raw = setBit(raw, STATUS_BIT.fixed, status?.fixed);
  raw = setBit(raw, STATUS_BIT.gps, status?.gps);
  raw = setBit(raw, STATUS_BIT.beidou, status?.beidou);
  raw = setBit(raw, STATUS_BIT.glonass, status?.glonass);
  raw = setBit(raw, STATUS_BIT.galileo, status?.galileo);
  raw = setBit(raw, STATUS_BIT.south, lat < 0);
  return setBit(raw, STATUS_BIT.west, lon < 0);
}

function item(out: ByteWriter, id: number, value: Uint8Array): void {
  if (value.length > 0xff) throw new RangeError(`additional item 0x${id.toString(16)} longer than 255 bytes`);
  out.byte(id).byte(value.length).bytes(value);
}

function scaled(value: number, scale: number): number {
  return Math.round(value * scale);
}

/** The 0x0200 body for `loc`; throws RangeError on a time outside 2000–2099 or a bad extras entry. */
export function encodeLocationBody(loc: Jt808LocationInput | Jt808Location): Uint8Array {
  const out = new ByteWriter(64);
  out
    .dword(loc.alarm ?? 0)
    .dword(encodeStatus(loc.status, loc.lat, loc.lon))
    .dword(scaled(Math.abs(loc.lat), 1e6))
    .dword(scaled(Math.abs(loc.lon), 1e6))
    .word(loc.altitude ?? 0)
    .word(scaled(loc.speedKmh ?? 0, 10))
    .word(loc.course ?? 0)
    .bytes(encodeBcdTime(loc.time));
  // Named items in Table 27 order, with their standard lengths.
  const dwordItem = (id: number, v: number) => out.byte(id).byte(4).dword(v);
  const wordItem = (id: number, v: number) => out.byte(id).byte(2).word(v);
  const byteItem = (id: number, v: number) => out.byte(id).byte(1).byte(v);
  if (loc.mileageKm !== undefined) dwordItem(TLV.mileage, scaled(loc.mileageKm, 10));
  if (loc.fuelL !== undefined) wordItem(TLV.fuel, scaled(loc.fuelL, 10));
  if (loc.recorderSpeedKmh !== undefined) wordItem(TLV.recorderSpeed, scaled(loc.recorderSpeedKmh, 10));
  if (loc.extSignals !== undefined) dwordItem(TLV.extSignals, loc.extSignals);
  if (loc.ioStatus !== undefined) wordItem(TLV.ioStatus, loc.ioStatus);
  if (loc.signal !== undefined) byteItem(TLV.signal, loc.signal);
  if (loc.satellites !== undefined) byteItem(TLV.satellites, loc.satellites);
  for (const [key, hex] of Object.entries(loc.extras ?? {})) {
    const id = Number.parseInt(key, 16);
    if (!(id >= 0 && id <= 0xff)) throw new RangeError(`extras key ${key} is not a one-byte id`);
    item(out, id, fromHex(hex));
  }
  return out.finish();
}
