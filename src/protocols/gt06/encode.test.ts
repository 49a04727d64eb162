import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crcItu } from './crc.ts';
import { decodeGt06Frame } from './decode.ts';
import { encodeAck, encodeAlarm, encodeHeartbeat, encodeLocation, encodeLogin } from './encode.ts';
import { buildFrame } from './frame.ts';
import type { Gt06Fix } from './gps.ts';
import { hex, messageOf } from './testing.ts';
import type { Gt06Cell, Gt06TerminalInfo } from './types.ts';

const cell: Gt06Cell = { mcc: 460, mnc: 0, lac: 0x287d, cellId: 0x1f71 };
const idle: Gt06TerminalInfo = {
  armed: false,
  acc: true,
  charging: true,
  alarm: null,
  gpsTracking: true,
  oilCut: false,
};
const shanghai: Gt06Fix = {
  time: Date.parse('2024-05-01T02:03:04Z'),
  lat: 31.2304,
  lon: 121.4737,
  speedKmh: 23,
  course: 271,
  fixed: true,
  satellites: 9,
};

describe('CRC-ITU (CRC-16/X-25)', () => {
  it('has the standard check value 0x906E over "123456789"', () => {
    assert.equal(crcItu(new TextEncoder().encode('123456789')), 0x906e);
  });
});

describe('GT06 encoders', () => {
  it('builds the login ack 78 78 05 01 00 01 d9 dc 0d 0a', () => {
    assert.equal(hex(encodeAck(0x01, 0x0001)), '787805010001d9dc0d0a');
  });

  it('builds the same login frame as the GT06 document and traccar', () => {
    assert.equal(
      hex(encodeLogin({ imei: '123456789012345', serial: 1 })),
      '78780d01012345678901234500018cdd0d0a',
    );
  });

  it('round-trips an extended login with its time zone', () => {
    const frame = encodeLogin({
      imei: '864717003664467',
      serial: 2,
      typeId: 0x100f,
      timezoneOffsetMinutes: 330,
    });
    const login = messageOf(decodeGt06Frame(frame), 'login');
    assert.equal(login.imei, '864717003664467');
    assert.equal(login.timezoneOffsetMinutes, 330);
  });

  it('round-trips a 0x12 location to the coordinate resolution (1/1,800,000 degree)', () => {
    const loc = messageOf(decodeGt06Frame(encodeLocation({ serial: 7, fix: shanghai, cell })), 'location');
    const { attributes, ...p } = loc.position;
    assert.ok(Math.abs(p.lat - shanghai.lat) <= 0.5 / 1_800_000);
    assert.ok(Math.abs(p.lon - shanghai.lon) <= 0.5 / 1_800_000);
    assert.deepEqual({ ...p, lat: shanghai.lat, lon: shanghai.lon }, shanghai);
    assert.equal(attributes.cellId, cell.cellId);
    assert.equal(loc.serial, 7);
  });

  it('sets bit 10 clear for south and bit 11 for west, and decodes negative signs', () => {
    const sydneyWest: Gt06Fix = { ...shanghai, lat: -33.8688, lon: -151.2093 };
    const frame = encodeLocation({ serial: 1, fix: sydneyWest, cell });
    const flags = ((frame[20] ?? 0) << 8) | (frame[21] ?? 0);
    assert.equal(flags & 0x0400, 0, 'south: bit 10 clear');
    assert.equal(flags & 0x0800, 0x0800, 'west: bit 11 set');
    const p = messageOf(decodeGt06Frame(frame), 'location').position;
    assert.equal(p.lat, -Math.round(33.8688 * 1_800_000) / 1_800_000);
    assert.equal(p.lon, -Math.round(151.2093 * 1_800_000) / 1_800_000);
    const eastNorth = messageOf(
      decodeGt06Frame(encodeLocation({ serial: 1, fix: shanghai, cell })),
      'location',
    );
    assert.ok(eastNorth.position.lat > 0 && eastNorth.position.lon > 0);
  });

  it('round-trips a 0x22 re-upload with mileage', () => {
    const frame = encodeLocation({
      serial: 3,
      fix: shanghai,
      cell,
      protocol: 0x22,
      acc: true,
      uploadMode: 4,
      reupload: true,
      mileage: 123_456,
    });
    const loc = messageOf(decodeGt06Frame(frame), 'location');
    assert.equal(loc.reupload, true);
    assert.equal(loc.position.attributes.ignition, true);
    assert.equal(loc.position.attributes.uploadMode, 4);
    assert.equal(loc.position.attributes.odometer, 123_456);
  });

  it('builds and decodes a 0x7979 long frame', () => {
    const frame = encodeLocation({ serial: 0x1234, fix: shanghai, cell, long: true });
    assert.equal(hex(frame).slice(0, 10), '7979001f12');
    const loc = messageOf(decodeGt06Frame(frame), 'location');
    assert.equal(loc.serial, 0x1234);
    assert.equal(loc.position.time, shanghai.time);
    const big = buildFrame(0x99, new Uint8Array(300), 5);
    assert.equal(hex(big).slice(0, 8), '79790131');
    assert.equal(messageOf(decodeGt06Frame(big), 'unsupported').contentHex.length, 600);
  });

  it('round-trips a heartbeat', () => {
    const frame = encodeHeartbeat({
      serial: 9,
      terminal: { ...idle, armed: true },
      voltageLevel: 4,
      gsmSignal: 3,
    });
    const hb = messageOf(decodeGt06Frame(frame), 'heartbeat');
    assert.deepEqual(hb.terminal, { ...idle, armed: true });
    assert.equal(hb.voltageLevel, 4);
    assert.equal(hb.gsmSignal, 3);
  });

  it('round-trips SOS and power-cut alarms', () => {
    const sos = encodeAlarm({
      serial: 1,
      fix: shanghai,
      cell,
      terminal: idle,
      voltageLevel: 5,
      gsmSignal: 4,
      alarmCode: 1,
    });
    assert.equal(messageOf(decodeGt06Frame(sos), 'alarm').alarm, 'sos');
    const cut = encodeAlarm({
      serial: 2,
      fix: shanghai,
      cell,
      terminal: { ...idle, alarm: 'powerCut' },
      voltageLevel: 1,
      gsmSignal: 4,
      alarmCode: 0,
      protocol: 0x26,
    });
    const alarm = messageOf(decodeGt06Frame(cut), 'alarm');
    assert.equal(alarm.alarm, 'powerCut');
    assert.equal(alarm.terminal.alarm, 'powerCut');
    assert.equal(alarm.position?.attributes.cellId, cell.cellId);
  });

  it('keeps an alarm whose date-time is impossible, without a position', () => {
    const frame = encodeAlarm({
      serial: 1,
      fix: shanghai,
      cell,
      terminal: idle,
      voltageLevel: 5,
      gsmSignal: 4,
      alarmCode: 1,
    });
    const content = frame.slice(4, frame.length - 6);
    content.fill(0, 0, 6);
    const alarm = messageOf(decodeGt06Frame(buildFrame(0x16, content, 1)), 'alarm');
    assert.equal(alarm.alarm, 'sos');
    assert.equal(alarm.position, null);
  });
});
