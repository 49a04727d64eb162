import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Polygon } from 'geojson';
import { fromDisplayPosition, toDisplay, toDisplayPosition } from './coords.ts';

// Reference values from gcoord for a point in Suzhou (the demo subdistrict lies here).
const WGS = [120.8, 31.3];
const GCJ = [120.80431538895358, 31.297956835497256];

function near(actual: number[] | undefined, expected: number[], eps = 1e-9): void {
  assert.ok(actual, 'a position');
  assert.ok(
    Math.abs((actual[0] ?? 0) - (expected[0] ?? 0)) < eps &&
      Math.abs((actual[1] ?? 0) - (expected[1] ?? 0)) < eps,
    `${actual} ≈ ${expected}`,
  );
}

describe('display coordinates', () => {
  it('leaves geometries alone on a WGS-84 basemap', () => {
    const point = { type: 'Point' as const, coordinates: WGS };
    assert.equal(toDisplay(point, 'WGS84'), point);
  });

  it('shifts a WGS-84 point to GCJ-02 for an Amap/Tencent basemap', () => {
    near(toDisplayPosition(WGS[0] ?? 0, WGS[1] ?? 0, 'GCJ02'), GCJ);
  });

  it('takes a point clicked on a GCJ-02 basemap back to WGS-84 (within a few centimetres)', () => {
    near(fromDisplayPosition(GCJ[0] ?? 0, GCJ[1] ?? 0, 'GCJ02'), WGS, 1e-6);
    assert.deepEqual(fromDisplayPosition(120.8, 31.3, 'WGS84'), [120.8, 31.3]);
  });

  it('converts every vertex of a polygon and does not mutate the input', () => {
    const ring = [WGS, [120.81, 31.3], [120.81, 31.31], [120.8, 31.31], WGS];
    const polygon: Polygon = { type: 'Polygon', coordinates: [ring.map((p) => [...p])] };
    const shown = toDisplay(polygon, 'GCJ02');
    near(shown.coordinates[0]?.[0], GCJ);
    near(shown.coordinates[0]?.[4], GCJ);
    // GCJ-02 moves points around here by roughly +0.0043° lon and −0.002° lat.
    for (const [i, p] of (shown.coordinates[0] ?? []).entries()) {
      const original = ring[i] ?? [];
      assert.ok(Math.abs((p[0] ?? 0) - (original[0] ?? 0) - 0.0043) < 0.0002);
      assert.ok(Math.abs((p[1] ?? 0) - (original[1] ?? 0) + 0.002) < 0.0002);
    }
    near(polygon.coordinates[0]?.[0], WGS);
  });
});
