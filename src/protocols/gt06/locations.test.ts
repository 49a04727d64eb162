// Golden frames for every location packet (0x12/0x22 and the 0x16/0x26 alarms are in decode.test.ts).
// Hex verbatim from traccar's Gt06ProtocolDecoderTest where it has a frame of the type; the 0xA0
// frame is a device capture published elsewhere (see docs/DEVICES.md); the others are built here
// from the layout that locations.ts cites, and say so.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeGt06Frame } from './decode.ts';
import { encodeAck, replyTo } from './encode.ts';
import { buildFrame } from './frame.ts';
import { type Gt06Fix, gpsBytes, u16, u32 } from './gps.ts';
import { cellBytes } from './lbs.ts';
import { bin, errorOf, hex, messageOf } from './testing.ts';
import type { Gt06Cell } from './types.ts';

const decode = (h: string) => decodeGt06Frame(bin(h));
const deg = (raw: number) => raw / 1_800_000;

/** A fix whose coordinates are whole multiples of 1/1,800,000 degree, so they come back exactly. */
const FIX: Gt06Fix = {
  time: Date.parse('2026-03-02T01:00:00Z'),
  lat: 31.301,
  lon: 120.812,
  speedKmh: 12,
  course: 90,
  fixed: true,
  satellites: 9,
};
const CELL: Gt06Cell = { mcc: 460, mnc: 0, lac: 0x287d, cellId: 0x1f71 };

/** A frame of `protocol` whose content is the GPS block of FIX followed by `rest`. */
function built(protocol: number, rest: number[], serial = 7, long = false): Uint8Array {
  return buildFrame(protocol, Uint8Array.from([...gpsBytes(FIX), ...rest]), serial, long);
}

function assertFix(p: { time: number; lat: number; lon: number; speedKmh: number; course: number }) {
  assert.deepEqual([p.time, p.lat, p.lon, p.speedKmh, p.course], [FIX.time, 31.301, 120.812, 12, 90]);
}

describe('GT06 0x10 GPS information (GT03A/B v1.82 §5.2)', () => {
  it('decodes traccar frame to 2011-03-26 11:27:49, 23.111678 N, 114.409208 E, 1 km/h, 289°', () => {
    const loc = messageOf(decode('787819100B031A0B1B31CC027AC7FD0C4657BF0115210001001CC6070D0A'), 'location');
    const p = loc.position;
    assert.equal(loc.protocol, 0x10);
    assert.equal(p.time, Date.parse('2011-03-26T11:27:49Z'));
    assert.equal(p.lat, deg(0x027ac7fd));
    assert.equal(p.lon, deg(0x0c4657bf));
    assert.equal(p.lat.toFixed(6), '23.111678');
    assert.equal(p.lon.toFixed(6), '114.409208');
    assert.equal(p.speedKmh, 1);
    assert.equal(p.course, 289);
    assert.equal(p.fixed, true);
    assert.equal(p.satellites, 12);
    assert.deepEqual(p.attributes, { differential: false });
    assert.equal(loc.serial, 0x1c);
    assert.equal(loc.reupload, false);
    assert.equal(replyTo(loc), null);
  });

  it('decodes traccar frame south and west: 2014-01-09 03:35:14, -34.304377, -58.975278', () => {
    const loc = messageOf(decode('787819100e010903230ec803ae32a60653cded00180000020072feb70d0a'), 'location');
    const p = loc.position;
    assert.equal(p.time, Date.parse('2014-01-09T03:35:14Z'));
    assert.equal(p.lat, -deg(0x03ae32a6));
    assert.equal(p.lon, -deg(0x0653cded));
    assert.equal(p.lat.toFixed(6), '-34.304377');
    assert.equal(p.lon.toFixed(6), '-58.975278');
    assert.deepEqual([p.speedKmh, p.course, p.fixed, p.satellites], [0, 0, true, 8]);
  });

  it('refuses traccar 0x10 frame that has no serial number and no CRC', () => {
    const error = errorOf(decode('7878121011091c0b1b2999058508040097a89e0034520d0a'));
    assert.equal(error.reason, 'length');
  });
});

