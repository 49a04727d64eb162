import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { seedDemoOrders } from '../../src/demo/orders/seed.ts';
import { DEMO_PASSWORD } from '../../src/demo/users.ts';
import { seedDemoWorld } from '../../src/demo/world.ts';
import type { App } from '../../src/http/app-types.ts';
import { seedWorkOrderDefaults } from '../../src/services/categories/index.ts';
import { createDevice } from '../../src/services/devices/index.ts';
import { BlobStore } from '../../src/store/blob-store.ts';
import { listDevices } from '../../src/store/devices.repository.ts';
import { TestClock, testConfig } from './app.ts';
import { ensureConsoleBuilt, launchBrowser } from './browser.ts';
import { openTestStore } from './dialects.ts';
import { alongLine, ingestTrack } from './fleet.ts';

const MINUTE = 60_000;
const BOATS = 14;

/**
 * The demo world (娄江街道, its units, rivers and users) on in-memory SQLite with boats out on the
 * rivers: fourteen dealt round the segments, the last two offline, the first with a two-hour track.
 * With `orders`, also the demo's work orders of the last 30 days (as a first `npm start` seeds them).
 * For screenshots and the phone walk.
 */
export async function startDemoConsole(options: { orders?: boolean } = {}): Promise<{
  app: App;
  base: string;
  /** The boat with the two-hour track. */
  trackedDeviceId: string;
  close(): Promise<void>;
}> {
  const clock = new TestClock(Date.parse('2026-03-02T02:30:00Z'));
  const { store, dispose } = await openTestStore('sqlite');
  const ctx = { db: store.db, now: clock.now };
  const world = await seedDemoWorld(ctx, {});
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zs-demo-console-'));
  if (options.orders) {
    // As bootstrap does: the dictionary and calendar first, then the orders with their photos.
    await seedWorkOrderDefaults(ctx);
    await seedDemoOrders(ctx, { blobs: new BlobStore(path.join(dataDir, 'attachments')) });
  }
  // Sessions must outlast the gap between this fixed clock and the browser's real one.
  const app = await buildApp(testConfig({ sessionTtlHours: 20 * 365 * 24, dataDir }), {
    store,
    now: clock.now,
    logger: false,
  });
  const contractor = world.units.find((u) => u.kind === 'contractor');
  if (!contractor) throw new Error('the demo world has no contractor');
  // The demo's own terminals when it seeds a fleet, topped up to BOATS with ours.
  const devices = (await listDevices(store.db, { scopePath: null })).slice(0, BOATS);
  for (let i = devices.length; i < BOATS; i++) {
    devices.push(
      await createDevice(app.platform.ctx, {
        name: `清波${i + 1}号`,
        protocol: 'osmand',
        identifier: `demo-boat-${i + 1}`,
        unitId: contractor.id,
      }),
    );
  }
  // Boats dealt round the segments, spread along each.
  const perSegment = Math.ceil(BOATS / world.segments.length);
  const boats = devices.map((device, i) => {
    const segment = world.segments[i % world.segments.length];
    if (!segment) throw new Error('the demo world has no river segments');
    return {
      device,
      line: segment.geometry.coordinates,
      f: 0.25 + (0.5 * Math.floor(i / world.segments.length)) / perSegment,
    };
  });
  const offline = boats.slice(-2);
  const online = boats.slice(0, -2);
  // Offline boats were last heard an hour ago; the others just now.
  clock.advance(-60 * MINUTE);
  for (const b of offline) await ingestTrack(app, b.device, clock.t, [alongLine(b.line, b.f)]);
  clock.advance(60 * MINUTE);
  const [tracked, ...others] = online;
  if (!tracked) throw new Error('no boat to give a track');
  // Two hours up the first half of its river, one fix every five minutes.
  const track = Array.from({ length: 24 }, (_, k) => alongLine(tracked.line, 0.05 + (0.5 * k) / 23));
  await ingestTrack(app, tracked.device, clock.t, track, 5 * MINUTE);
  for (const b of others) await ingestTrack(app, b.device, clock.t, [alongLine(b.line, b.f)]);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    base,
    trackedDeviceId: tracked.device.id,
    async close() {
      await app.close();
      await dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type DemoConsole = Awaited<ReturnType<typeof startDemoConsole>>;
type Browser = Awaited<ReturnType<typeof launchBrowser>>;

/**
 * A browser suite against the demo console, called first in its describe block: builds the console,
 * starts the demo world and Chromium before the suite's own hooks, and closes both after it.
 */
export function useDemoBrowser(
  options: { orders?: boolean } & NonNullable<Parameters<typeof launchBrowser>[0]> = {},
) {
  let demo: DemoConsole | undefined;
  let browser: Browser | undefined;
  before(() => ensureConsoleBuilt());
  before(async () => {
    demo = await startDemoConsole({ orders: options.orders });
    browser = await launchBrowser({ viewport: options.viewport, serviceWorkers: options.serviceWorkers });
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });
  const started = <T>(value: T | undefined): T => {
    assert.ok(value, 'the demo console starts in the suite’s first before()');
    return value;
  };
  return {
    get demo(): DemoConsole {
      return started(demo);
    },
    get browser(): Browser {
      return started(browser);
    },
    get context() {
      return started(browser).context;
    },
  };
}

/** A login through the API: its headers, and the user as the session answer gives it. */
export interface ApiLogin {
  headers: Record<string, string>;
  user: { id: string; unitId: string };
}

/** Logs in through POST /api/session (a demo user by default). */
export async function apiLogin(app: App, username: string, password = DEMO_PASSWORD): Promise<ApiLogin> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  assert.equal(res.statusCode, 200, res.body);
  return { headers: { authorization: `Bearer ${res.json().token}` }, user: res.json().user };
}

/** Calls the API as a login; its JSON answer, which must be a 2xx. */
export async function apiCall(
  app: App,
  who: ApiLogin,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
) {
  const res = await app.inject({ method, url, headers: who.headers, ...(payload && { payload }) });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}
