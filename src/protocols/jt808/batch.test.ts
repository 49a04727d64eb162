import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromHex, toHex } from './bytes.ts';
import { decodeFrame } from './decode.ts';
import { Jt808Framer } from './framer.ts';
import { encodeBatch } from './terminal.ts';
import type { Jt808DecodeResult, Jt808Message } from './types.ts';

type Batch = Extract<Jt808Message, { kind: 'locationBatch' }>;

function decodeWire(wire: Uint8Array): Jt808DecodeResult {
  const [f] = new Jt808Framer().push(wire);
  assert.ok(f?.ok);
  return decodeFrame(f.frame);
}

function batchOf(r: Jt808DecodeResult): Batch {
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.error));
  return r.message.kind === 'locationBatch' ? r.message : assert.fail(`got ${r.message.kind}`);
}

const T0 = Date.UTC(2026, 10, 27, 7, 30, 0);
const ITEMS = [
  { lat: 31.301234, lon: 120.812345, time: T0, speedKmh: 10.5, course: 90, mileageKm: 100.1 },
  { lat: 31.301334, lon: 120.812445, time: T0 + 5000, speedKmh: 11, course: 91, mileageKm: 100.2 },
  { lat: 31.301434, lon: 120.812545, time: T0 + 10_000, speedKmh: 0, course: 92, mileageKm: 100.3 },
];

describe('JT/T 808 0x0704 location batch (§8.49)', () => {
  it('decodes a blind-spot re-upload (type 1) of three items', () => {
    const wire = encodeBatch(
      { edition: '2013', phone: '13912344323', serial: 77 },
      { blindSpot: true, locations: ITEMS },
    );
    // Body: count 0003, type 01, then per item a length WORD 0x0022 (28 basic + 6 mileage).
    assert.equal(toHex(wire.subarray(13, 20)), '00030100220000');
    const batch = batchOf(decodeWire(wire));
    assert.equal(batch.batchType, 1);
    assert.equal(batch.blindSpot, true);
    assert.equal(batch.invalidItems, 0);
    assert.equal(batch.truncated, undefined);
    assert.equal(batch.header.serial, 77);
    assert.deepEqual(
      batch.locations.map((l) => [
        l.lat,
        l.lon,
        new Date(l.time).toISOString(),
        l.speedKmh,
        l.course,
        l.mileageKm,
      ]),
      [
        [31.301234, 120.812345, '2026-11-27T07:30:00.000Z', 10.5, 90, 100.1],
        [31.301334, 120.812445, '2026-11-27T07:30:05.000Z', 11, 91, 100.2],
        [31.301434, 120.812545, '2026-11-27T07:30:10.000Z', 0, 92, 100.3],
      ],
    );
  });

  it('decodes a normal batch (type 0) under a 2019 header', () => {
    const wire = encodeBatch(
      { edition: '2019', phone: '13912344323', serial: 1 },
      { blindSpot: false, locations: ITEMS },
    );
    const batch = batchOf(decodeWire(wire));
    assert.equal(batch.header.edition, '2019');
    assert.equal(batch.batchType, 0);
    assert.equal(batch.blindSpot, false);
    assert.equal(batch.locations.length, 3);
  });

  it("decodes traccar's published blind-spot batch of eight items", () => {
    const batch = batchOf(
      decodeWire(
        fromHex(
          '7E0704014301356777777707F5000801002600000000000000030159741206CBFD5001720000000116052709062401040000001D03020000002600000000000000030159746606CBFD50016B0000000116052709065301040000001D0302000000260000000000000003015975E406CBFE58013F0000000116052709072701040000001D0302000000260000000000000003015976DE06CBFF10012E0000000116052709075601040000001D0302000000260000000000000003015976BC06CBFED0012D0000000116052709083001040000001D0302000000260000000000000003015976FE06CBFEC001080000000116052709090001040000001D0302000000260000000000000003015976FE06CBFE7800FC0000000116052709093301040000001D0302000000260000000000000003015977A606CBFF3001080000000116052709100201040000001D030200001F7E',
        ),
      ),
    );
    assert.equal(batch.blindSpot, true);
    assert.equal(batch.locations.length, 8);
    const [first] = batch.locations;
    assert.equal(first?.lat, 22.639634);
    assert.equal(first?.lon, 114.031952);
    assert.equal(first?.altitude, 370);
    assert.equal(first?.status.acc, true);
    assert.equal(first?.mileageKm, 2.9);
    assert.equal(new Date(first?.time ?? 0).toISOString(), '2016-05-27T01:06:24.000Z');
    assert.equal(new Date(batch.locations[7]?.time ?? 0).toISOString(), '2016-05-27T01:10:02.000Z');
  });

  it('keeps good items when one is undecodable and flags a batch cut short', () => {
    // length 001c | alarm | status (fixed) | lat 31.301234 | lon 120.812345 | altitude, speed, course | time
    const item = (time: string) =>
      ['001c', '00000000', '00000002', '01dd9e72', '07337339', '000000000000', time].join('');
    // Declares 4 items, carries 3; the second has month 99. Body: 3 + 3 × (2 + 28) = 93 = 0x5d.
    const content = fromHex(
      ['0704', '005d', '013912344323', '0005', '0004', '01'].join('') +
        item('261127153000') +
        item('269927153000') +
        item('261127153005'),
    );
    const check = content.reduce((x, b) => x ^ b, 0);
    const batch = batchOf(decodeWire(Uint8Array.of(0x7e, ...content, check, 0x7e)));
    assert.equal(batch.invalidItems, 1);
    assert.equal(batch.truncated, true);
    assert.deepEqual(
      batch.locations.map((l) => new Date(l.time).toISOString()),
      ['2026-11-27T07:30:00.000Z', '2026-11-27T07:30:05.000Z'],
    );
  });
});
