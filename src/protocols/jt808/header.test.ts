import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromHex, toHex } from './bytes.ts';
import { decodeFrame } from './decode.ts';
import { encodeFrame } from './encode.ts';
import { xorChecksum } from './escape.ts';
import { Jt808Framer } from './framer.ts';
import type { Jt808DecodeResult } from './types.ts';

/** Appends the XOR check code to header + body (no escaping needed for these bytes). */
function withChecksum(contentHex: string): Uint8Array {
  const content = fromHex(contentHex);
  return Uint8Array.of(...content, xorChecksum(content));
}

function decodeWire(hex: string): Jt808DecodeResult {
  const [f] = new Jt808Framer().push(fromHex(hex));
  assert.ok(f, 'one frame');
  return f.ok ? decodeFrame(f.frame) : f;
}

describe('JT/T 808 header (§4.4.3)', () => {
  it('reads a 2013 header: id, properties, BCD[6] phone, serial', () => {
    // Terminal authentication from traccar's HuabaoProtocolDecoderTest.
    const r = decodeWire('7E0102000E013511221122000661757468656E7469636174696F6E3F7E');
    assert.ok(r.ok);
    assert.deepEqual(r.message.header, {
      msgId: 0x0102,
      bodyLength: 14,
      encryption: 0,
      edition: '2013',
      protocolVersion: 0,
      phone: '013511221122',
      deviceId: '13511221122',
      serial: 6,
    });
  });

  it('reads a 2019 header: version flag (bit 14), protocol version, BCD[10] phone', () => {
    // A 0x0200 location from xtream-codec's JT/T 808-2019 samples (debug UI codec mock data).
    const r = decodeWire(
      '7e02004026010000000001391234432900000000006f0000001601dc9a0707456246007b004200032501292233440202006401040000000c417e',
    );
    assert.ok(r.ok);
    assert.deepEqual(r.message.header, {
      msgId: 0x0200,
      bodyLength: 38,
      encryption: 0,
      edition: '2019',
      protocolVersion: 1,
      phone: '00000000013912344329',
      deviceId: '13912344329',
      serial: 0,
    });
  });

  it('gives the same deviceId to one SIM under 2013 and 2019 headers', () => {
    const a = decodeFrame(withChecksum('0002000001391234432900 01'.replace(/ /g, '')));
    const b = decodeFrame(withChecksum('000240000100000000013912344329 0001'.replace(/ /g, '')));
    assert.ok(a.ok && b.ok);
    assert.equal(a.message.header.phone, '013912344329');
    assert.equal(b.message.header.phone, '00000000013912344329');
    assert.equal(a.message.header.deviceId, '13912344329');
    assert.equal(b.message.header.deviceId, '13912344329');
  });

  it('reads a phone number that is not BCD as its hex digits, as traccar does (4eb6fb4afd9e)', () => {
    // A heartbeat from a field terminal whose header number is 4e b6 fb 4a fd 9e.
    const r = decodeFrame(withChecksum('000200004eb6fb4afd9e0007'));
    assert.ok(r.ok);
    assert.equal(r.message.header.phone, '4eb6fb4afd9e');
    assert.equal(r.message.header.deviceId, '4eb6fb4afd9e');
    // The reply echoes the same bytes.
    const reply = encodeFrame(
      0x8001,
      { edition: '2013', phone: r.message.header.phone, serial: 1 },
      new Uint8Array(5),
    );
    assert.equal(toHex(reply.subarray(5, 11)), '4eb6fb4afd9e');
  });

  it('reads sub-package fields (bit 13) and hands the package back as a fragment', () => {
    // Properties 0x2324: bit 13 set, no encryption, body length 0x324 = 804; 10 packages, this is #1.
    const body = Array.from({ length: 804 }, (_, i) => (i % 0x70).toString(16).padStart(2, '0')).join('');
    const r = decodeFrame(withChecksum(`08012324013812345678203100 0a0001${body}`.replace(/ /g, '')));
    assert.ok(r.ok && r.message.kind === 'fragment');
    assert.deepEqual(r.message.header, {
      msgId: 0x0801,
      bodyLength: 804,
      encryption: 0,
      edition: '2013',
      protocolVersion: 0,
      phone: '013812345678',
      deviceId: '13812345678',
      serial: 0x2031,
      packet: { total: 10, index: 1 },
    });
    assert.equal(r.message.body.length, 804);
  });

  it('encodes and reads a 2019 sub-package header (21 bytes)', () => {
    const frame = encodeFrame(
      0x0704,
      { edition: '2019', phone: '13912344329', serial: 5, packet: { total: 3, index: 2 } },
      Uint8Array.of(1, 2, 3),
    );
    // 0704 | 6003 (bits 14 + 13, length 3) | 01 | BCD[10] | 0005 | 0003 0002 | 010203 | check code
    assert.equal(toHex(frame.subarray(0, 22)), '7e070460030100000000013912344329000500030002');
    const [f] = new Jt808Framer().push(frame);
    assert.ok(f?.ok);
    const r = decodeFrame(f.frame);
    assert.ok(r.ok && r.message.kind === 'fragment');
    assert.deepEqual(r.message.header.packet, { total: 3, index: 2 });
    assert.equal(r.message.header.edition, '2019');
    assert.equal(toHex(r.message.body), '010203');
  });

  it("refuses a body whose length disagrees with the header's, keeping the header", () => {
    const r = decodeFrame(withChecksum('000200050139123443230001'));
    assert.ok(!r.ok);
    assert.equal(r.error.reason, 'length');
    assert.equal(r.error.header?.msgId, 0x0002);
    assert.equal(r.error.header?.serial, 1);
  });

  it('refuses frames too short for their header', () => {
    const short = decodeFrame(fromHex('0002000001'));
    assert.ok(!short.ok);
    assert.equal(short.error.reason, 'truncated');
    // Claims a 2019 header (17 bytes) but carries 12.
    const r = decodeFrame(withChecksum('000240000139123443230001'));
    assert.ok(!r.ok);
    assert.equal(r.error.reason, 'truncated');
  });

  it('passes an encrypted (RSA, bit 10) body through as unsupported', () => {
    const r = decodeFrame(withChecksum('02000402013912344323000aabcd'));
    assert.ok(r.ok && r.message.kind === 'unsupported');
    assert.equal(r.message.header.encryption, 1);
    assert.equal(toHex(r.message.body), 'abcd');
  });

  it('decodes unknown message ids as unsupported with the raw body', () => {
    const r = decodeFrame(withChecksum('090000020139123443230003f001'));
    assert.ok(r.ok && r.message.kind === 'unsupported');
    assert.equal(r.message.msgId, 0x0900);
    assert.equal(toHex(r.message.body), 'f001');
  });
});
