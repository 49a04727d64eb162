import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeFrame } from './decode.ts';
import { Jt808Framer } from './framer.ts';
import { fuzzInput, seeded, validFrame } from './fuzz-corpus.ts';

describe('JT/T 808 framer + decoder under fuzzing', () => {
  it('decodes every unmutated frame of a long stream fed in random chunks', () => {
    const rand = seeded(808);
    const frames = Array.from({ length: 2000 }, () => validFrame(rand));
    const stream = Buffer.concat(frames);
    const framer = new Jt808Framer();
    let decoded = 0;
    for (let i = 0; i < stream.length; ) {
      const size = 1 + Math.floor(rand() * 700);
      for (const f of framer.push(stream.subarray(i, i + size))) {
        assert.ok(f.ok);
        const r = decodeFrame(f.frame);
        assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.error));
        decoded++;
      }
      i += size;
    }
    assert.equal(decoded, 2000);
  });

  it('survives 20,000 random and mutated inputs: no exception, bounded memory, valid results', () => {
    const rand = seeded(20_000);
    const framer = new Jt808Framer({ maxFrameBytes: 1200 });
    const reasons = new Map<string, number>();
    let frames = 0;
    const started = performance.now();
    for (let n = 0; n < 20_000; n++) {
      const input = fuzzInput(rand);
      const cut = Math.floor(rand() * (input.length + 1));
      for (const chunk of [input.subarray(0, cut), input.subarray(cut)]) {
        for (const f of framer.push(chunk)) {
          const r = f.ok ? decodeFrame(f.frame) : f;
          frames++;
          const key = r.ok ? r.message.kind : r.error.reason;
          reasons.set(key, (reasons.get(key) ?? 0) + 1);
          if (!r.ok) assert.equal(typeof r.error.hex, 'string');
        }
        assert.ok(framer.buffered <= 1200);
      }
    }
    assert.ok(performance.now() - started < 30_000, 'no hang');
    assert.ok(frames > 20_000);
    // The corpus must reach both good messages and each framing/decoding failure.
    for (const key of [
      'location',
      'locationBatch',
      'register',
      'auth',
      'checksum',
      'bad_escape',
      'truncated',
      'too_large',
    ]) {
      assert.ok((reasons.get(key) ?? 0) > 0, `no ${key} in ${JSON.stringify([...reasons])}`);
    }
  });
});
