// Inputs for fuzzing the GT06 framer and decoder: published frames damaged on the wire, frames with
// random content behind a correct envelope and CRC (so the damage reaches the message decoders), and
// random bytes. Used by bench/fuzz through the descriptor. Seeded, so a failure can be replayed.
import { mutate, randomBytes } from '../fuzz-bytes.ts';
import type { FuzzTarget } from '../fuzz-target.ts';
import { decodeGt06Frame } from './decode.ts';
import { buildFrame } from './frame.ts';
import { Gt06Framer } from './framer.ts';

type Rand = () => number;

// Published frames (traccar's GT06 decoder tests): login, locations 0x12/0x22, heartbeat, alarms, 0x7979.
const GOLDEN = [
  '78780D01012345678901234500018CDD0D0A',
  '78781f120f0a140e150bc505e51e780293a9e800540000f601006e0055da00035f240d0a',
  '787822220F0C1D023305C9027AC8180C46586000140001CC00287D001F71000001000820860D0A',
  '78780a13440604000201baaf540d0a',
  '78782516110819110208d402f264dc08289a4058d4c70901944600d300c0954606040600014057e90d0a',
  '7878252612030C063816C3026C10540C38C9700144030901CC002866000EEE0C06040302000DA2DB0D0A',
  '797900099b0380d600046f91e90d0a',
].map((h) => Uint8Array.from(Buffer.from(h, 'hex')));
/** Protocol numbers (§5) given to frames of random content. */
const PROTOCOL_NUMBERS = [0x01, 0x12, 0x13, 0x16, 0x22, 0x26, 0x8a, 0x9b];

function pick<T>(list: readonly T[], rand: Rand): T {
  return list[Math.floor(rand() * list.length)] as T;
}

/** One fuzz input: random bytes, a damaged published frame, or random content in a valid frame. */
export function gt06FuzzInput(rand: Rand): Uint8Array {
  const r = rand();
  if (r < 0.2) return randomBytes(rand, 600);
  if (r < 0.6) return mutate(pick(GOLDEN, rand), rand);
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
