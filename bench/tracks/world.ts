// The generated fleet's organisation, segments, boats and their devices, made through the API of
// a fresh database (so every record is as the platform writes it), before any fix is written.
import { buildApp } from '../../src/app.ts';
import type { Store } from '../../src/store/database.ts';
import { loginAs, seedFixtureOrg, testConfig } from '../../test/helpers/app.ts';
import { SEGMENTS, segmentLine } from './fixes.ts';

/** The platform's clock in every run: after the generated month, so its days have settled. */
export const NOW = Date.parse('2026-12-11T00:00:00Z');

/** What the measurements need to know of the generated world. */
export interface World {
  boats: { assetId: string; deviceId: string }[];
  days: number;
  /** Whether every boat-day's summary has been computed and stored (by a first month report). */
  summarised?: boolean;
  /** Where the next ingest measurement's fixes begin (after every fix stored so far). */
  ingestClock?: number;
}

/** Creates BOATS boats on SEGMENTS segments, one osmand device each. */
export async function createWorld(store: Store, boats: number, days: number): Promise<World> {
  const now = () => NOW;
  const org = await seedFixtureOrg(store, now);
  const app = await buildApp(testConfig(), { store, now, logger: false });
  try {
    const op = await loginAs(app, 'operator');
    const post = async (url: string, payload: object) => {
      const res = await app.inject({ method: 'POST', url, headers: op, payload });
      if (res.statusCode !== 201 && res.statusCode !== 200)
        throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return res.json().id as string;
    };
    const segments: string[] = [];
    for (let s = 0; s < SEGMENTS; s++) {
      segments.push(
        await post('/api/segments', {
          code: `R-BENCH-${s}`,
          name: `基准河${s}段`,
          geometry: { type: 'LineString', coordinates: segmentLine(s) },
          halfWidthM: 30,
          unitId: org.a1.id,
        }),
      );
    }
    const world: World = { boats: [], days };
    for (let b = 0; b < boats; b++) {
      const assetId = await post('/api/assets', {
        kind: 'boat',
        code: `BENCH-${String(b).padStart(3, '0')}`,
        name: `基准${b}号`,
        unitId: org.a1.id,
        segmentIds: [segments[b % SEGMENTS]],
      });
      const deviceId = await post('/api/devices', {
        name: `bench-${b}`,
        protocol: 'osmand',
        identifier: `bench-${b}`,
        assetId,
      });
      world.boats.push({ assetId, deviceId });
    }
    return world;
  } finally {
    await app.close();
  }
}
