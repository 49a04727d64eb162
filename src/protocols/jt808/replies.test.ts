import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromHex, toHex } from './bytes.ts';
import { Jt808GeneralResult, Jt808RegisterResult } from './constants.ts';
import { decodeFrame } from './decode.ts';
import { Jt808Framer } from './framer.ts';
import { encodeGeneralResponse, encodeRegisterResponse, type Jt808ReplyTarget } from './replies.ts';

// A 2013 terminal 013912344323 that sent a 0x0200 with serial 7.
const T2013: Jt808ReplyTarget = {
  edition: '2013',
  protocolVersion: 0,
  phone: '013912344323',
  serial: 7,
  msgId: 0x0200,
};

describe('JT/T 808 0x8001 platform general response (§8.2)', () => {
  it('2013, hand-computed', () => {
    // Header 8001 | 0005 | 013912344323 | 0001 (platform serial); body 0007 | 0200 | 00.
    // Check: 80^01=81 ^00=81 ^05=84 ^01=85 ^39=bc ^12=ae ^34=9a ^43=d9 ^23=fa ^00=fa ^01=fb
    //        ^00=fb ^07=fc ^02=fe ^00=fe ^00=fe → 0xfe.
    assert.equal(toHex(encodeGeneralResponse(T2013, 1)), '7e8001000501391234432300010007020000fe7e');
  });

  it('2013, result codes 1–4 change only the result byte and the check code', () => {
    // Check code is 0xfe ^ result (the result is the last body byte).
    const codes = [
      Jt808GeneralResult.fail,
      Jt808GeneralResult.wrongMessage,
      Jt808GeneralResult.notSupported,
      4,
    ] as const;
    for (const result of codes) {
      const check = (0xfe ^ result).toString(16);
      assert.equal(
        toHex(encodeGeneralResponse(T2013, 1, result)),
        `7e800100050139123443230001000702000${result}${check}7e`,
      );
    }
  });

  it('2013, escaping the platform serial 0x7e7d and a check code of 0x7e', () => {
    // Serial 7e7d: check fa ^7e=84 ^7d=f9, body ^07=fe ^02=fc → 0xfc; 7e 7d escaped as 7d02 7d01.
    assert.equal(toHex(encodeGeneralResponse(T2013, 0x7e7d)), '7e800100050139123443237d027d010007020000fc7e');
    // Serial 0x0081: check fa ^00 ^81=7b, body ^07 ^02 = 7e → escaped 7d 02.
    assert.equal(toHex(encodeGeneralResponse(T2013, 0x81)), '7e80010005013912344323008100070200007d027e');
  });

  it('2013, as published by a Huabao tracker vendor (ack of 0x0200 serial 0x00ee)', () => {
    const to = {
      edition: '2013',
      protocolVersion: 0,
      phone: '002002604323',
      serial: 0xee,
      msgId: 0x0200,
    } as const;
    assert.equal(toHex(encodeGeneralResponse(to, 9)), '7e80010005002002604323000900ee020000437e');
  });

  it('2019, echoing the version byte and the BCD[10] phone (xtream-codec sample)', () => {
    const to = {
      edition: '2019',
      protocolVersion: 1,
      phone: '00000000013912344329',
      serial: 0x6f,
      msgId: 0x0200,
    } as const;
    // 8001 | 4005 (version flag, length 5) | 01 | 00000000013912344329 | 0000 | 006f 0200 00 | dc
    assert.equal(toHex(encodeGeneralResponse(to, 0)), '7e8001400501000000000139123443290000006f020000dc7e');
  });

  it('answers the header of a decoded frame', () => {
    const [f] = new Jt808Framer().push(fromHex('7e0002000004304832546500b7ca7e'));
    assert.ok(f?.ok);
    const hb = decodeFrame(f.frame);
    assert.ok(hb.ok);
    const reply = encodeGeneralResponse(hb.message.header, 0x10);
    // 8001 0005 043048325465 0010 | 00b7 0002 00
    assert.equal(toHex(reply.subarray(0, 18)), '7e80010005043048325465001000b7000200');
  });
});

describe('JT/T 808 0x8100 registration response (§8.6)', () => {
  const reg = { ...T2013, serial: 3, msgId: 0x0100 };

  it('2013 success with auth code, hand-computed', () => {
    // Header 8100 | 0007 | 013912344323 | 0002; body 0003 | 00 | "AB12" = 41 42 31 32.
    // Check: 81 ^07=86 ^01=87 ^39=be ^12=ac ^34=98 ^43=db ^23=f8 ^02=fa
    //        ^03=f9 ^00=f9 ^41=b8 ^42=fa ^31=cb ^32=f9 → 0xf9.
    assert.equal(
      toHex(encodeRegisterResponse(reg, 2, Jt808RegisterResult.ok, 'AB12')),
      '7e81000007013912344323000200030041423132f97e',
    );
  });

  it('2013 refusal carries no auth code, hand-computed', () => {
    // Header 8100 | 0003 | 013912344323 | 0002; body 0003 | 02.
    // Check: 81 ^03=82 ^01=83 ^39=ba ^12=a8 ^34=9c ^43=df ^23=fc ^02=fe ^03=fd ^02=ff → 0xff.
    assert.equal(
      toHex(encodeRegisterResponse(reg, 2, Jt808RegisterResult.vehicleNotFound, 'ignored')),
      '7e810000030139123443230002000302ff7e',
    );
    for (const result of [1, 3, 4] as const) {
      const hex = toHex(encodeRegisterResponse(reg, 2, result));
      assert.equal(hex.slice(-6), `0${result}${(0xfd ^ result).toString(16)}7e`);
    }
  });

  it('2013, as published in a JT808 register-response walkthrough', () => {
    const to = {
      edition: '2013',
      protocolVersion: 0,
      phone: '040457103166',
      serial: 0x30,
      msgId: 0x0100,
    } as const;
    assert.equal(
      toHex(encodeRegisterResponse(to, 0x30, 0, 'shuangwei')),
      '7e8100000c0404571031660030003000736875616e67776569e07e',
    );
  });

  it('2019, echoing the version byte and phone (xtream-codec and Aliyun tutorial samples)', () => {
    const a = {
      edition: '2019',
      protocolVersion: 1,
      phone: '00000000013912344329',
      serial: 0x6f,
      msgId: 0x0100,
    } as const;
    assert.equal(
      toHex(encodeRegisterResponse(a, 0, 0, 'ok..ok..ok')),
      '7e8100400d01000000000139123443290000006f006f6b2e2e6f6b2e2e6f6bd27e',
    );
    const b = {
      edition: '2019',
      protocolVersion: 1,
      phone: '00000000000223456789',
      serial: 0,
      msgId: 0x0100,
    } as const;
    assert.equal(
      toHex(encodeRegisterResponse(b, 0, 0, 'nugmQRV4axlLGjjonA==')),
      '7e81004017010000000000022345678900000000006e75676d5152563461786c4c476a6a6f6e413d3d137e',
    );
  });
});
