// Inputs for fuzzing the framer and decoder: valid frames of every supported kind, then random
// bytes and mutations of valid frames (bit flips, stray 0x7e/0x7d, cuts, splices). Shared by the
// unit fuzz test and bench/fuzz-jt808.ts. Seeded, so a failure can be replayed.
import { u16 } from './bytes.ts';
import { MAX_BODY_LENGTH } from './constants.ts';
import { escapeFrame, xorChecksum } from './escape.ts';
import { Jt808Framer } from './framer.ts';
import { headerLength, type Jt808HeaderInit } from './header.ts';
import type { Jt808LocationInput } from './location-encode.ts';
import {
  encodeAuth,
  encodeBatch,
  encodeHeartbeat,
  encodeLocationReport,
  encodeRegister,
  encodeUnregister,
} from './terminal.ts';

/** Seeded generator of floats in [0, 1) (mulberry32, shared with the demo world). */
export { seededRandom as seeded } from '../../seeded-random.ts';

type Rand = () => number;
const int = (rand: Rand, n: number): number => Math.floor(rand() * n);

function randomLocation(rand: Rand): Jt808LocationInput {
  return {
    lat: (rand() - 0.5) * 180,
    lon: (rand() - 0.5) * 360,
    time: Date.UTC(2020, 0, 1) + int(rand, 10 * 365 * 86400) * 1000,
    alarm: int(rand, 0x10000),
    status: { acc: rand() < 0.5, fixed: rand() < 0.9, gps: true, beidou: rand() < 0.5 },
    altitude: int(rand, 3000),
    speedKmh: int(rand, 1200) / 10,
    course: int(rand, 360),
    mileageKm: int(rand, 1e6) / 10,
    signal: int(rand, 32),
    satellites: int(rand, 40),
    extras: rand() < 0.3 ? { '0xe1': '7e7d7e' } : {},
  };
}

/** One valid escaped frame of a random supported kind. */
export function validFrame(rand: Rand): Uint8Array {
  const header: Jt808HeaderInit = {
    edition: rand() < 0.5 ? '2013' : '2019',
    phone: String(13_000_000_000 + int(rand, 999_999_999)),
    serial: int(rand, 0x10000),
  };
  switch (int(rand, 8)) {
    case 0:
      return encodeHeartbeat(header);
    case 1:
      return encodeUnregister(header);
    case 2:
      return encodeRegister(header, {
        province: 32,
        city: 500,
        makerId: 'ZS001',
        model: 'BOAT-1',
        terminalId: 'T0001',
        plateColor: 1,
        plate: '苏E12345',
      });
    case 3:
      return encodeAuth(header, { code: 'auth-7e7d', imei: '861234567890123', softwareVersion: '1.0' });
    case 4: {
      const n = 1 + int(rand, 5);
      return encodeBatch(header, {
        blindSpot: rand() < 0.5,
        locations: Array.from({ length: n }, () => randomLocation(rand)),
      });
    }
    default:
      return encodeLocationReport(header, randomLocation(rand));
  }
}

/** `frame` damaged in one of several ways. */
export function mutate(frame: Uint8Array, rand: Rand): Uint8Array {
  const out = Uint8Array.from(frame);
  const at = int(rand, out.length);
  switch (int(rand, 6)) {
    case 0: // flip a bit
      out[at] = (out[at] ?? 0) ^ (1 << int(rand, 8));
      return out;
    case 1: // stray delimiter or escape byte
      out[at] = rand() < 0.5 ? 0x7e : 0x7d;
      return out;
    case 2: // cut short
      return out.subarray(0, at);
    case 3: // overwrite a run with random bytes
      for (let i = at; i < Math.min(out.length, at + 8); i++) out[i] = int(rand, 256);
      return out;
    case 4: {
      // splice two halves of itself
      const joined = new Uint8Array(at + (out.length - int(rand, out.length)));
      joined.set(out.subarray(0, at));
      joined.set(out.subarray(out.length - (joined.length - at)), at);
      return joined;
    }
    default: // delete one byte
      return Uint8Array.from([...out.subarray(0, at), ...out.subarray(at + 1)]);
  }
}

/**
 * Random bytes with a random density (0–5 % each) of 0x7e and 0x7d, so that some inputs are
 * chopped into many tiny frames and others run past the size limit without a delimiter.
 */
export function randomBytes(rand: Rand, maxLength: number): Uint8Array {
  const out = new Uint8Array(int(rand, maxLength + 1));
  const flags = rand() < 0.3 ? 0 : rand() * 0.05;
  const escapes = flags + rand() * 0.05;
  for (let i = 0; i < out.length; i++) {
    const r = rand();
    out[i] = r < flags ? 0x7e : r < escapes ? 0x7d : int(rand, 256);
  }
  return out;
}

/**
 * `frame` with its content (header + body) damaged and the check code recomputed, so the damage
 * gets past the checksum into the header and body decoders.
 */
export function mutateContent(frame: Uint8Array, rand: Rand): Uint8Array {
  const [unescaped] = new Jt808Framer().push(frame);
  if (!unescaped?.ok) return frame;
  const content = mutate(unescaped.frame.subarray(0, -1), rand);
  if (content.length >= 4 && rand() < 0.7) {
    // Usually keep the declared body length honest so the body decoders see the damage.
    const props = u16(content, 2);
    const bodyLength = content.length - headerLength(props);
    if (bodyLength >= 0 && bodyLength <= MAX_BODY_LENGTH) {
      const fixed = (props & ~MAX_BODY_LENGTH) | bodyLength;
      content[2] = fixed >> 8;
      content[3] = fixed & 0xff;
    }
  }
  const out = new Uint8Array(content.length + 1);
  out.set(content);
  out[content.length] = xorChecksum(content);
  return escapeFrame(out);
}

/** One fuzz input: random bytes, or a valid frame damaged on the wire or inside, sometimes doubled. */
export function fuzzInput(rand: Rand): Uint8Array {
  const r = rand();
  if (r < 0.25) return randomBytes(rand, 3000);
  const valid = validFrame(rand);
  const frame = rand() < 0.5 ? mutate(valid, rand) : mutateContent(valid, rand);
  if (r < 0.7) return frame;
  const second = mutate(frame, rand);
  const pair = new Uint8Array(frame.length + second.length);
  pair.set(frame);
  pair.set(second, frame.length);
  return pair;
}
