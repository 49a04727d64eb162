// Golden frames, hex verbatim from traccar's Gt06ProtocolDecoderTest (CRCs checked by the decoder).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeGt06Frame } from './decode.ts';
import { replyTo } from './encode.ts';
import { buildFrame } from './frame.ts';
import { bin, errorOf, hex, messageOf } from './testing.ts';

const decode = (h: string) => decodeGt06Frame(bin(h));
const deg = (raw: number) => raw / 1_800_000;

describe('GT06 login (0x01)', () => {
  it('reads the BCD IMEI and acks with the protocol number and serial', () => {
    const login = messageOf(decode('78780D01012345678901234500018CDD0D0A'), 'login');
    assert.equal(login.imei, '123456789012345');
    assert.equal(login.serial, 1);
    assert.equal(login.typeId, null);
    assert.equal(login.timezoneOffsetMinutes, null);
    assert.equal(hex(replyTo(login)), '787805010001d9dc0d0a');
  });

  it('reads the type code and the west time zone of the extended login', () => {
    const login = messageOf(decode('787811010864717003664467100f190a0002c6d20d0a'), 'login');
    assert.equal(login.imei, '864717003664467');
    assert.equal(login.typeId, 0x100f);
    assert.equal(login.timezoneOffsetMinutes, -240);
    assert.equal(login.serial, 2);
  });

  it('rejects a login whose terminal ID is not BCD', () => {
    const error = errorOf(decodeGt06Frame(buildFrame(0x01, bin('01234567890123fa'), 1)));
    assert.equal(error.reason, 'invalid');
    assert.match(error.detail, /not BCD/);
  });
});

describe('GT06 location (0x12, 0x22)', () => {
  it('decodes traccar 0x12 frame to 2015-10-20 14:21:11, 54.94535, 24.01762', () => {
    const loc = messageOf(
      decode('78781f120f0a140e150bc505e51e780293a9e800540000f601006e0055da00035f240d0a'),
      'location',
    );
    const p = loc.position;
    assert.equal(p.time, Date.parse('2015-10-20T14:21:11Z'));
    assert.equal(p.lat, deg(0x05e51e78));
    assert.equal(p.lon, deg(0x0293a9e8));
    assert.equal(p.lat.toFixed(5), '54.94535');
    assert.equal(p.lon.toFixed(5), '24.01762');
    assert.equal(p.speedKmh, 0);
    assert.equal(p.course, 0);
    assert.equal(p.fixed, true);
    assert.equal(p.satellites, 5);
    assert.deepEqual(p.attributes, {
      differential: false,
      ignition: false,
      mcc: 246,
      mnc: 1,
      lac: 110,
      cellId: 0x55da,
    });
    assert.equal(loc.serial, 3);
    assert.equal(loc.reupload, false);
    assert.equal(replyTo(loc), null);
  });

  it('decodes speed, course and the trailing mileage of a 0x12 frame', () => {
    const loc = messageOf(
      decode('787823120f081b121d37cb01c8e2cc08afd3c020d50201940701d600a1190041ee100576d1470d0a'),
      'location',
    );
    const p = loc.position;
    assert.equal(p.time, Date.parse('2015-08-27T18:29:55Z'));
    assert.equal(p.lat, deg(0x01c8e2cc));
    assert.equal(p.lon, deg(0x08afd3c0));
    assert.equal(p.speedKmh, 32);
    assert.equal(p.course, 258);
    assert.equal(p.fixed, true);
    assert.equal(p.satellites, 11);
    assert.equal(p.attributes.ignition, true);
    assert.equal(p.attributes.odometer, 0x0041ee10);
    assert.equal(p.attributes.mcc, 404);
  });

  it('decodes the 0x22 ACC, upload mode and re-upload flag', () => {
    const loc = messageOf(
      decode('787822220F0C1D023305C9027AC8180C46586000140001CC00287D001F71000001000820860D0A'),
      'location',
    );
    const p = loc.position;
    assert.equal(loc.protocol, 0x22);
    assert.equal(p.time, Date.parse('2015-12-29T02:51:05Z'));
    assert.equal(p.lat, deg(0x027ac818));
    assert.equal(p.lon, deg(0x0c465860));
    assert.equal(p.lat.toFixed(6), '23.111693');
    assert.equal(p.lon.toFixed(6), '114.409298');
    assert.equal(p.satellites, 9);
    assert.equal(p.fixed, true);
    assert.equal(loc.reupload, true);
    assert.deepEqual(p.attributes, {
      differential: false,
      mcc: 460,
      mnc: 0,
      lac: 0x287d,
      cellId: 0x1f71,
      ignition: false,
      uploadMode: 0,
      reupload: true,
    });
    assert.equal(loc.serial, 8);
  });

  it('decodes a real-time 0x22 fix with a course', () => {
    const loc = messageOf(
      decode('78782222120616083817c5050cc8c801a819d600152400e8011dbf003332000000004862500d0a'),
      'location',
    );
    assert.equal(loc.position.time, Date.parse('2018-06-22T08:56:23Z'));
    assert.equal(loc.position.lat, deg(0x050cc8c8));
    assert.equal(loc.position.lon, deg(0x01a819d6));
    assert.equal(loc.position.course, 0x124);
    assert.equal(loc.reupload, false);
  });

  it('applies the terminal time zone when one is given', () => {
    const frame = '78781f120f0a140e150bc505e51e780293a9e800540000f601006e0055da00035f240d0a';
    const loc = messageOf(decodeGt06Frame(bin(frame), { timezoneOffsetMinutes: 480 }), 'location');
    assert.equal(loc.position.time, Date.parse('2015-10-20T06:21:11Z'));
  });
});