describe('GT06 0x11 GPS + LBS with a wide cell (traccar MSG_GPS_LBS_6)', () => {
  it('decodes traccar frame to 2021-11-11 02:44:48, 43.970484, -79.263956 and MCC 302 / MNC 720', () => {
    const loc = messageOf(
      decode('78782111150b0b022c30c804b7af7808810cb0003c00012e02d075df0084890c000679950d0a'),
      'location',
    );
    const p = loc.position;
    assert.equal(p.time, Date.parse('2021-11-11T02:44:48Z'));
    assert.equal(p.lat, deg(0x04b7af78));
    assert.equal(p.lon, -deg(0x08810cb0));
    assert.equal(p.lat.toFixed(6), '43.970484');
    assert.equal(p.lon.toFixed(6), '-79.263956');
    assert.deepEqual([p.speedKmh, p.course, p.fixed, p.satellites], [0, 0, true, 8]);
    assert.deepEqual(p.attributes, {
      differential: true,
      mcc: 302,
      mnc: 720,
      lac: 0x75df,
      cellId: 0x0084890c,
    });
    assert.equal(replyTo(loc), null);
  });

  it('leaves a 0x11 of another length alone (GT03A/B §5.3 uses 0x11 for LBS only)', () => {
    const other = messageOf(decodeGt06Frame(built(0x11, cellBytes(CELL))), 'unsupported');
    assert.equal(other.protocol, 0x11);
  });
});

describe('GT06 0x1A GPS + phone number (GT03A/B v1.82 §5.9)', () => {
  it('reads the GPS block of a built frame and leaves the address request unanswered', () => {
    const phone = [...Buffer.from('13800000001'.padEnd(21, '\0'), 'latin1')];
    const loc = messageOf(decodeGt06Frame(built(0x1a, [...phone, 0x00, 0x02])), 'location');
    assert.equal(loc.protocol, 0x1a);
    assertFix(loc.position);
    assert.deepEqual(loc.position.attributes, { differential: false });
    assert.equal(replyTo(loc), null);
  });
});

describe('GT06 0x1E GPS + LBS extension (traccar MSG_GPS_LBS_EXTEND)', () => {
  it('decodes traccar frame to 2014-03-17 11:05:17, -16.543998, -68.074275, 2 km/h, 166°', () => {
    const loc = messageOf(
      decode(
        '7878471e0e03110b0511c501c664fd074db73f0218a602e003433a002fed40433a0056e14e433a0056104e433a0056fd53433a002eed55433a007e4b57433a002ee25aff00020120f6720d0a',
      ),
      'location',
    );
    const p = loc.position;
    assert.equal(p.time, Date.parse('2014-03-17T11:05:17Z'));
    assert.equal(p.lat, -deg(0x01c664fd));
    assert.equal(p.lon, -deg(0x074db73f));
    assert.equal(p.lat.toFixed(6), '-16.543998');
    assert.equal(p.lon.toFixed(6), '-68.074275');
    assert.deepEqual([p.speedKmh, p.course, p.fixed, p.satellites], [2, 166, true, 5]);
    assert.equal(replyTo(loc), null);
  });
});

describe('GT06 0x2D GPS + LBS + ACC (traccar MSG_GPS_LBS_4, read as 0x22)', () => {
  it('reads a built frame: fix, cell, ACC, upload mode and re-upload flag', () => {
    const loc = messageOf(decodeGt06Frame(built(0x2d, [...cellBytes(CELL), 1, 0, 1])), 'location');
    assertFix(loc.position);
    assert.equal(loc.reupload, true);
    assert.deepEqual(loc.position.attributes, {
      differential: false,
      ...CELL,
      ignition: true,
      uploadMode: 0,
      reupload: true,
    });
    assert.equal(replyTo(loc), null);
  });
});

describe('GT06 0x31 GPS + LBS of the AZ735 / SL4X (traccar MSG_GPS_LBS_5)', () => {
  it('reads only the GPS block of a built frame: the cell layout differs by model', () => {
    const loc = messageOf(decodeGt06Frame(built(0x31, [...cellBytes(CELL), 0, 0, 0])), 'location');
    assertFix(loc.position);
    assert.deepEqual(loc.position.attributes, { differential: false });
    assert.equal(replyTo(loc), null);
  });
});

