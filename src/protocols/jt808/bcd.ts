// BCD fields: the terminal phone number (§4.4.3) and the YYMMDDhhmmss time (§8.18 Table 23), which
// the standard fixes to GMT+8 ("本标准中之后涉及的时间均采用此时区").
import { u8 } from './bytes.ts';

const GMT8_MS = 8 * 3600 * 1000;
const NIBBLE = '0123456789abcdef';

/**
 * Digits of a BCD field. A nibble above 9 is not legal BCD, but some terminals pad with 0xF; it is
 * kept as a hex letter rather than refusing the frame, so the reply echoes the same bytes.
 */
export function decodeBcdDigits(bytes: Uint8Array, offset: number, length: number): string {
  let out = '';
  for (let i = offset; i < offset + length; i++) {
    const b = u8(bytes, i);
    out += NIBBLE[b >> 4] ?? '0';
    out += NIBBLE[b & 0x0f] ?? '0';
  }
  return out;
}

/**
 * `digits` (0-9, a-f) left-padded with zeros into `length` BCD bytes. Surplus leading zeros are
 * dropped first (a 20-digit 2019 phone fits a 2013 header if it is short enough); throws if it does not fit.
 */
export function encodeBcdDigits(value: string, length: number): Uint8Array {
  const digits = value.length > length * 2 ? value.replace(/^0+/, '') : value;
  if (digits.length > length * 2 || /[^0-9a-fA-F]/.test(digits)) {
    throw new RangeError(`phone "${digits}" does not fit BCD[${length}]`);
  }
  const padded = digits.padStart(length * 2, '0');
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    out[i] = Number.parseInt(padded.slice(2 * i, 2 * i + 2), 16);
  }
  return out;
}

/** The device identifier rule: BCD digits without leading zeros, '0' if nothing is left. */
export function normaliseDeviceId(phone: string): string {
  // A loop rather than a regular expression: this runs for every frame.
  let i = 0;
  while (i < phone.length && phone.charCodeAt(i) === 48) i++;
  if (i === 0) return phone;
  return i === phone.length ? '0' : phone.slice(i);
}

function bcdByte(bytes: Uint8Array, offset: number): number {
  const b = u8(bytes, offset);
  const hi = b >> 4;
  const lo = b & 0x0f;
  return hi > 9 || lo > 9 ? -1 : hi * 10 + lo;
}

/**
 * BCD[6] YYMMDDhhmmss in GMT+8 to UTC epoch ms, or undefined when a digit or a field is out of
 * range (month 0, 25 o'clock…). Years are 2000–2099.
 */
export function decodeBcdTime(bytes: Uint8Array, offset: number): number | undefined {
  const yy = bcdByte(bytes, offset);
  const mo = bcdByte(bytes, offset + 1);
  const dd = bcdByte(bytes, offset + 2);
  const hh = bcdByte(bytes, offset + 3);
  const mi = bcdByte(bytes, offset + 4);
  const ss = bcdByte(bytes, offset + 5);
  if (yy < 0 || mo < 1 || mo > 12 || dd < 1 || hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 59) {
    return undefined;
  }
  const local = Date.UTC(2000 + yy, mo - 1, dd, hh, mi, ss);
  // Date.UTC rolls 31 April over to 1 May; refuse such days instead.
  if (new Date(local).getUTCDate() !== dd) return undefined;
  return local - GMT8_MS;
}

function toBcd(n: number): number {
  return ((Math.floor(n / 10) % 10) << 4) | (n % 10);
}

/** UTC epoch ms as BCD[6] YYMMDDhhmmss in GMT+8; throws outside 2000–2099 (GMT+8). */
export function encodeBcdTime(time: number): Uint8Array {
  const d = new Date(Math.floor(time / 1000) * 1000 + GMT8_MS);
  const year = d.getUTCFullYear();
  if (!Number.isFinite(time) || year < 2000 || year > 2099) {
    throw new RangeError(`time ${time} is outside the BCD YY range 2000–2099`);
  }
  return Uint8Array.of(
    toBcd(year - 2000),
    toBcd(d.getUTCMonth() + 1),
    toBcd(d.getUTCDate()),
    toBcd(d.getUTCHours()),
    toBcd(d.getUTCMinutes()),
    toBcd(d.getUTCSeconds()),
  );
}
