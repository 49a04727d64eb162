import type { App } from '../../src/http/app-types.ts';
import type { Device } from '../../src/store/devices.repository.ts';

/**
 * Stores a device's track through the ingest pipeline, as a gateway would: one fix per point,
 * `stepMs` apart, the last one at `end` (epoch ms). Points are [lat, lon] in WGS-84.
 */
export async function ingestTrack(
  app: App,
  device: Device,
  end: number,
  points: readonly (readonly [number, number])[],
  stepMs = 10 * 60_000,
): Promise<void> {
  const fixes = points.map(([lat, lon], i) => ({
    time: end - (points.length - 1 - i) * stepMs,
    lat,
    lon,
    speedKmh: i === points.length - 1 ? 4.2 : 5,
    course: 90,
    altitude: 0,
    valid: true,
    attributes: {},
  }));
  await app.platform.ingest.ingest(device, fixes, { protocol: 'osmand' });
}

/** The point a fraction `f` (0…1) of the way along a line of [lon, lat] positions, as [lat, lon]. */
export function alongLine(coordinates: readonly (readonly number[])[], f: number): [number, number] {
  const lengths = coordinates.slice(1).map((p, i) => {
    const q = coordinates[i] ?? p;
    return Math.hypot((p[0] ?? 0) - (q[0] ?? 0), (p[1] ?? 0) - (q[1] ?? 0));
  });
  let remaining = lengths.reduce((a, b) => a + b, 0) * Math.min(1, Math.max(0, f));
  for (const [i, length] of lengths.entries()) {
    const a = coordinates[i] ?? [0, 0];
    const b = coordinates[i + 1] ?? a;
    if (remaining <= length || i === lengths.length - 1) {
      const t = length === 0 ? 0 : Math.min(1, remaining / length);
      return [(a[1] ?? 0) + ((b[1] ?? 0) - (a[1] ?? 0)) * t, (a[0] ?? 0) + ((b[0] ?? 0) - (a[0] ?? 0)) * t];
    }
    remaining -= length;
  }
  const last = coordinates.at(-1) ?? [0, 0];
  return [last[1] ?? 0, last[0] ?? 0];
}
