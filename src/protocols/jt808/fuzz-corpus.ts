// Inputs for fuzzing the framer and decoder: valid frames of every supported kind, then random
// bytes and mutations of valid frames (bit flips, stray 0x7e/0x7d, cuts, splices). Shared by the
// unit fuzz test and bench/fuzz (through the descriptor). Seeded, so a failure can be replayed.

import { mutate, randomBytes } from '../fuzz-bytes.ts';
import type { FuzzTarget } from '../fuzz-target.ts';
import { u16 } from './bytes.ts';
import { MAX_BODY_LENGTH } from './constants.ts';
import { decodeFrame } from './decode.ts';
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

/** The framer and the decoder under fuzzing, as bench/fuzz drives them. */
export const JT808_FUZZ_TARGET: FuzzTarget<Uint8Array> = {
  seed: 808,
  input: fuzzInput,
  decoder() {
    const framer = new Jt808Framer();
    return {
      decode(input, tally) {
        for (const f of framer.push(input)) {
          const r = f.ok ? decodeFrame(f.frame) : f;
          tally(r.ok ? r.message.kind : r.error.reason);
        }
      },
    };
  },
  copy: (input) => Buffer.from(input),
};
