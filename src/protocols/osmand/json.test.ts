// JSON bodies verbatim from traccar's OsmAndProtocolDecoderTest.testDecodeJson.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NOW, reportOf } from './testing.ts';

const JSON_TYPE = 'application/json';
const MOVING =
  '{"location":{"event":"motionchange","is_moving":false,"uuid":"0e9a2473-a9a7-4c00-997b-fb97d2154e75","timestamp":"2021-07-21T08:06:34.444Z","odometer":0,"coords":{"latitude":-6.1148096,"longitude":106.6837015,"accuracy":3.8,"speed":18.67,"speed_accuracy":0.26,"heading":63,"heading_accuracy":0.28,"altitude":35.7,"altitude_accuracy":3.8},"activity":{"type":"still","confidence":100},"battery":{"is_charging":false,"level":0.79},"extras":{}},"device_id":"8737767034"}';
const STILL =
  '{"location":{"timestamp":"2025-06-15T13:45:12.862Z","coords":{"latitude":37.4219983,"longitude":-122.084,"accuracy":5,"speed":0,"heading":-1,"altitude":5},"is_moving":false,"odometer":0,"event":"motionchange","battery":{"level":1,"is_charging":false},"activity":{"type":"still"},"extras":{"device_string_test":"long_device_id","device_bool_test":true,"device_integer_test":1,"device_double_test":1.345},"_":"&id=48241179&lat=37.4219983&lon=-122.084&timestamp=2025-06-15T13:45:12.862Z&"},"device_id":"48241179"}';
const UNKNOWNS =
  '{"location":{"extras":{},"mock":true,"coords":{"speed_accuracy":-1,"speed":-1,"longitude":-122.406417,"ellipsoidal_altitude":0,"floor":null,"heading_accuracy":-1,"latitude":37.785834000000001,"accuracy":5,"altitude_accuracy":-1,"altitude":0,"heading":-1},"is_moving":false,"age":188,"odometer":0,"uuid":"2FB04C65-99CF-42AB-8DD3-EBCB4B108BF8","event":"motionchange","battery":{"level":-1,"is_charging":false},"activity":{"type":"unknown","confidence":100},"timestamp":"2025-05-09T04:11:30.579Z"},"device_id":"658765"}';

describe('OsmAnd JSON body (Traccar Client)', () => {
  it('converts speed from m/s and battery level from a fraction', () => {
    const report = reportOf({ query: {}, body: MOVING, contentType: JSON_TYPE });
    assert.deepEqual(report, {
      deviceId: '8737767034',
      lat: -6.1148096,
      lon: 106.6837015,
      time: Date.parse('2021-07-21T08:06:34.444Z'),
      speedKmh: 18.67 * 3.6,
      course: 63,
      altitude: 35.7,
      accuracy: 3.8,
      valid: true,
      attributes: {
        motion: false,
        odometer: 0,
        event: 'motionchange',
        uuid: '0e9a2473-a9a7-4c00-997b-fb97d2154e75',
        activity: 'still',
        batteryLevel: 79,
        charge: false,
      },
    });
    assert.equal(report.speedKmh, 67.212);
  });

  it('keeps extras as attributes and treats heading -1 as unknown', () => {
    const report = reportOf({ query: {}, body: STILL, contentType: 'application/json; charset=utf-8' });
    assert.equal(report.deviceId, '48241179');
    assert.equal(report.time, Date.parse('2025-06-15T13:45:12.862Z'));
    assert.equal(report.course, null);
    assert.equal(report.speedKmh, 0);
    assert.equal(report.attributes.batteryLevel, 100);
    assert.equal(report.attributes.device_string_test, 'long_device_id');
    assert.equal(report.attributes.device_bool_test, true);
    assert.equal(report.attributes.device_double_test, 1.345);
    assert.equal(report.attributes._, undefined);
  });

  it('treats speed and battery level -1 as unknown and keeps the mock flag', () => {
    const report = reportOf({ query: {}, body: UNKNOWNS, contentType: JSON_TYPE });
    assert.equal(report.speedKmh, null);
    assert.equal(report.lat, 37.785834);
    assert.equal(report.attributes.batteryLevel, undefined);
    assert.equal(report.attributes.mock, true);
    assert.equal(report.time, Date.parse('2025-05-09T04:11:30.579Z'));
  });

  it('accepts a body the transport has already parsed, and JSON text without a Content-Type', () => {
    const parsed = reportOf({ query: {}, body: JSON.parse(MOVING), contentType: JSON_TYPE });
    const sniffed = reportOf({ query: {}, body: MOVING });
    assert.deepEqual(parsed, sniffed);
    assert.equal(sniffed.deviceId, '8737767034');
  });

  it('uses `now` when the location has no timestamp', () => {
    const body = { device_id: 'boat-7', location: { coords: { latitude: 31.2, longitude: 121.5 } } };
    const report = reportOf({ query: {}, body, contentType: JSON_TYPE });
    assert.equal(report.time, NOW);
    assert.equal(report.speedKmh, null);
  });

  it('reads a flat JSON object of OsmAnd keys like a query', () => {
    const report = reportOf({
      query: {},
      body: '{"id":"9","lat":1.5,"lon":2.5,"speed":10}',
      contentType: JSON_TYPE,
    });
    assert.equal(report.deviceId, '9');
    assert.equal(report.speedKmh, 18.52);
  });
});
