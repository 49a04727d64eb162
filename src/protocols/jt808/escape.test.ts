import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromHex, toHex } from './bytes.ts';
import { decodeFrame } from './decode.ts';
import { escapeFrame, unescapeFrame, xorChecksum } from './escape.ts';
import { Jt808Framer } from './framer.ts';
import { encodeHeartbeat, encodeLocationReport } from './terminal.ts';

describe('JT/T 808 escaping and checksum (§4.4.2, §4.4.4)', () => {
  it('escapes 0x7e as 7d 02 and 0x7d as 7d 01, and wraps in delimiters', () => {
    const content = fromHex('307e317d327d02');
    assert.equal(toHex(escapeFrame(content)), '7e307d02317d01327d01027e');
  });

  it('unescapes back to the same bytes', () => {
    const content = fromHex('7e7d7e7d0102');
    const escaped = escapeFrame(content);
    assert.equal(toHex(escaped), '7e7d027d017d027d0101027e');
    const back = unescapeFrame(escaped.subarray(1, -1));
    assert.ok(back.ok);
    assert.equal(toHex(back.frame), '7e7d7e7d0102');
  });

  it('refuses 0x7d followed by anything but 01/02, and a trailing 0x7d', () => {
    for (const bad of ['017d0302', '01027d']) {
      const r = unescapeFrame(fromHex(bad));
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.equal(r.error.reason, 'bad_escape');
        assert.equal(r.error.hex, bad);
      }
    }
  });

  it('XORs from the first header byte up to the check code', () => {
    // 0x80^0x01 = 0x81; ^0x00 = 0x81; ^0x05 = 0x84.
    assert.equal(xorChecksum(fromHex('80010005')), 0x84);
    assert.equal(xorChecksum(fromHex('ff0f'), 1), 0x0f);
  });

  it('round-trips a frame whose body and checksum need escaping', () => {
    // Extra item 0xe1 carries 7e 7d; serial 0x7e7d puts both in the header too.
    const frame = encodeLocationReport(
      { edition: '2013', phone: '13912344323', serial: 0x7e7d },
      { lat: 31.301234, lon: 120.812345, time: Date.UTC(2026, 10, 27, 7, 30), extras: { '0xe1': '7e7d7e' } },
    );
    const escapedHex = toHex(frame);
    assert.ok(escapedHex.startsWith('7e02000021013912344323'));
    assert.ok(escapedHex.includes('7d027d01'), 'serial 7e7d escaped');
    assert.ok(escapedHex.includes('e1037d027d017d02'), 'extra item escaped');
    const inner = frame.subarray(1, -1);
    assert.equal(inner.includes(0x7e), false, 'no bare delimiter inside');
    const [unescaped] = new Jt808Framer().push(frame);
    assert.ok(unescaped?.ok);
    const decoded = decodeFrame(unescaped.frame);
    assert.ok(decoded.ok && decoded.message.kind === 'location');
    assert.equal(decoded.message.header.serial, 0x7e7d);
    assert.deepEqual(decoded.message.location.extras, { '0xe1': '7e7d7e' });
  });

  it('escapes a check code of 0x7e or 0x7d and still verifies it', () => {
    const seen = new Set<string>();
    for (let serial = 0; serial < 256 && seen.size < 2; serial++) {
      const frame = encodeHeartbeat({ edition: '2013', phone: '13912344323', serial });
      const tail = toHex(frame.subarray(-3));
      if (tail !== '7d027e' && tail !== '7d017e') continue;
      seen.add(tail);
      const [f] = new Jt808Framer().push(frame);
      assert.ok(f?.ok);
      assert.equal(f.frame.length, 13);
      const r = decodeFrame(f.frame);
      assert.ok(r.ok && r.message.kind === 'heartbeat');
      assert.equal(r.message.header.serial, serial);
    }
    assert.deepEqual([...seen].sort(), ['7d017e', '7d027e']);
  });
});
