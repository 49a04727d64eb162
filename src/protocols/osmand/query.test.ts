// Query strings as traccar's OsmAndProtocolDecoderTest sends them, and the form-post variants.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NOW, query, reportOf } from './testing.ts';

describe('OsmAnd query string', () => {
  it('decodes the Traccar Client GET with speed in knots', () => {
    const report = reportOf({
      query: query(
        'id=123456&timestamp=1377177267&lat=60.0&lon=30.0&speed=10&bearing=90&altitude=100&batt=80',
      ),
    });
    assert.deepEqual(report, {
      deviceId: '123456',
      lat: 60,
      lon: 30,
      time: 1_377_177_267_000,
      speedKmh: 18.52,
      course: 90,
      altitude: 100,
      accuracy: null,
      valid: true,
      attributes: { batteryLevel: 80 },
    });
  });

  it('reads an ISO-8601 timestamp, hdop and a western longitude', () => {
    const report = reportOf({
      query: query(
        'id=902064&lat=42.06288&lon=-88.23412&timestamp=2016-01-27T18%3A55%3A47Z&hdop=6.0&altitude=224.0&speed=0.0',
      ),
    });
    assert.equal(report.time, Date.parse('2016-01-27T18:55:47Z'));
    assert.equal(report.lat, 42.06288);
    assert.equal(report.lon, -88.23412);
    assert.equal(report.speedKmh, 0);
    assert.equal(report.altitude, 224);
    assert.deepEqual(report.attributes, { hdop: 6 });
  });

  it('tells unix milliseconds from unix seconds by magnitude', () => {
    const ms = reportOf({ query: query('id=902064&lat=42.06288&lon=-88.23412&timestamp=1442068686579') });
    assert.equal(ms.time, 1_442_068_686_579);
    const s = reportOf({ query: query('id=902064&lat=42.06288&lon=-88.23412&timestamp=1442068686') });
    assert.equal(s.time, 1_442_068_686_000);
  });

  it('reads "yyyy-MM-dd HH:mm:ss" (form-encoded space) as UTC, and `time` as an alias', () => {
    const report = reportOf({
      query: query(
        'lat=49.60688&lon=6.15788&timestamp=2014-06-04+09%3A10%3A11&altitude=384.7&speed=0.0&id=353861053849681',
      ),
    });
    assert.equal(report.time, Date.parse('2014-06-04T09:10:11Z'));
    assert.equal(report.deviceId, '353861053849681');
    const alias = reportOf({ query: query('id=1&lat=1&lon=2&time=2024-05-01T09:00:00%2B08:00') });
    assert.equal(alias.time, Date.parse('2024-05-01T01:00:00Z'));
  });

  it('reads location=lat,lon', () => {
    const report = reportOf({ query: query('id=123456&timestamp=1377177267&location=60.0,30.0') });
    assert.equal(report.lat, 60);
    assert.equal(report.lon, 30);
  });

  it('accepts deviceid and heading, uses `now` without a timestamp, and keeps other keys', () => {
    const report = reportOf({
      query: query('lat=60.0&lon=30.0&speed=0.0&heading=0.0&vacc=0&hacc=0&altitude=0&deviceid=123456'),
    });
    assert.equal(report.deviceId, '123456');
    assert.equal(report.time, NOW);
    assert.equal(report.course, 0);
    assert.deepEqual(report.attributes, { vacc: 0, hacc: 0 });
  });

  it('types unknown keys as numbers, booleans or text, and repeated keys as lists', () => {
    const report = reportOf({
      query: query(
        'id=123456789012345&timestamp=1504763810&lat=40.7232948571&lon=-74.0061408571&bearing=7.19889788244&speed=40' +
          '&ignition=true&rpm=933&fuel=24&driverUniqueId=abc&cell=257,02,16,2224&cell=257,02,16,2223,-90',
      ),
    });
    assert.equal(report.speedKmh, 40 * 1.852);
    assert.equal(report.course, 7.19889788244);
    assert.deepEqual(report.attributes, {
      ignition: true,
      rpm: 933,
      fuel: 24,
      driverUniqueId: 'abc',
      cell: ['257,02,16,2224', '257,02,16,2223,-90'],
    });
  });

  it('reads valid, charge and accuracy, and treats negative speed and bearing as unknown', () => {
    const report = reportOf({
      query: query('id=7&lat=1&lon=2&valid=false&charge=1&accuracy=12.5&speed=-1&bearing=-1'),
    });
    assert.equal(report.valid, false);
    assert.equal(report.accuracy, 12.5);
    assert.equal(report.speedKmh, null);
    assert.equal(report.course, null);
    assert.deepEqual(report.attributes, { charge: true });
  });

  it('converts speed from the configured unit', () => {
    const report = reportOf({ query: query('id=7&lat=1&lon=2&speed=36') }, { speedUnit: 'kmh' });
    assert.equal(report.speedKmh, 36);
    assert.equal(reportOf({ query: query('id=7&lat=1&lon=2&speed=10') }, { speedUnit: 'mps' }).speedKmh, 36);
  });
});

describe('OsmAnd form POST', () => {
  it('reads an application/x-www-form-urlencoded body', () => {
    const report = reportOf({
      query: {},
      body: 'id=123456&timestamp=1377177267&lat=60.0&lon=30.0&speed=10',
      contentType: 'application/x-www-form-urlencoded; charset=UTF-8',
    });
    assert.equal(report.deviceId, '123456');
    assert.equal(report.speedKmh, 18.52);
    assert.equal(report.time, 1_377_177_267_000);
  });

  it('reads a form the transport has already parsed, merged with the query', () => {
    const report = reportOf({
      query: { id: 'boat-7' },
      body: { lat: '31.2304', lon: '121.4737', batt: '55' },
      contentType: 'application/x-www-form-urlencoded',
    });
    assert.equal(report.deviceId, 'boat-7');
    assert.equal(report.lat, 31.2304);
    assert.deepEqual(report.attributes, { batteryLevel: 55 });
  });

  it('reads a text body without a Content-Type as a form, as traccar does', () => {
    const report = reportOf({ query: {}, body: 'id=1&location=10.5,20.25' });
    assert.equal(report.lon, 20.25);
  });
});
