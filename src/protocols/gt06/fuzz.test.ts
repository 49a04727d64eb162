// 20,000 random and mutated inputs: nothing may throw, every result is a well-formed union
// member, decoded positions hold finite in-range numbers, and the framer's buffer stays bounded.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { seededRandom } from '../../seeded-random.ts';
import { decodeGt06Frame } from './decode.ts';
import { buildFrame } from './frame.ts';
import { Gt06Framer } from './framer.ts';
import { GOLDEN_FRAMES, PROTOCOL_NUMBERS } from './fuzz-corpus.ts';
import { bin } from './testing.ts';
import type { Gt06DecodeResult, Gt06ErrorReason, Gt06Position } from './types.ts';

// The fuzz corpus's published frames, and one more login whose IMEI has a leading zero.
const GOLDEN = [...GOLDEN_FRAMES, bin('787811010864717003664467100f190a0002c6d20d0a')];
const PROTOCOLS = PROTOCOL_NUMBERS;
const REASONS = new Set<Gt06ErrorReason>([
  'garbage',
  'framing',
  'length',
  'too_large',
  'crc',
  'truncated',
  'invalid',
]);
const MAX_FRAME = 512;

/** Integers in [0, n) from the shared seeded generator, so a failure reproduces. */
function prng(seed: number) {
  const random = seededRandom(seed);
  return (n: number) => Math.floor(random() * n);
}

function checkPosition(p: Gt06Position | null): void {
  if (!p) return;
  assert.ok(Number.isFinite(p.time) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180, JSON.stringify(p));
  assert.ok(p.course >= 0 && p.course < 1024 && p.satellites >= 0 && p.satellites < 16);
}

function check(result: Gt06DecodeResult): void {
  if (!result.ok) {
    assert.ok(
      REASONS.has(result.error.reason) && typeof result.error.hex === 'string',
      JSON.stringify(result),
    );
    return;
  }
  const m = result.message;
  if (m.kind === 'location' || m.kind === 'alarm') checkPosition(m.position);
  if (m.kind === 'noFix') assert.ok(Number.isFinite(m.time));
  if (m.kind === 'login') assert.match(m.imei, /^\d{15,16}$/);
}

it('survives 20,000 random and mutated inputs without an exception', () => {
  const rand = prng(0x6706);
  const bytes = (length: number) => Uint8Array.from({ length }, () => rand(256));
  const pick = <T>(list: readonly T[]): T => list[rand(list.length)] as T;
  const mutate = (frame: Uint8Array) => {
    const copy = frame.slice(0, rand(4) === 0 ? rand(frame.length + 1) : frame.length);
    for (let n = rand(4); n >= 0 && copy.length > 0; n--) copy[rand(copy.length)] = rand(256);
    return copy;
  };
  const inputs: Uint8Array[] = [];
  for (let i = 0; i < 5000; i++) inputs.push(bytes(rand(300)));
  // Valid envelopes around random content drive the content decoders, not just the CRC check.
  for (let i = 0; i < 5000; i++)
    inputs.push(buildFrame(pick(PROTOCOLS), bytes(rand(60)), rand(0x10000), rand(4) === 0));
  for (let i = 0; i < 5000; i++) inputs.push(mutate(pick(GOLDEN)));
  for (let i = 0; i < 5000; i++) {
    const golden = pick(GOLDEN);
    const long = golden[0] === 0x79;
    const content = mutate(golden.subarray(long ? 5 : 4, golden.length - 6));
    inputs.push(buildFrame(golden[long ? 4 : 3] ?? 0, content, rand(0x10000), long));
  }
  assert.equal(inputs.length, 20_000);

  let decoded = 0;
  for (const input of inputs) {
    const result = decodeGt06Frame(input);
    check(result);
    if (result.ok) decoded++;
  }
  assert.ok(
    decoded > 1000,
    `only ${decoded} inputs decoded: the mutations are too destructive to test content paths`,
  );

  // The same inputs as one stream, cut at random points, with golden frames mixed in.
  const framer = new Gt06Framer({ maxFrameSize: MAX_FRAME });
  let goldenSeen = 0;
  for (const input of inputs) {
    const stream = rand(3) === 0 ? Uint8Array.from([...input, ...pick(GOLDEN)]) : input;
    for (let at = 0; at < stream.length; ) {
      const size = 1 + rand(64);
      for (const result of framer.push(stream.subarray(at, at + size))) {
        check(result);
        if (result.ok) goldenSeen++;
      }
      at += size;
      assert.ok(framer.pendingBytes <= MAX_FRAME, `framer holds ${framer.pendingBytes} bytes`);
    }
  }
  assert.ok(goldenSeen > 1000, `framer recovered only ${goldenSeen} frames`);
});

it('recovers every frame of a clean stream whatever the chunking', () => {
  const rand = prng(808);
  for (let round = 0; round < 200; round++) {
    const frames = Array.from({ length: 1 + rand(8) }, () => GOLDEN[rand(GOLDEN.length)] as Uint8Array);
    const stream = Uint8Array.from(frames.flatMap((f) => [...f]));
    const framer = new Gt06Framer();
    const results: Gt06DecodeResult[] = [];
    for (let at = 0; at < stream.length; ) {
      const size = 1 + rand(40);
      results.push(...framer.push(stream.subarray(at, at + size)));
      at += size;
    }
    assert.equal(results.filter((r) => r.ok).length, frames.length);
    assert.equal(framer.pendingBytes, 0);
  }
});