describe('GT06 0x32 GPS + LBS + status (traccar MSG_GPS_LBS_STATUS_4, MSG_AZ735_GPS)', () => {
  it('decodes traccar AZ735 0x7979 frame to 2017-06-23 12:27:24, -6.133382, 106.995049, acked long', () => {
    const loc = messageOf(
      decode(
        '7979004a321106170c1b180cc900a875580b7ab4f00010350901fe0a007c0009112424007c000912240081004efe2100c500100f1200000000000000000000000000000000000000000000bc7c900d0a',
      ),
      'location',
    );
    const p = loc.position;
    assert.equal(loc.protocol, 0x32);
    assert.equal(p.time, Date.parse('2017-06-23T12:27:24Z'));
    assert.equal(p.lat, -deg(0x00a87558));
    assert.equal(p.lon, deg(0x0b7ab4f0));
    assert.equal(p.lat.toFixed(6), '-6.133382');
    assert.equal(p.lon.toFixed(6), '106.995049');
    assert.deepEqual([p.speedKmh, p.course, p.fixed, p.satellites], [0, 53, true, 9]);
    assert.deepEqual(p.attributes, {
      differential: false,
      mcc: 510,
      mnc: 10,
      lac: 0x7c,
      cellId: 0x0911,
      rssi: 36,
      status: 0,
    });
    assert.equal(loc.serial, 0xbc);
    assert.equal(hex(replyTo(loc)), hex(encodeAck(0x32, 0xbc, true)));
    assert.equal(hex(replyTo(loc)).slice(0, 10), '7979000532');
  });

  it('acks traccar AZ735 frame without a fix (GPS length 0) and has nothing to store', () => {
    const noFix = messageOf(
      decode(
        '79790045321106170c1b13000901fe0a007c0009112424007c000912230081004efe1e00c500100f120000000000000000000000000000000000000710bef565574e37000000b26f140d0a',
      ),
      'noFix',
    );
    assert.equal(noFix.time, Date.parse('2017-06-23T12:27:19Z'));
    assert.equal(hex(replyTo(noFix)), hex(encodeAck(0x32, 0xb2, true)));
  });

  it('reads only the GPS block of a built 0x7878 frame and acks it short', () => {
    const status = [9, ...cellBytes(CELL), 0x46, 0x06, 0x04, 0x00, 0x02];
    const loc = messageOf(decodeGt06Frame(built(0x32, status)), 'location');
    assertFix(loc.position);
    assert.deepEqual(loc.position.attributes, { differential: false });
    assert.equal(hex(replyTo(loc)), hex(encodeAck(0x32, 7)));
  });
});

describe('GT06 0x37 GPS + LBS + ACC + modules (traccar MSG_GPS_LBS_3)', () => {
  it('decodes traccar frame to 2020-08-13 05:00:10, -6.135882, 106.792240 with mileage and accuracy', () => {
    const loc = messageOf(
      decode(
        '7878353714080d05000ac500a886eb0b7522f000100001fe0a05ea004f1b000001002e0400002328003b0217c0003c0401020001002c468a0d0a',
      ),
      'location',
    );
    const p = loc.position;
    assert.equal(p.time, Date.parse('2020-08-13T05:00:10Z'));
    assert.equal(p.lat, -deg(0x00a886eb));
    assert.equal(p.lon, deg(0x0b7522f0));
    assert.equal(p.lat.toFixed(6), '-6.135882');
    assert.equal(p.lon.toFixed(6), '106.792240');
    assert.deepEqual([p.speedKmh, p.course, p.fixed, p.satellites], [0, 0, true, 5]);
    assert.equal(loc.reupload, true);
    assert.deepEqual(p.attributes, {
      differential: false,
      mcc: 510,
      mnc: 10,
      lac: 0x05ea,
      cellId: 0x4f1b,
      ignition: false,
      uploadMode: 0,
      reupload: true,
      odometer: 9000,
      accuracy: 60.8,
    });
    assert.equal(replyTo(loc), null);
  });
});

describe('GT06 0xA0 4G GPS + LBS (traccar MSG_GPS_LBS_7)', () => {
  it('decodes a device frame to 2025-06-03 17:39:11, 27.682089, 85.336213 with its 4G cell', () => {
    const loc = messageOf(
      decode(
        '78782DA019060311270BC702F84FB00927D44007140001AD01000028AC000000000005030300080100001EDE00068C370D0A',
      ),
      'location',
    );
    const p = loc.position;
    assert.equal(loc.protocol, 0xa0);
    assert.equal(p.time, Date.parse('2025-06-03T17:39:11Z'));
    assert.equal(p.lat, deg(0x02f84fb0));
    assert.equal(p.lon, deg(0x0927d440));
    assert.equal(p.lat.toFixed(6), '27.682089');
    assert.equal(p.lon.toFixed(6), '85.336213');
    assert.deepEqual([p.speedKmh, p.course, p.fixed, p.satellites], [7, 0, true, 7]);
    assert.equal(loc.reupload, true);
    assert.deepEqual(p.attributes, {
      differential: false,
      mcc: 429,
      mnc: 1,
      lac: 0x28ac,
      cellId: 0x050303,
      ignition: false,
      uploadMode: 8,
      reupload: true,
      odometer: 0x1ede,
    });
    assert.equal(loc.serial, 6);
    assert.equal(replyTo(loc), null);
  });

  it('reads a two-byte MNC and a 36-bit NR cell ID exactly (built frame)', () => {
    const cell = [...u16(0x8000 | 460), ...u16(11), ...u32(0x00012345), ...u32(0xf), ...u32(0x12345678)];
    const loc = messageOf(decodeGt06Frame(built(0xa0, [...cell, 1, 0, 0])), 'location');
    assertFix(loc.position);
    assert.deepEqual(
      [loc.position.attributes.mcc, loc.position.attributes.mnc, loc.position.attributes.lac],
      [460, 11, 0x12345],
    );
    assert.equal(loc.position.attributes.cellId, 0xf_1234_5678);
    assert.equal(loc.reupload, false);
  });
});
