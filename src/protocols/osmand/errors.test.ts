// Every rejection names its code, the key at fault, and says what to send.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOsmAnd } from './parse.ts';
import { errorOf, NOW, query } from './testing.ts';
import type { OsmAndRequest } from './types.ts';

const JSON_TYPE = 'application/json';
const get = (text: string): OsmAndRequest => ({ query: query(text) });
const json = (body: string): OsmAndRequest => ({ query: {}, body, contentType: JSON_TYPE });

describe('OsmAnd rejections', () => {
  it('names `id` when the device identifier is missing or blank', () => {
    const missing = errorOf(get('timestamp=1377177267&lat=60.0&lon=30.0'));
    assert.equal(missing.code, 'MISSING_DEVICE_ID');
    assert.equal(missing.field, 'id');
    assert.match(missing.message, /send id with the identifier registered for this device/);
    assert.equal(errorOf(get('id=%20%20&lat=1&lon=2')).code, 'MISSING_DEVICE_ID');
    assert.equal(errorOf(get(`id=${'x'.repeat(200)}&lat=1&lon=2`)).code, 'OUT_OF_RANGE');
  });

  it('checks latitude and longitude ranges', () => {
    const lat = errorOf(get('id=1&lat=90.5&lon=30'));
    assert.deepEqual([lat.code, lat.field], ['OUT_OF_RANGE', 'lat']);
    assert.match(lat.message, /between -90 and 90/);
    const lon = errorOf(get('id=1&lat=30&lon=-180.01'));
    assert.deepEqual([lon.code, lon.field], ['OUT_OF_RANGE', 'lon']);
  });

  it('rejects values that are not finite decimal numbers', () => {
    for (const bad of ['abc', 'NaN', 'Infinity', '1e999', '0x10', '12,5']) {
      const error = errorOf(get(`id=1&lat=${encodeURIComponent(bad)}&lon=30`));
      assert.deepEqual([error.code, error.field], ['INVALID_NUMBER', 'lat'], bad);
    }
    assert.equal(errorOf(get('id=1&lat=1&lon=2&speed=fast')).field, 'speed');
    assert.equal(errorOf(get('id=1&lat=1&lon=2&batt=full')).field, 'batt');
  });

  it('says how to send a position when it is missing', () => {
    const none = errorOf(get('id=1&timestamp=1377177267'));
    assert.deepEqual([none.code, none.field], ['MISSING_POSITION', 'lat']);
    assert.match(none.message, /location=<lat>,<lon>/);
    assert.equal(errorOf(get('id=1&lat=60')).field, 'lon');
    const location = errorOf(get('id=1&location=60'));
    assert.deepEqual([location.code, location.field], ['INVALID_NUMBER', 'location']);
  });

  it('rejects unreadable and impossible timestamps', () => {
    for (const bad of ['yesterday', '2024-02-30T00:00:00Z', '2024-05-01T25:00:00Z', '-5']) {
      const error = errorOf(get(`id=1&lat=1&lon=2&timestamp=${encodeURIComponent(bad)}`));
      assert.deepEqual([error.code, error.field], ['INVALID_TIMESTAMP', 'timestamp'], bad);
      assert.match(error.message, /unix seconds, unix milliseconds or ISO-8601/);
    }
  });

  it('rejects JSON that does not parse or is not one object', () => {
    const broken = errorOf(json('{"device_id":'));
    assert.equal(broken.code, 'MALFORMED_BODY');
    assert.match(broken.message, /not valid JSON.*device_id/);
    assert.equal(errorOf(json('[1,2]')).code, 'MALFORMED_BODY');
    const batch = errorOf(json('{"device_id":"1","location":[{"coords":{}}]}'));
    assert.deepEqual([batch.code, batch.field], ['MALFORMED_BODY', 'location']);
  });

  it('names the JSON key at fault', () => {
    const id = errorOf(json('{"location":{"coords":{"latitude":1,"longitude":2}},"device_id":""}'));
    assert.deepEqual([id.code, id.field], ['MISSING_DEVICE_ID', 'device_id']);
    const coords = errorOf(json('{"device_id":"1","location":{"timestamp":"2024-05-01T00:00:00Z"}}'));
    assert.deepEqual([coords.code, coords.field], ['MISSING_POSITION', 'location.coords.latitude']);
    const speed = errorOf(
      json('{"device_id":"1","location":{"coords":{"latitude":1,"longitude":2,"speed":"x"}}}'),
    );
    assert.deepEqual([speed.code, speed.field], ['INVALID_NUMBER', 'location.coords.speed']);
    const time = errorOf(
      json('{"device_id":"1","location":{"timestamp":"soon","coords":{"latitude":1,"longitude":2}}}'),
    );
    assert.deepEqual([time.code, time.field], ['INVALID_TIMESTAMP', 'location.timestamp']);
  });

  it('never throws, whatever arrives', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = 'id=lat&lon,.-+0123456789eE{}[]":location timestamp';
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: rand(60) }, () => alphabet[rand(alphabet.length)]).join('');
      for (const request of [get(text), json(text), { query: {}, body: text }]) {
        const result = parseOsmAnd(request, NOW);
        assert.equal(typeof result.ok, 'boolean');
      }
    }
  });
});
