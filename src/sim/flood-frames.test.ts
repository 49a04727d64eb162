import assert from 'node:assert/strict';
import { it } from 'node:test';
import { decodeFrame, encodeLocationReport, Jt808Framer } from '../protocols/jt808/index.ts';
import { floodFix, floodFrames } from './flood-frames.ts';

it('builds exactly the frames the codec encodes, escapes and all', () => {
  const base = Date.parse('2026-03-01T16:00:00Z');
  for (const [phone, index] of [
    ['13600000001', 0],
    ['13600000777', 5],
    ['13600001999', 1998],
  ] as const) {
    const build = floodFrames(phone, index, base);
    for (let seq = 0; seq < 3000; seq += 7) {
      const serial = (seq * 13 + 3) & 0xffff;
      const expected = encodeLocationReport({ edition: '2013', phone, serial }, floodFix(base, index, seq));
      assert.deepEqual(build(seq, serial), expected, `${phone} seq ${seq}`);
    }
  }
});

it('makes frames the decoder reads back as the fix it was given', () => {
  const base = Date.parse('2026-03-01T16:00:00Z');
  const frame = floodFrames('13600000042', 41, base)(86_399, 0x1234);
  const [f] = new Jt808Framer().push(frame);
  const decoded = f?.ok ? decodeFrame(f.frame) : undefined;
  assert.ok(decoded?.ok && decoded.message.kind === 'location');
  const { header, location } = decoded.message;
  assert.deepEqual([header.deviceId, header.serial], ['13600000042', 0x1234]);
  assert.equal(location.time, base + 86_399_000);
  assert.equal(location.lat, 31.3041);
  assert.equal(location.lon, 121.66399);
});
