import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeLocation, encodeLogin } from './encode.ts';
import { buildFrame } from './frame.ts';
import { Gt06Framer } from './framer.ts';
import { bin, errorOf, messageOf } from './testing.ts';
import type { Gt06DecodeResult } from './types.ts';

const LOGIN = bin('78780D01012345678901234500018CDD0D0A');
const LOCATION = bin('78781f120f0a140e150bc505e51e780293a9e800540000f601006e0055da00035f240d0a');
const HEARTBEAT = bin('78780a13440604000201baaf540d0a');
const BAD_CRC = bin('78781F120B081D112E10CC027AC7EB0C46584900148F01CC00287D001FB8000380810D0A');
const LONG = bin('797900099b0380d600046f91e90d0a');

const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const kinds = (results: Gt06DecodeResult[]) => results.map((r) => (r.ok ? r.message.kind : r.error.reason));

describe('Gt06Framer', () => {
  it('decodes several frames sharing one chunk', () => {
    const framer = new Gt06Framer();
    assert.deepEqual(kinds(framer.push(join(LOGIN, LOCATION, HEARTBEAT, LONG))), [
      'login',
      'location',
      'heartbeat',
      'unsupported',
    ]);
    assert.equal(framer.pendingBytes, 0);
  });

  it('reassembles frames fed one byte at a time', () => {
    const framer = new Gt06Framer();
    const results: Gt06DecodeResult[] = [];
    for (const byte of join(LOGIN, LONG, LOCATION)) results.push(...framer.push(Uint8Array.of(byte)));
    assert.deepEqual(kinds(results), ['login', 'unsupported', 'location']);
    assert.equal(messageOf(results[2], 'location').position.time, Date.parse('2015-10-20T14:21:11Z'));
    assert.equal(framer.pendingBytes, 0);
  });

  it('reports a bad CRC and carries on with the next frame', () => {
    const results = new Gt06Framer().push(join(BAD_CRC, LOCATION));
    assert.equal(errorOf(results[0]).reason, 'crc');
    assert.equal(messageOf(results[1], 'location').serial, 3);
    assert.equal(results.length, 2);
  });

  it('skips garbage before, between and after frames, reporting each run once', () => {
    const framer = new Gt06Framer();
    const noise = bin('00ff1234780d0a');
    const results = framer.push(join(noise, LOGIN, bin('4745542f'), LOCATION, bin('aa')));
    assert.deepEqual(kinds(results), ['garbage', 'login', 'garbage', 'location', 'garbage']);
    assert.equal(errorOf(results[0]).hex, '00ff1234780d0a');
    assert.equal(framer.pendingBytes, 0);
  });

  it('keeps a trailing start byte until the next chunk says whether it starts a frame', () => {
    const framer = new Gt06Framer();
    assert.deepEqual(kinds(framer.push(join(bin('00'), LOGIN.subarray(0, 1)))), ['garbage']);
    assert.equal(framer.pendingBytes, 1);
    assert.deepEqual(kinds(framer.push(LOGIN.subarray(1))), ['login']);
  });

  it('resynchronises when the length field does not lead to stop bits', () => {
    const corrupt = LOCATION.slice();
    corrupt[2] = 0x10; // length 16 instead of 31
    const results = new Gt06Framer().push(join(corrupt, HEARTBEAT));
    assert.deepEqual(kinds(results), ['framing', 'heartbeat']);
    assert.match(errorOf(results[0]).detail, /no stop bits/);
  });

  it('rejects a length below the minimum of 5', () => {
    const results = new Gt06Framer().push(join(bin('787803010d0a'), HEARTBEAT));
    assert.deepEqual(kinds(results), ['length', 'heartbeat']);
  });

  it('rejects a frame over the maximum size at once and never buffers more than that', () => {
    const framer = new Gt06Framer({ maxFrameSize: 64 });
    const results = framer.push(join(bin('79790400'), new Uint8Array(10), LOGIN));
    assert.deepEqual(kinds(results), ['too_large', 'login']);
    const big = buildFrame(0x99, new Uint8Array(100), 1);
    assert.deepEqual(kinds(framer.push(join(big, HEARTBEAT))), ['too_large', 'heartbeat']);
    assert.deepEqual(kinds(framer.push(bin('7878ff'))), ['too_large']);
    for (let i = 0; i < 100; i++)
      framer.push(Uint8Array.from({ length: 997 }, (_, j) => (i * 31 + j * 7) & 0xff));
    assert.ok(framer.pendingBytes <= 64);
  });

  it('reports content too short for its protocol as truncated', () => {
    const short = buildFrame(0x12, bin('0f0a140e150bc505e51e'), 1);
    const error = errorOf(new Gt06Framer().push(short)[0]);
    assert.equal(error.reason, 'truncated');
    assert.match(error.detail, /protocol 0x12/);
  });

  it('reports an impossible date-time as invalid', () => {
    const content = LOCATION.slice(4, LOCATION.length - 6);
    content[1] = 13; // month 13
    assert.equal(errorOf(new Gt06Framer().push(buildFrame(0x12, content, 1))[0]).reason, 'invalid');
  });

  it('uses the zone announced at login for later fixes unless one is configured', () => {
    const time = Date.parse('2024-05-01T02:03:04Z');
    const fix = { time, lat: 31, lon: 121, speedKmh: 0, course: 0, fixed: true, satellites: 8 };
    const cell = { mcc: 460, mnc: 0, lac: 1, cellId: 2 };
    const login = encodeLogin({
      imei: '123456789012345',
      serial: 1,
      typeId: 0x100f,
      timezoneOffsetMinutes: 480,
    });
    const local = encodeLocation({ serial: 2, fix, cell, timezoneOffsetMinutes: 480 });
    const announced = new Gt06Framer().push(join(login, local));
    assert.equal(messageOf(announced[1], 'location').position.time, time);
    const configured = new Gt06Framer({ timezoneOffsetMinutes: 0 }).push(join(login, local));
    assert.equal(messageOf(configured[1], 'location').position.time, time + 8 * 3_600_000);
  });
});
