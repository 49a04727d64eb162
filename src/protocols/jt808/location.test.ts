import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromHex } from './bytes.ts';
import { Jt808Alarm } from './constants.ts';
import { decodeFrame } from './decode.ts';
import { Jt808Framer } from './framer.ts';
import { encodeLocationReport } from './terminal.ts';
import type { Jt808DecodeResult, Jt808Location } from './types.ts';

function decodeWire(wire: Uint8Array): Jt808DecodeResult {
  const frames = new Jt808Framer().push(wire);
  assert.equal(frames.length, 1);
  const [f] = frames;
  assert.ok(f?.ok);
  return decodeFrame(f.frame);
}

function locationOf(r: Jt808DecodeResult): Jt808Location {
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.error));
  assert.equal(r.message.kind, 'location');
  return r.message.kind === 'location' ? r.message.location : assert.fail('not a location');
}

/** 0x7e + content + XOR of content + 0x7e; the content below needs no escaping. */
function frameOf(...fields: string[]): Uint8Array {
  const content = fromHex(fields.join(''));
  const check = content.reduce((x, b) => x ^ b, 0);
  return Uint8Array.of(0x7e, ...content, check, 0x7e);
}

describe('JT/T 808 0x0200 location report (§8.18)', () => {
  it('decodes a 2013 frame built field by field from Tables 23–27', () => {
    const wire = frameOf(
      '0200', // message id
      '003f', // properties: body length 63, no encryption, no sub-package
      '013912344323', // phone BCD[6]
      '002a', // serial 42
      '00000101', // alarm: bit 0 SOS, bit 8 main power cut
      '000c0003', // status: bit 0 ACC on, bit 1 fixed, bit 18 GPS, bit 19 Beidou
      '01dd9e72', // latitude 31301234 × 10⁻⁶
      '07337339', // longitude 120812345 × 10⁻⁶
      '000c', // altitude 12 m
      '016d', // speed 365 × 0.1 km/h
      '010f', // course 271°
      '261127153000', // 26-11-27 15:30:00 GMT+8
      '010400003039', // 0x01 mileage 12345 × 0.1 km
      '020201f4', // 0x02 fuel 500 × 0.1 L
      '0302016b', // 0x03 recorder speed 363 × 0.1 km/h
      '250400000005', // 0x25 extended vehicle signals
      '2a020003', // 0x2a IO status
      '30011f', // 0x30 signal strength 31
      '31010c', // 0x31 satellites 12
      'e103aabbcc', // 0xe1 custom item, kept raw
    );
    const r = decodeWire(wire);
    assert.ok(r.ok);
    assert.equal(r.message.header.deviceId, '13912344323');
    assert.equal(r.message.header.serial, 42);
    const loc = locationOf(r);
    assert.equal(loc.lat, 31.301234);
    assert.equal(loc.lon, 120.812345);
    assert.equal(new Date(loc.time).toISOString(), '2026-11-27T07:30:00.000Z');
    assert.equal(loc.speedKmh, 36.5);
    assert.equal(loc.course, 271);
    assert.equal(loc.altitude, 12);
    assert.equal(loc.alarm, 0x101);
    assert.ok(loc.alarm & Jt808Alarm.sos);
    assert.ok(loc.alarm & Jt808Alarm.powerCut);
    assert.equal(loc.alarm & Jt808Alarm.overspeed, 0);
    assert.deepEqual(loc.status, {
      raw: 0x000c0003,
      acc: true,
      fixed: true,
      south: false,
      west: false,
      gps: true,
      beidou: true,
      glonass: false,
      galileo: false,
    });
    assert.equal(loc.mileageKm, 1234.5);
    assert.equal(loc.fuelL, 50);
    assert.equal(loc.recorderSpeedKmh, 36.3);
    assert.equal(loc.extSignals, 5);
    assert.equal(loc.ioStatus, 3);
    assert.equal(loc.signal, 31);
    assert.equal(loc.satellites, 12);
    assert.deepEqual(loc.extras, { '0xe1': 'aabbcc' });
    assert.equal(loc.extrasTruncated, undefined);
  });

  it('decodes traccar test frame with west longitude, SOS and an unknown item', () => {
    // HuabaoProtocolDecoderTest: status 0x0a = fixed + west.
    const loc = locationOf(
      decodeWire(
        fromHex(
          '7e0200002e094027587492000a000000010000000a03083db7001329f3000000140000130412164952010400000012360a0002341502cb0c20085c107e',
        ),
      ),
    );
    assert.equal(loc.lat, 50.871735);
    assert.equal(loc.lon, -1.255923);
    assert.equal(loc.status.west, true);
    assert.equal(loc.status.south, false);
    assert.equal(loc.alarm, Jt808Alarm.sos);
    assert.equal(loc.speedKmh, 2);
    assert.equal(loc.course, 0);
    assert.equal(new Date(loc.time).toISOString(), '2013-04-12T08:49:52.000Z');
    assert.equal(loc.mileageKm, 1.8);
    assert.deepEqual(loc.extras, { '0x36': '0002341502cb0c20085c' });
  });

  it('decodes traccar test frame with extended signals, signal strength and satellites', () => {
    const loc = locationOf(
      decodeWire(
        fromHex(
          '7E02000053200002604323004800000000000C00000158B91406CB7007006B00000000220512101138010400000F2803020000250400000000300114310100E30100D50E0100026043232795980277530030E50400000000E7020FC8E8020E83AB7E',
        ),
      ),
    );
    assert.equal(loc.lat, 22.591764);
    assert.equal(loc.lon, 113.995783);
    assert.equal(loc.altitude, 107);
    assert.equal(loc.speedKmh, 0);
    assert.equal(new Date(loc.time).toISOString(), '2022-05-12T02:11:38.000Z');
    assert.equal(loc.status.fixed, false);
    assert.equal(loc.status.gps, true);
    assert.equal(loc.status.beidou, true);
    assert.equal(loc.mileageKm, 388);
    assert.equal(loc.recorderSpeedKmh, 0);
    assert.equal(loc.extSignals, 0);
    assert.equal(loc.signal, 20);
    assert.equal(loc.satellites, 0);
    assert.deepEqual(Object.keys(loc.extras), ['0xe3', '0xd5', '0xe5', '0xe7', '0xe8']);
    assert.equal(loc.extras['0xe7'], '0fc8');
  });

  it('decodes a 2019 frame with south latitude', () => {
    // xtream-codec sample: status 0x16 = fixed + south + bit 4.
    const loc = locationOf(
      decodeWire(
        fromHex(
          '7e02004026010000000001391234432900000000006f0000001601dc9a0707456246007b004200032501292233440202006401040000000c417e',
        ),
      ),
    );
    assert.equal(loc.lat, -31.234567);
    assert.equal(loc.lon, 121.987654);
    assert.equal(loc.status.south, true);
    assert.equal(loc.alarm, 111);
    assert.equal(loc.altitude, 123);
    assert.equal(loc.speedKmh, 6.6);
    assert.equal(loc.course, 3);
    assert.equal(new Date(loc.time).toISOString(), '2025-01-29T14:33:44.000Z');
    assert.equal(loc.fuelL, 10);
    assert.equal(loc.mileageKm, 1.2);
  });

  const BASIC = ['00000000', '00000002', '01dd9e72', '07337339', '0000', '0000', '0000', '261127153000'];

  it('keeps the items decoded before a truncated item list and flags it', () => {
    const r = decodeWire(frameOf('0200', '0024', '013912344323', '0001', ...BASIC, '010400003039', '3001'));
    const loc = locationOf(r);
    assert.equal(loc.mileageKm, 1234.5);
    assert.equal(loc.signal, undefined);
    assert.equal(loc.extrasTruncated, true);
  });

  it('keeps a known item with a non-standard length raw instead of misreading it', () => {
    const loc = locationOf(decodeWire(frameOf('0200', '0020', '013912344323', '0001', ...BASIC, '3002abcd')));
    assert.equal(loc.signal, undefined);
    assert.deepEqual(loc.extras, { '0x30': 'abcd' });
  });

  it('refuses a bad BCD time or a short body as a body error that keeps the header', () => {
    const badTime = [...BASIC.slice(0, 7), '261327153000']; // month 13
    const r = decodeWire(frameOf('0200', '001c', '013912344323', '0007', ...badTime));
    assert.ok(!r.ok);
    assert.equal(r.error.reason, 'body');
    assert.equal(r.error.header?.serial, 7);
    const short = decodeWire(frameOf('0200', '0004', '013912344323', '0008', '00000000'));
    assert.ok(!short.ok);
    assert.equal(short.error.reason, 'body');
  });

  it('round-trips through encodeLocationReport, south and west included', () => {
    const input = {
      lat: -33.868765,
      lon: -70.654321,
      time: Date.UTC(2026, 10, 27, 7, 30, 0),
      alarm: Jt808Alarm.overspeed,
      status: { acc: true, fixed: true, beidou: true },
      altitude: -12,
      speedKmh: 88.8,
      course: 359,
      mileageKm: 1234.5,
      fuelL: 12.3,
      signal: 25,
      satellites: 9,
      ioStatus: 1,
      extSignals: 0x10,
      extras: { '0xe2': '01' },
    };
    for (const edition of ['2013', '2019'] as const) {
      const loc = locationOf(
        decodeWire(encodeLocationReport({ edition, phone: '13912344323', serial: 9 }, input)),
      );
      assert.equal(loc.lat, -33.868765);
      assert.equal(loc.lon, -70.654321);
      assert.equal(loc.time, input.time);
      assert.equal(loc.altitude, -12);
      assert.equal(loc.speedKmh, 88.8);
      assert.equal(loc.course, 359);
      assert.equal(loc.alarm, Jt808Alarm.overspeed);
      assert.equal(loc.status.raw, (1 << 0) | (1 << 1) | (1 << 2) | (1 << 3) | (1 << 19));
      assert.equal(loc.mileageKm, 1234.5);
      assert.equal(loc.fuelL, 12.3);
      assert.equal(loc.signal, 25);
      assert.equal(loc.satellites, 9);
      assert.equal(loc.ioStatus, 1);
      assert.equal(loc.extSignals, 0x10);
      assert.deepEqual(loc.extras, { '0xe2': '01' });
    }
  });
});
