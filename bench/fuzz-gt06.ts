// Fuzz benchmark of the GT06 framer + decoder: at least a million random and mutated inputs
// (published frames damaged on the wire, frames with random content and a correct CRC, random
// bytes), counting exceptions (there must be none) and measuring throughput against the raw
// limit of merely copying the same buffers in the same run.
//
//   npx tsx bench/fuzz-gt06.ts [inputs=1000000] [seed=6]

import { buildFrame } from '../src/protocols/gt06/frame.ts';
import { decodeGt06Frame, Gt06Framer } from '../src/protocols/gt06/index.ts';
import { mutate, randomBytes, seeded } from '../src/protocols/jt808/fuzz-corpus.ts';

const total = Math.max(1, Number(process.argv[2] ?? 1_000_000));
const rand = seeded(Number(process.argv[3] ?? 6));
const BATCH = 50_000;

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
const PROTOCOLS = [0x01, 0x12, 0x13, 0x16, 0x22, 0x26, 0x8a, 0x9b];

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function input(): Uint8Array {
  const r = rand();
  if (r < 0.2) return randomBytes(rand, 600);
  if (r < 0.6) return mutate(pick(GOLDEN), rand);
  // Random content behind a valid envelope and CRC: the damage reaches the message decoders.
  const content = randomBytes(rand, 60);
  return buildFrame(pick(PROTOCOLS), content, Math.floor(rand() * 65536), rand() < 0.2);
}

const framer = new Gt06Framer();
const outcomes = new Map<string, number>();
let exceptions = 0;
let decodeMs = 0;
let copyMs = 0;
for (let done = 0; done < total; done += BATCH) {
  const inputs = Array.from({ length: Math.min(BATCH, total - done) }, input);
  let t = performance.now();
  for (const bytes of inputs) {
    try {
      for (const result of framer.push(bytes)) {
        const key = result.ok ? result.message.kind : result.error.reason;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      }
      // Also the single-frame entry point, on the raw input.
      decodeGt06Frame(bytes);
    } catch (error) {
      exceptions++;
      if (exceptions <= 5) console.error('fuzz-gt06: exception', error);
    }
  }
  decodeMs += performance.now() - t;
  t = performance.now();
  for (const bytes of inputs) Buffer.from(bytes);
  copyMs += performance.now() - t;
}

const rate = total / (decodeMs / 1000);
const rawLimit = total / (copyMs / 1000);
const top = [...outcomes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
console.log(`fuzz-gt06: ${total} inputs, ${exceptions} exceptions; outcomes: ${top.join(', ')}`);
console.log(
  `fuzz-gt06: ${Math.round(rate)} inputs/s; raw limit ${Math.round(rawLimit)} inputs/s; ratio ${(rate / rawLimit).toFixed(3)}`,
);
process.exitCode = exceptions === 0 ? 0 : 1;
