import assert from 'node:assert/strict';
import { it } from 'node:test';
import { haversineMeters } from '../../domain/positions/filters.ts';
import { bearingDegrees, offsetMetres, pointAlong, prepareRoute } from './geo.ts';

const line = prepareRoute([
  [120.8, 31.3],
  [120.81, 31.3],
  [120.81, 31.31],
]);

it('measures a route vertex by vertex', () => {
  const east = haversineMeters(31.3, 120.8, 31.3, 120.81);
  const north = haversineMeters(31.3, 120.81, 31.31, 120.81);
  assert.deepEqual(line.cumulative, [0, east, east + north]);
  assert.equal(line.length, east + north);
  assert.throws(() => prepareRoute([[120.8, 31.3]]), RangeError);
});

it('finds points along the route with the heading of travel', () => {
  const east = line.cumulative[1] ?? 0;
  const half = pointAlong(line, east / 2);
  assert.ok(Math.abs(half.lon - 120.805) < 1e-9 && half.lat === 31.3);
  assert.ok(Math.abs(half.bearing - 90) < 0.01, `${half.bearing}`);
  assert.ok(Math.abs(pointAlong(line, east / 2, false).bearing - 270) < 0.01);
  const turn = pointAlong(line, east + 10);
  assert.ok(Math.abs(turn.bearing) < 0.01 || Math.abs(turn.bearing - 360) < 0.01);
  assert.deepEqual([pointAlong(line, -5).lon, pointAlong(line, 1e9).lat], [120.8, 31.31]);
});

it('computes bearings and metre offsets', () => {
  assert.ok(Math.abs(bearingDegrees(31.3, 120.8, 31.31, 120.8)) < 1e-9);
  assert.ok(Math.abs(bearingDegrees(31.3, 120.8, 31.29, 120.8) - 180) < 1e-9);
  const moved = offsetMetres(31.3, 120.8, 3, 4);
  assert.ok(Math.abs(haversineMeters(31.3, 120.8, moved.lat, moved.lon) - 5) < 0.05);
});
