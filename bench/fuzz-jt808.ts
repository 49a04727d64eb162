// Fuzz benchmark of the JT/T 808 framer + decoder: at least a million distinct random and mutated
// inputs, counting exceptions (there must be none) and measuring throughput against the raw limit
// of merely copying the same buffers (Buffer.from) in the same run.
//
//   npx tsx bench/fuzz-jt808.ts [inputs=1000000] [seed=808]

import { fuzzInput, seeded } from '../src/protocols/jt808/fuzz-corpus.ts';
import { decodeFrame, Jt808Framer } from '../src/protocols/jt808/index.ts';

const total = Math.max(1, Number(process.argv[2] ?? 1_000_000));
const seed = Number(process.argv[3] ?? 808);
const BATCH = 50_000;

const rand = seeded(seed);
const framer = new Jt808Framer();
const outcomes = new Map<string, number>();
let exceptions = 0;
let decodeMs = 0;
let copyMs = 0;
let copied = 0;
let bytes = 0;

function tally(key: string): void {
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
}

for (let done = 0; done < total; done += BATCH) {
  // Inputs are generated outside the timed loops.
  const inputs = Array.from({ length: Math.min(BATCH, total - done) }, () => fuzzInput(rand));
  for (const input of inputs) bytes += input.length;

  let t = performance.now();
  for (const input of inputs) {
    try {
      for (const f of framer.push(input)) {
        const r = f.ok ? decodeFrame(f.frame) : f;
        tally(r.ok ? r.message.kind : r.error.reason);
      }
    } catch (err) {
      exceptions++;
      if (exceptions <= 5) console.error('fuzz-jt808: exception', err);
      framer.reset();
    }
  }
  decodeMs += performance.now() - t;

  t = performance.now();
  for (const input of inputs) copied += Buffer.from(input).length;
  copyMs += performance.now() - t;
}

const rate = total / (decodeMs / 1000);
const rawLimit = total / (copyMs / 1000);
const frames = [...outcomes.values()].reduce((a, b) => a + b, 0);
const top = [...outcomes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
console.log(`fuzz-jt808: ${total} inputs, ${exceptions} exceptions`);
console.log(`fuzz-jt808: ${bytes} bytes (${copied} copied), ${frames} frames: ${top.join(', ')}`);
console.log(
  `fuzz-jt808: ${Math.round(rate)} inputs/s; raw limit ${Math.round(rawLimit)} inputs/s; ratio ${(rate / rawLimit).toFixed(3)}`,
);
process.exitCode = exceptions === 0 ? 0 : 1;
