import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromHex, toHex } from './bytes.ts';
import { decodeFrame } from './decode.ts';
import { Jt808Framer } from './framer.ts';
import type { Jt808DecodeResult } from './types.ts';

// Published frames from traccar's HuabaoProtocolDecoderTest (JT/T 808 2013 header).
const HEARTBEAT = '7e0002000004304832546500b7ca7e';
const AUTH = '7E0102000E013511221122000661757468656E7469636174696F6E3F7E';

function decodeAll(framer: Jt808Framer, ...chunks: Uint8Array[]): Jt808DecodeResult[] {
  return chunks.flatMap((c) => framer.push(c)).map((f) => (f.ok ? decodeFrame(f.frame) : f));
}

function kinds(results: Jt808DecodeResult[]): string[] {
  return results.map((r) => (r.ok ? r.message.kind : `error:${r.error.reason}`));
}

describe('Jt808Framer', () => {
  it('yields the unescaped frame without delimiters', () => {
    const [f] = new Jt808Framer().push(fromHex(HEARTBEAT));
    assert.ok(f?.ok);
    assert.equal(toHex(f.frame), '0002000004304832546500b7ca');
  });

  it('returns frames that do not alias the pushed Buffer', () => {
    const chunk = Buffer.from(HEARTBEAT, 'hex');
    const [f] = new Jt808Framer().push(chunk);
    chunk.fill(0);
    assert.ok(f?.ok);
    assert.equal(toHex(f.frame), '0002000004304832546500b7ca');
  });

  it('reassembles frames split at every possible byte boundary', () => {
    const stream = fromHex(HEARTBEAT + AUTH);
    for (let cut = 0; cut <= stream.length; cut++) {
      const results = decodeAll(new Jt808Framer(), stream.subarray(0, cut), stream.subarray(cut));
      assert.deepEqual(kinds(results), ['heartbeat', 'auth'], `cut at ${cut}`);
    }
  });

  it('survives one byte per chunk, including an escape pair split across chunks', () => {
    const framer = new Jt808Framer();
    // Heartbeat, serial 0x7e00 escaped as 7d 02 00; check code 00^02^00^00^01^39^12^34^43^23^7e^00 = 0x02.
    const bytes = fromHex('7e000200000139123443237d0200027e');
    const results = decodeAll(framer, ...Array.from(bytes, (b) => Uint8Array.of(b)));
    assert.equal(results.length, 1);
    const [r] = results;
    assert.ok(r?.ok && r.message.kind === 'heartbeat');
    assert.equal(r.message.header.serial, 0x7e00);
  });

  it('drops leading garbage silently and reports junk between frames as a short frame', () => {
    const stream = fromHex(`0d0aff${HEARTBEAT}0d0a${HEARTBEAT}`);
    assert.deepEqual(kinds(decodeAll(new Jt808Framer(), stream)), [
      'heartbeat',
      'error:truncated',
      'heartbeat',
    ]);
  });

  it('accepts frames that share one delimiter and ignores doubled delimiters', () => {
    const shared = fromHex(`${HEARTBEAT}${AUTH.slice(2)}7e7e${HEARTBEAT}`);
    assert.deepEqual(kinds(decodeAll(new Jt808Framer(), shared)), ['heartbeat', 'auth', 'heartbeat']);
  });

  it('reports a bad checksum and carries on with the next frame', () => {
    const corrupt = `${HEARTBEAT.slice(0, -4)}cb7e`; // check code ca → cb
    const results = decodeAll(new Jt808Framer(), fromHex(corrupt + AUTH));
    assert.deepEqual(kinds(results), ['error:checksum', 'auth']);
    const [bad] = results;
    assert.ok(bad && !bad.ok);
    assert.equal(bad.error.hex, '0002000004304832546500b7cb');
  });

  it('reports a bad escape and carries on', () => {
    const results = decodeAll(new Jt808Framer(), fromHex(`7e00027d03007e${HEARTBEAT}`));
    assert.deepEqual(kinds(results), ['error:bad_escape', 'heartbeat']);
  });

  it('discards an oversized frame once, never buffering past the limit, then resumes', () => {
    const framer = new Jt808Framer({ maxFrameBytes: 64 });
    const junk = new Uint8Array(50).fill(0x11);
    const results = decodeAll(
      framer,
      Uint8Array.of(0x7e),
      junk,
      junk,
      junk,
      Uint8Array.of(0x7e),
      fromHex(HEARTBEAT),
    );
    assert.deepEqual(kinds(results), ['error:too_large', 'heartbeat']);
    const [big] = results;
    assert.ok(big && !big.ok);
    assert.equal(big.error.hex, '11'.repeat(50));
    assert.equal(framer.buffered, 0);
  });

  it('holds at most maxFrameBytes of an unfinished frame', () => {
    const framer = new Jt808Framer({ maxFrameBytes: 100 });
    framer.push(Uint8Array.of(0x7e, ...new Uint8Array(99)));
    assert.equal(framer.buffered, 99);
    const out = framer.push(new Uint8Array(10));
    assert.equal(out.length, 1);
    assert.equal(framer.buffered, 0);
  });

  it('defaults to the largest legal escaped frame, 2 × (21 + 1023 + 1) bytes', () => {
    const framer = new Jt808Framer();
    const out = framer.push(Uint8Array.of(0x7e, ...new Uint8Array(2090)));
    assert.equal(out.length, 0);
    assert.equal(framer.push(Uint8Array.of(1))[0]?.ok, false);
  });
});
