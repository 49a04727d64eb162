// Drives one protocol's fuzz target: inputs are drawn in batches outside the timed loops, then
// decoded (timed), then merely copied (timed: the raw limit of the same run).

import type { FuzzTarget } from '../../src/protocols/fuzz-target.ts';
import { seededRandom } from '../../src/seeded-random.ts';

const BATCH = 50_000;

/** What a run found and how fast it went. */
export interface FuzzRun {
  exceptions: number;
  /** Outcome (message kind or error reason) → count, most frequent first. */
  outcomes: [string, number][];
  /** Inputs a second through the decoder, and through a plain copy. */
  rate: number;
  rawLimit: number;
}

/** Feeds `total` inputs from `seed` to the target; each exception is counted, the first five printed. */
export function runFuzzTarget(
  name: string,
  target: FuzzTarget<unknown>,
  total: number,
  seed: number,
): FuzzRun {
  const rand = seededRandom(seed);
  const outcomes = new Map<string, number>();
  const tally = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  let decoder = target.decoder();
  let exceptions = 0;
  let decodeMs = 0;
  let copyMs = 0;
  for (let done = 0; done < total; done += BATCH) {
    const inputs = Array.from({ length: Math.min(BATCH, total - done) }, () => target.input(rand));
    let t = performance.now();
    for (const input of inputs) {
      try {
        decoder.decode(input, tally);
      } catch (error) {
        exceptions++;
        if (exceptions <= 5) console.error(`fuzz-${name}: exception`, error);
        // Whatever state the decoder was left in, the next input starts clean.
        decoder = target.decoder();
      }
    }
    decodeMs += performance.now() - t;
    t = performance.now();
    for (const input of inputs) target.copy(input);
    copyMs += performance.now() - t;
  }
  return {
    exceptions,
    outcomes: [...outcomes].sort((a, b) => b[1] - a[1]),
    rate: total / (decodeMs / 1000),
    rawLimit: total / (copyMs / 1000),
  };
}
