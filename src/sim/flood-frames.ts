// Location frames for the load generator, built by patching a template rather than encoding each
// one: the benchmark must measure the server, not the client's encoder (about 11 µs a frame,
// which would cap a one-core load generator near the raw ceiling it is compared with). The output
// is byte-for-byte what `encodeLocationReport` makes; `flood-frames.test.ts` checks that.
import { encodeLocationReport, type Jt808LocationInput } from '../protocols/jt808/index.ts';

/** A terminal's `seq`-th report: a boat creeping east along 31.3° N, one fix a second from `baseTime`. */
export function floodFix(baseTime: number, index: number, seq: number): Jt808LocationInput {
  return {
    lat: 31.3 + index * 1e-4,
    lon: 120.8 + seq * 1e-5,
    time: baseTime + seq * 1000,
    speedKmh: 6.5,
    course: 90,
    altitude: 3,
    status: { acc: true, fixed: true, gps: true },
    satellites: 9,
  };
}

// Offsets in an unescaped 2013 frame with its leading 0x7e (JT/T 808-2013 §4.4.3, §8.18):
// header id 2, props 2, phone 6, serial 2; body alarm 4, status 4, lat 4, lon 4, alt 2, speed 2,
// course 2, BCD time 6.
const SERIAL = 11;
const LON = 25;
const TIME = 35;
const GMT8_MS = 8 * 3_600_000;

function bcd(value: number): number {
  return ((Math.floor(value / 10) % 10) << 4) | (value % 10);
}

function special(byte: number): boolean {
  return byte === 0x7e || byte === 0x7d;
}

/** Builds report `seq` of terminal `index` (phone `phone`) with header serial `serial`. */
export type FloodFrameBuilder = (seq: number, serial: number) => Uint8Array;

/** A frame builder for one terminal. */
export function floodFrames(phone: string, index: number, baseTime: number): FloodFrameBuilder {
  const header = (serial: number) => ({ edition: '2013' as const, phone, serial });
  const encode: FloodFrameBuilder = (seq, serial) =>
    encodeLocationReport(header(serial), floodFix(baseTime, index, seq));
  const template = encode(0, 1);
  // Patching needs fixed offsets: only a template without escape sequences will do.
  if (template.subarray(1, -1).some(special)) return encode;
  const last = template.length - 2;
  return (seq, serial) => {
    const fix = floodFix(baseTime, index, seq);
    const lon = Math.round(fix.lon * 1e6);
    const t = new Date(fix.time + GMT8_MS);
    const patch = [
      serial >> 8,
      serial & 0xff,
      (lon >>> 24) & 0xff,
      (lon >>> 16) & 0xff,
      (lon >>> 8) & 0xff,
      lon & 0xff,
      bcd(t.getUTCFullYear() % 100),
      bcd(t.getUTCMonth() + 1),
      bcd(t.getUTCDate()),
      bcd(t.getUTCHours()),
      bcd(t.getUTCMinutes()),
      bcd(t.getUTCSeconds()),
    ];
    if (patch.some(special)) return encode(seq, serial);
    const frame = template.slice();
    frame[SERIAL] = patch[0] as number;
    frame[SERIAL + 1] = patch[1] as number;
    for (let i = 0; i < 4; i++) frame[LON + i] = patch[2 + i] as number;
    for (let i = 0; i < 6; i++) frame[TIME + i] = patch[6 + i] as number;
    let check = 0;
    for (let i = 1; i < last; i++) check ^= frame[i] as number;
    if (special(check)) return encode(seq, serial);
    frame[last] = check;
    return frame;
  };
}
