// Inputs for fuzzing the GT06 framer and decoder: published frames damaged on the wire, frames with
// random content behind a correct envelope and CRC (so the damage reaches the message decoders), and
// random bytes. Used by bench/fuzz through the descriptor. Seeded, so a failure can be replayed.
import { mutate, randomBytes } from '../fuzz-bytes.ts';
import type { FuzzTarget } from '../fuzz-target.ts';
import { decodeGt06Frame } from './decode.ts';
import { buildFrame } from './frame.ts';
import { Gt06Framer } from './framer.ts';

type Rand = () => number;

// Published frames (traccar's GT06 decoder tests, and a 0xA0 device capture): login, locations
// 0x10/0x11/0x12/0x22/0x32/0x37/0xA0, heartbeat, alarms, 0x7979.
export const GOLDEN_FRAMES: readonly Uint8Array[] = [
  '78780D01012345678901234500018CDD0D0A',
  '78781f120f0a140e150bc505e51e780293a9e800540000f601006e0055da00035f240d0a',
  '787822220F0C1D023305C9027AC8180C46586000140001CC00287D001F71000001000820860D0A',
  '78780a13440604000201baaf540d0a',
  '78782516110819110208d402f264dc08289a4058d4c70901944600d300c0954606040600014057e90d0a',
  '7878252612030C063816C3026C10540C38C9700144030901CC002866000EEE0C06040302000DA2DB0D0A',
  '787819100B031A0B1B31CC027AC7FD0C4657BF0115210001001CC6070D0A',
  '78782111150b0b022c30c804b7af7808810cb0003c00012e02d075df0084890c000679950d0a',
  '7878353714080d05000ac500a886eb0b7522f000100001fe0a05ea004f1b000001002e0400002328003b0217c0003c0401020001002c468a0d0a',
  '7979004a321106170c1b180cc900a875580b7ab4f00010350901fe0a007c0009112424007c000912240081004efe2100c500100f1200000000000000000000000000000000000000000000bc7c900d0a',
  '78782DA019060311270BC702F84FB00927D44007140001AD01000028AC000000000005030300080100001EDE00068C370D0A',
  '797900099b0380d600046f91e90d0a',
].map((h) => Uint8Array.from(Buffer.from(h, 'hex')));
/** Protocol numbers (§5) given to frames of random content. */
export const PROTOCOL_NUMBERS: readonly number[] = [
  0x01, 0x10, 0x11, 0x12, 0x13, 0x16, 0x1a, 0x1e, 0x22, 0x26, 0x2d, 0x31, 0x32, 0x37, 0x8a, 0x9b, 0xa0,
];

function pick<T>(list: readonly T[], rand: Rand): T {
  return list[Math.floor(rand() * list.length)] as T;
}

/** One fuzz input: random bytes, a damaged published frame, or random content in a valid frame. */
export function gt06FuzzInput(rand: Rand): Uint8Array {
  const r = rand();
  if (r < 0.2) return randomBytes(rand, 600);
  if (r < 0.6) return mutate(pick(GOLDEN_FRAMES, rand), rand);
  const content = randomBytes(rand, 60);
  return buildFrame(pick(PROTOCOL_NUMBERS, rand), content, Math.floor(rand() * 65536), rand() < 0.2);
}

/** The framer, and the single-frame entry point on the raw input, as bench/fuzz drives them. */
export const GT06_FUZZ_TARGET: FuzzTarget<Uint8Array> = {
  seed: 6,
  input: gt06FuzzInput,
  decoder() {
    const framer = new Gt06Framer();
    return {
      decode(input, tally) {
        for (const result of framer.push(input)) tally(result.ok ? result.message.kind : result.error.reason);
        decodeGt06Frame(input);
      },
    };
  },
  copy: (input) => Buffer.from(input),
};
