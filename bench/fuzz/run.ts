// Fuzz benchmark of the device protocols' decoders: for each protocol whose descriptor has a fuzz
// target (src/protocols/device-protocols.ts), at least a million distinct random and mutated inputs,
// counting exceptions (there must be none) and measuring throughput against the raw limit of merely
// copying the same inputs in the same run.
//
//   npx tsx bench/fuzz/run.ts [protocol=all] [inputs=1000000] [seed=the protocol's own]

import { DEVICE_PROTOCOLS, deviceProtocolOrThrow } from '../../src/protocols/device-protocols.ts';
import { runFuzzTarget } from './fuzz-target.ts';

const only = process.argv[2] ?? 'all';
const total = Math.max(1, Number(process.argv[3] ?? 1_000_000));
const seedArg = process.argv[4];

const protocols = only === 'all' ? DEVICE_PROTOCOLS : [deviceProtocolOrThrow(only)];
let failed = false;
for (const protocol of protocols) {
  if (!protocol.fuzzTarget) {
    if (only !== 'all') throw new Error(`${protocol.name} has no fuzz target in its descriptor`);
    console.log(`fuzz-${protocol.name}: no fuzz target`);
    continue;
  }
  const target = await protocol.fuzzTarget();
  const label = `fuzz-${protocol.name}`;
  const run = runFuzzTarget(
    protocol.name,
    target,
    total,
    seedArg === undefined ? target.seed : Number(seedArg),
  );
  const top = run.outcomes.map(([k, n]) => `${k} ${n}`);
  console.log(`${label}: ${total} inputs, ${run.exceptions} exceptions; outcomes: ${top.join(', ')}`);
  console.log(
    `${label}: ${Math.round(run.rate)} inputs/s; raw limit ${Math.round(run.rawLimit)} inputs/s; ratio ${(run.rate / run.rawLimit).toFixed(3)}`,
  );
  if (run.exceptions > 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
