import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deviceOfTopic, parsePositions, positionsTopic } from './index.ts';

const payload = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const text = (value: string) => new TextEncoder().encode(value);

describe('MQTT positions payload', () => {
  it('reads one position with every field', () => {
    const result = parsePositions(
      payload({
        time: '2026-03-02T09:00:05+08:00',
        lat: 31.301234,
        lon: 120.812345,
        speed: 7.5,
        course: 450,
        altitude: 4,
        valid: false,
        attributes: { battery: 88, charging: true, note: 'dock', missing: null },
      }),
    );
    assert.deepEqual(result, {
      ok: true,
      problems: [],
      fixes: [
        {
          time: Date.parse('2026-03-02T01:00:05Z'),
          lat: 31.301234,
          lon: 120.812345,
          speedKmh: 7.5,
          course: 90,
          altitude: 4,
          valid: false,
          attributes: { battery: 88, charging: true, note: 'dock', missing: null },
        },
      ],
    });
  });

  it('reads an array, epoch milliseconds and defaults', () => {
    const result = parsePositions(
      payload([
        { time: 1772413205000, lat: 31.3, lon: 120.8 },
        { time: '2026-03-02T01:00:10Z', lat: -1.5, lon: -70 },
      ]),
    );
    assert.ok(result.ok);
    assert.deepEqual(
      result.fixes.map((f) => [f.time, f.lat, f.lon, f.speedKmh, f.course, f.altitude, f.valid]),
      [
        [1772413205000, 31.3, 120.8, 0, 0, 0, true],
        [Date.parse('2026-03-02T01:00:10Z'), -1.5, -70, 0, 0, 0, true],
      ],
    );
  });

  it('keeps the good elements of a batch and names the bad ones', () => {
    const result = parsePositions(
      payload([
        { time: 1772413205000, lat: 31.3, lon: 120.8 },
        { time: 1772413210000, lon: 120.8 },
        { time: 1772413, lat: 31.3, lon: 120.8 },
        { time: '2026-03-02 09:00:00', lat: 31.3, lon: 120.8 },
        { time: '2026-02-30T00:00:00Z', lat: 31.3, lon: 120.8 },
        { time: 1772413215000, lat: 91, lon: 120.8 },
        { time: 1772413220000, lat: '31.3', lon: 120.8 },
        { time: 1772413225000, lat: 31.3, lon: 120.8, attributes: { nested: { a: 1 } } },
        { lat: 31.3, lon: 120.8 },
        'text',
      ]),
    );
    assert.ok(result.ok);
    assert.equal(result.fixes.length, 1);
    assert.deepEqual(
      result.problems.map((p) => p.index),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    assert.match(result.problems[0]?.message ?? '', /^lat is required/);
    assert.match(result.problems[1]?.message ?? '', /not epoch milliseconds/);
    assert.match(result.problems[6]?.message ?? '', /attributes\.nested/);
    assert.match(result.problems[7]?.message ?? '', /^time is required/);
  });

  it('refuses what is not a position message at all', () => {
    assert.deepEqual(parsePositions(text('{"lat": 31.3,')), {
      ok: false,
      error: { reason: 'json', message: parsePositionsError('{"lat": 31.3,') },
    });
    for (const body of ['42', 'null', '"x"']) {
      const result = parsePositions(text(body));
      assert.ok(!result.ok && result.error.reason === 'shape', body);
    }
    const many = parsePositions(payload(Array.from({ length: 1001 }, () => ({}))));
    assert.ok(!many.ok && many.error.reason === 'too_large');
  });
});

describe('MQTT positions topic', () => {
  it('names the device in the one level between devices/ and /positions', () => {
    assert.equal(positionsTopic('zhongshu'), 'zhongshu/devices/+/positions');
    assert.equal(deviceOfTopic('zhongshu/devices/boat-1/positions', 'zhongshu'), 'boat-1');
    assert.equal(deviceOfTopic('zs/test/devices/boat-1/positions', 'zs/test'), 'boat-1');
    assert.equal(deviceOfTopic('zhongshu/devices//positions', 'zhongshu'), undefined);
    assert.equal(deviceOfTopic('zhongshu/devices/a/b/positions', 'zhongshu'), undefined);
    assert.equal(deviceOfTopic('other/devices/boat-1/positions', 'zhongshu'), undefined);
  });
});

function parsePositionsError(body: string): string {
  try {
    JSON.parse(body);
  } catch (error) {
    return `payload is not JSON: ${(error as Error).message}`;
  }
  return '';
}