describe('GT06 heartbeat (0x13)', () => {
  it('reads terminal information, voltage level and GSM signal, and acks', () => {
    const hb = messageOf(decode('78780a13440604000201baaf540d0a'), 'heartbeat');
    assert.deepEqual(hb.terminal, {
      armed: false,
      acc: false,
      charging: true,
      alarm: null,
      gpsTracking: true,
      oilCut: false,
    });
    assert.equal(hb.voltageLevel, 6);
    assert.equal(hb.gsmSignal, 4);
    assert.equal(hb.alarmCode, 0);
    assert.equal(hb.serial, 0x01ba);
    assert.equal(hex(replyTo(hb)), '78780513' + '01ba' + 'fb71' + '0d0a');
  });

  it('reads the oil-cut bit', () => {
    const hb = messageOf(decode('78780a13c40604000201298f5b0d0a'), 'heartbeat');
    assert.equal(hb.terminal.oilCut, true);
  });
});

describe('GT06 alarm (0x16, 0x26)', () => {
  it('names the alarm code (0x06 overspeed) and keeps the fix, cell and status', () => {
    const alarm = messageOf(
      decode('78782516110819110208d402f264dc08289a4058d4c70901944600d300c0954606040600014057e90d0a'),
      'alarm',
    );
    assert.equal(alarm.alarm, 'overspeed');
    assert.equal(alarm.alarmCode, 6);
    assert.equal(alarm.serial, 0x0140);
    const p = alarm.position;
    assert.ok(p);
    assert.equal(p.time, Date.parse('2017-08-25T17:02:08Z'));
    assert.equal(p.lat, deg(0x02f264dc));
    assert.equal(p.lon, deg(0x08289a40));
    assert.equal(p.speedKmh, 88);
    assert.equal(p.course, 199);
    assert.equal(p.fixed, true);
    assert.equal(p.attributes.alarm, 'overspeed');
    assert.equal(p.attributes.mcc, 404);
    assert.equal(p.attributes.mnc, 70);
    assert.equal(p.attributes.cellId, 0xc095);
    assert.equal(p.attributes.ignition, true);
    assert.equal(p.attributes.charge, true);
    assert.equal(hex(replyTo(alarm)), '787805160140' + '9a19' + '0d0a');
  });

  it('decodes a 0x26 vibration alarm without a GPS fix', () => {
    const alarm = messageOf(
      decode('7878252612030C063816C3026C10540C38C9700144030901CC002866000EEE0C06040302000DA2DB0D0A'),
      'alarm',
    );
    assert.equal(alarm.protocol, 0x26);
    assert.equal(alarm.alarm, 'vibration');
    assert.equal(alarm.position?.time, Date.parse('2018-03-12T06:56:22Z'));
    assert.equal(alarm.position?.fixed, false);
    assert.equal(alarm.position?.course, 3);
  });

  it('falls back to the status bits when the alarm code is 0 (traccar: removing)', () => {
    const alarm = messageOf(
      decode('7878251613020C12141AC5027951430C2A16F60014000900000000001A00007C550300020002F1E70D0A'),
      'alarm',
    );
    assert.equal(alarm.alarmCode, 0);
    assert.equal(alarm.alarm, 'removing');
  });

  it('reports a general alarm when neither code nor status names one', () => {
    const alarm = messageOf(
      decode('787825160B051B093523CF027AC8360C4657B30014000901CC00266A001E1740050400020008D7B10D0A'),
      'alarm',
    );
    assert.equal(alarm.alarm, 'general');
    assert.equal(alarm.position?.satellites, 15);
  });
});

describe('GT06 other frames', () => {
  it('frames a 0x7979 long packet and reports its protocol as unsupported', () => {
    const other = messageOf(decode('797900099b0380d600046f91e90d0a'), 'unsupported');
    assert.equal(other.protocol, 0x9b);
    assert.equal(other.serial, 0x046f);
    assert.equal(other.contentHex, '0380d600');
  });

  it('rejects the bad-CRC example frame of the GT06 document', () => {
    const error = errorOf(decode('78781F120B081D112E10CC027AC7EB0C46584900148F01CC00287D001FB8000380810D0A'));
    assert.equal(error.reason, 'crc');
    assert.match(error.detail, /0x8081, expected 0x7377/);
    assert.equal(error.hex.slice(0, 8), '78781f12');
  });
});
