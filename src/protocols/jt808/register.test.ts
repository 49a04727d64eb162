import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromHex, toHex } from './bytes.ts';
import { decodeFrame } from './decode.ts';
import { Jt808Framer } from './framer.ts';
import { encodeAuth, encodeHeartbeat, encodeRegister, encodeUnregister } from './terminal.ts';
import type { Jt808DecodeResult, Jt808Message } from './types.ts';

function decodeWire(wire: Uint8Array | string): Jt808DecodeResult {
  const [f] = new Jt808Framer().push(typeof wire === 'string' ? fromHex(wire) : wire);
  assert.ok(f?.ok);
  return decodeFrame(f.frame);
}

function messageOf<K extends Jt808Message['kind']>(
  r: Jt808DecodeResult,
  kind: K,
): Extract<Jt808Message, { kind: K }> {
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.error));
  assert.equal(r.message.kind, kind);
  return r.message as Extract<Jt808Message, { kind: K }>;
}

describe('JT/T 808 0x0100 registration (2013 §8.5, 2019 §8.8)', () => {
  it('decodes a 2013 registration (traccar test frame)', () => {
    const reg = messageOf(
      decodeWire(
        '7e0100002d0141305678720024002c012f373031313142534a2d41362d424400000000000000000000003035363738373201d4c14238383838386d7e',
      ),
      'register',
    );
    const { header, kind, ...body } = reg;
    assert.equal(header.deviceId, '14130567872');
    assert.deepEqual(body, {
      layout: '2013',
      province: 44,
      city: 303,
      makerId: '70111',
      model: 'BSJ-A6-BD',
      terminalId: '0567872',
      plateColor: 1,
      plate: '粤B88888',
    });
  });

  it('reads a 33-byte body as the 2011 layout (8-byte model)', () => {
    const reg = messageOf(
      decodeWire(
        '7E01000021013345678906000F002C012F373031313142534A2D4D3742203030303030303001D4C1423838383838B47E',
      ),
      'register',
    );
    assert.equal(reg.layout, '2011');
    assert.equal(reg.model, 'BSJ-M7B');
    assert.equal(reg.terminalId, '0000000');
    assert.equal(reg.plate, '粤B88888');
  });

  it('decodes a 2019 registration (maker 11, model 30, terminal id 30 bytes)', () => {
    // Simulator frame published with a JT808 tutorial (Aliyun developer community, 2025).
    const reg = messageOf(
      decodeWire(
        '7E 01 00 40 54 01 00 00 00 00 00 02 23 45 67 89 00 00 00 0B 00 65 01 23 45 67 89 AB CD EF 00 00 00 ' +
          '01 23 45 67 89 AB CD EF 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ' +
          '01 23 45 67 89 AB CD EF 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ' +
          '01 BE A9 44 31 32 33 34 35 93 7E',
      ),
      'register',
    );
    assert.equal(reg.header.edition, '2019');
    assert.equal(reg.header.deviceId, '223456789');
    assert.equal(reg.layout, '2019');
    assert.equal(reg.province, 11);
    assert.equal(reg.city, 101);
    assert.equal(reg.plateColor, 1);
    assert.equal(reg.plate, '京D12345');
  });

  it('round-trips a GBK plate through encodeRegister for each layout', () => {
    const input = {
      province: 32,
      city: 500,
      makerId: 'ZSHU1',
      model: 'BOAT-9',
      terminalId: 'T12345',
      plateColor: 2,
      plate: '苏E·河道01',
    };
    for (const [edition, layout] of [
      ['2013', '2011'],
      ['2013', '2013'],
      ['2019', '2019'],
    ] as const) {
      const reg = messageOf(
        decodeWire(encodeRegister({ edition, phone: '13912344323', serial: 1 }, { ...input, layout })),
        'register',
      );
      const { header, kind, ...body } = reg;
      assert.deepEqual(body, { ...input, layout }, `${edition}/${layout}`);
    }
  });
});

describe('JT/T 808 0x0102 authentication (2013 §8.8)', () => {
  it('2013: the whole body is the auth code (traccar test frame)', () => {
    const auth = messageOf(decodeWire('7E0102000E013511221122000661757468656E7469636174696F6E3F7E'), 'auth');
    assert.equal(auth.code, 'authentication');
    assert.equal(auth.imei, undefined);
  });

  it('2019: length-prefixed code, IMEI[15], software version[20]', () => {
    // Body from jt808-golang's Body0102_19 test: code "45612", IMEI "1234567890abcde", "v2.0.0".
    const body = [
      '05',
      '3435363132',
      '313233343536373839306162636465',
      '7632',
      '2e302e30',
      '00'.repeat(14),
    ].join('');
    const content = fromHex(
      `0102${(0x4000 | (body.length / 2)).toString(16)}0100000000013912344329000c${body}`,
    );
    const check = content.reduce((x, b) => x ^ b, 0);
    const auth = messageOf(decodeWire(Uint8Array.of(0x7e, ...content, check, 0x7e)), 'auth');
    assert.equal(auth.code, '45612');
    assert.equal(auth.imei, '1234567890abcde');
    assert.equal(auth.softwareVersion, 'v2.0.0');
  });

  it('round-trips both layouts through encodeAuth', () => {
    const a13 = messageOf(
      decodeWire(encodeAuth({ edition: '2013', phone: '139', serial: 2 }, { code: 'Zs-1' })),
      'auth',
    );
    assert.deepEqual([a13.code, a13.imei], ['Zs-1', undefined]);
    const a19 = messageOf(
      decodeWire(
        encodeAuth(
          { edition: '2019', phone: '139', serial: 2 },
          { code: 'Zs-1', imei: '861234567890123', softwareVersion: 'V1.2' },
        ),
      ),
      'auth',
    );
    assert.deepEqual([a19.code, a19.imei, a19.softwareVersion], ['Zs-1', '861234567890123', 'V1.2']);
  });

  it('refuses a 2019 body shorter than its code length says', () => {
    // Code length 0x0a but only 4 code bytes, no IMEI, no version.
    const content = fromHex('01024005010000000001391234432900010a41424344');
    const check = content.reduce((x, b) => x ^ b, 0);
    const r = decodeWire(Uint8Array.of(0x7e, ...content, check, 0x7e));
    assert.ok(!r.ok);
    assert.equal(r.error.reason, 'body');
  });
});

describe('JT/T 808 0x0002 heartbeat and 0x0003 unregister', () => {
  it('decodes the empty-body messages (traccar heartbeat frame)', () => {
    const hb = messageOf(decodeWire('7e0002000004304832546500b7ca7e'), 'heartbeat');
    assert.equal(hb.header.deviceId, '43048325465');
    assert.equal(hb.header.serial, 0xb7);
  });

  it('encodes them byte for byte', () => {
    // 0002 0000 013912344323 0001 → check 02^01^39^12^34^43^23^01 = 0x7d, escaped 7d 01.
    assert.equal(
      toHex(encodeHeartbeat({ edition: '2013', phone: '13912344323', serial: 1 })),
      '7e0002000001391234432300017d017e',
    );
    const un = messageOf(
      decodeWire(encodeUnregister({ edition: '2019', phone: '13912344323', serial: 3 })),
      'unregister',
    );
    assert.equal(un.header.edition, '2019');
  });
});
