import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import WebSocket from 'ws';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { App } from '../src/http/app-types.ts';
import { LIVE_CHANNEL } from '../src/live/pg-channel.ts';
import { seedWorkOrderDefaults } from '../src/services/categories/index.ts';
import { listCategories } from '../src/store/categories.repository.ts';
import { findDevice } from '../src/store/devices.repository.ts';
import { loginAs, seedFixtureOrg, TestClock, testConfig } from './helpers/app.ts';
import { createTestDatabase, postgresProblem } from './helpers/dialects.ts';
import { IN_A1_GRID1 } from './helpers/orders.ts';

type Message = { type: string; data: Record<string, unknown> };

/** Generous: the machine is shared. Only how long a test may wait, never a measured time. */
const WAIT_MS = 15_000;

/** Opens the live feed of an app and collects its messages. */
async function feed(app: App, headers: Record<string, string>) {
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('app not listening');
  const ws = new WebSocket(`ws://127.0.0.1:${address.port}/api/live`, { headers });
  const messages: Message[] = [];
  const waiters: { match: (m: Message) => boolean; resolve: () => void }[] = [];
  ws.on('message', (raw) => {
    messages.push(JSON.parse(String(raw)));
    for (const w of waiters.filter((w) => w.match(messages[messages.length - 1] as Message))) w.resolve();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const of = (type: string) => messages.filter((m) => m.type === type);
  return {
    ws,
    messages,
    of,
    /** Resolves with the first message that matches (already received or to come). */
    until(match: (m: Message) => boolean, what: string): Promise<Message> {
      const seen = messages.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${what} within ${WAIT_MS} ms`)), WAIT_MS);
        waiters.push({
          match,
          resolve: () => {
            clearTimeout(timer);
            resolve(messages.find(match) as Message);
          },
        });
      });
    },
  };
}

type Feed = Awaited<ReturnType<typeof feed>>;

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

it('reads ZS_LIVE_CHANNEL: off by default, postgres only with DATABASE_URL, validated', () => {
  const url = 'postgres://u@h:5432/db';
  assert.equal(loadConfig({}).liveChannel, 'off');
  assert.equal(loadConfig({ DATABASE_URL: url }).liveChannel, 'off');
  assert.equal(loadConfig({ DATABASE_URL: url, ZS_LIVE_CHANNEL: 'off' }).liveChannel, 'off');
  assert.equal(loadConfig({ DATABASE_URL: url, ZS_LIVE_CHANNEL: 'postgres' }).liveChannel, 'postgres');
  assert.throws(() => loadConfig({ DATABASE_URL: url, ZS_LIVE_CHANNEL: 'redis' }), /ZS_LIVE_CHANNEL/);
  assert.throws(
    () => loadConfig({ ZS_LIVE_CHANNEL: 'postgres' }),
    /ZS_LIVE_CHANNEL=postgres needs DATABASE_URL/,
  );
});

it('lets a resync notice reach every signed-in console, whatever its role', async () => {
  const { mayReceive } = await import('../src/services/scope/index.ts');
  const resident = {
    userId: 'r',
    username: 'r',
    displayName: 'r',
    role: 'resident',
    unitId: 'c1',
    scopePath: '/s/a/c1/',
  };
  assert.equal(mayReceive(resident, { type: 'resync', unitPath: null, data: null }), true);
  assert.equal(mayReceive(resident, { type: 'order.updated', unitPath: null, data: {} }), false);
});

describe('live channel across server processes [postgres]', async () => {
  const problem = await postgresProblem();
  if (problem) {
    if (process.env.CI === 'true') throw new Error(`CI=true needs PostgreSQL: ${problem}`);
    console.log(`# skipping live channel on postgres: ${problem}`);
    it('live channel on postgres', { skip: problem }, () => {});
    return;
  }

  const clock = new TestClock();
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: App;
  let b: App;
  /** A third process on the same database with ZS_LIVE_CHANNEL=off. */
  let off: App;
  let org: Awaited<ReturnType<typeof seedFixtureOrg>>;
  /** Every NOTIFY payload on the channel, as a raw listener sees it. */
  const payloads: string[] = [];
  let spy: pg.Client;
  const feeds: Feed[] = [];
  let opA: Feed;
  let opB: Feed;
  let commB: Feed;
  let opOff: Feed;

  /** Waits until a payload after the first `from` matches; the spy hears NOTIFYs on its own connection. */
  const spyHeard = async (
    from: number,
    match: (wire: { f?: { i: number; n: number } }) => boolean,
    what: string,
  ) => {
    for (let waited = 0; !payloads.slice(from).some((p) => match(JSON.parse(p))); waited += 20) {
      if (waited > 5000) assert.fail(`the spy did not hear ${what} within 5 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const open = async (app: App, user: string) => {
    const f = await feed(app, await loginAs(app, user));
    feeds.push(f);
    await f.until((m) => m.type === 'hello', 'hello');
    return f;
  };

  before(async () => {
    database = await createTestDatabase();
    const options = { now: clock.now, logger: false };
    a = await buildApp(testConfig({ databaseUrl: database.url, liveChannel: 'postgres' }), options);
    org = await seedFixtureOrg(a.platform.store, clock.now);
    await seedWorkOrderDefaults(a.platform.ctx);
    b = await buildApp(testConfig({ databaseUrl: database.url, liveChannel: 'postgres' }), options);
    off = await buildApp(testConfig({ databaseUrl: database.url, liveChannel: 'off' }), options);
    for (const app of [a, b, off]) await app.listen({ port: 0, host: '127.0.0.1' });
    spy = new pg.Client({ connectionString: database.url });
    await spy.connect();
    spy.on('notification', (m) => payloads.push(m.payload ?? ''));
    await spy.query(`LISTEN ${LIVE_CHANNEL}`);
    opA = await open(a, 'operator');
    opB = await open(b, 'operator');
    commB = await open(b, 'commA1');
    opOff = await open(off, 'operator');
  });

  after(async () => {
    for (const f of feeds) f.ws.terminate();
    await spy?.end().catch(() => {});
    for (const app of [a, b, off]) await app?.close();
    await database?.drop();
  });

  /** Publishes a marker on A's bus and waits until B's operator has it: A's earlier events are through. */
  let markers = 0;
  async function throughChannel(to: Feed = opB): Promise<void> {
    const n = ++markers;
    a.platform.bus.publish({ type: 'test.marker', unitPath: null, data: { n } });
    await to.until((m) => m.type === 'test.marker' && m.data.n === n, `marker ${n}`);
  }

  it('shows a position ingested by process A to a console of process B, in scope only, once on A', async () => {
    const op = await loginAs(a, 'operator');
    const created = await a.inject({
      method: 'POST',
      url: '/api/devices',
      headers: op,
      payload: { name: '清波3号', protocol: 'osmand', identifier: 'boat-3', unitId: org.dept.id },
    });
    assert.equal(created.statusCode, 201, created.body);
    const device = await findDevice(a.platform.store.db, created.json().id);
    assert.ok(device);
    await a.platform.ingest.ingest(
      device,
      [
        {
          time: clock.t,
          lat: 31.31,
          lon: 120.81,
          speedKmh: 4,
          course: 90,
          altitude: 0,
          valid: true,
          attributes: {},
        },
      ],
      { protocol: 'osmand' },
    );
    const isBoat = (m: Message) => m.type === 'position' && m.data.deviceId === device.id;
    const seenOnB = await opB.until(isBoat, 'position on B');
    assert.equal(seenOnB.data.lat, 31.31);
    assert.equal(seenOnB.data.deviceName, '清波3号');
    await opA.until(isBoat, 'position on A');
    // A's marker comes after the position on the channel, and B publishes one after that: once
    // A's console has B's, A's listener has also read (and skipped) its own echo of the position.
    await throughChannel(commB);
    b.platform.bus.publish({ type: 'test.marker', unitPath: null, data: { fromB: true } });
    await opA.until((m) => m.type === 'test.marker' && m.data.fromB === true, 'B’s marker on A');
    assert.equal(opA.messages.filter(isBoat).length, 1, 'A’s own console gets the position once');
    assert.equal(opB.messages.filter(isBoat).length, 1);
    assert.equal(
      commB.messages.filter(isBoat).length,
      0,
      'the community’s scope has not the department’s boat',
    );
  });

  it('shows an order reported on A and its notification to the community on B', async () => {
    const categories = await listCategories(a.platform.store.db);
    const category = categories.find((c) => c.minorName === '楼道堆物');
    assert.ok(category);
    const reported = await a.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await loginAs(a, 'gridA1'),
      payload: { categoryId: category.id, ...IN_A1_GRID1, description: '楼道堆放杂物' },
    });
    assert.equal(reported.statusCode, 201, reported.body);
    const orderId = reported.json().order.id;
    const created = await commB.until(
      (m) => m.type === 'order.created' && m.data.id === orderId,
      'order.created on B',
    );
    assert.equal(created.data.code, reported.json().order.code);
    const note = await commB.until((m) => m.type === 'notification', 'notification on B');
    assert.equal(note.data.userId, org.users.commA1?.id);
    assert.equal(note.data.kind, 'reported');
    // Notifications go to their recipient only, on every process.
    await throughChannel();
    assert.equal(opB.of('notification').length, 0);
  });

  it('forwards a burst larger than one NOTIFY payload complete and in order, a huge event too', async () => {
    const before = payloads.length;
    const text = '中枢实时通道'.repeat(20);
    const burst = 300;
    for (let i = 0; i < burst; i++) {
      a.platform.bus.publish({ type: 'test.burst', unitPath: org.sub.path, data: { i, text } });
    }
    const huge = `${'x'.repeat(30_000)}尾`;
    a.platform.bus.publish({ type: 'test.huge', unitPath: null, data: { huge } });
    const big = await opB.until((m) => m.type === 'test.huge', 'the huge event on B');
    assert.equal(big.data.huge, huge);
    const got = opB.of('test.burst');
    assert.equal(got.length, burst);
    assert.deepEqual(
      got.map((m) => m.data.i),
      Array.from({ length: burst }, (_, i) => i),
    );
    assert.ok(got.every((m) => m.data.text === text));
    assert.equal(opA.of('test.burst').length, burst, 'A’s console: its own events once each');
    // The spy is a listener of its own: it may hear the last payload a moment after B does.
    await spyHeard(before, (w) => w.f !== undefined && w.f.i === w.f.n - 1, 'the huge event’s last fragment');
    const sent = payloads.slice(before);
    assert.ok(sent.length > 2, `split into several payloads (${sent.length})`);
    for (const p of sent) assert.ok(Buffer.byteLength(p) < 8000, `payload of ${Buffer.byteLength(p)} bytes`);
  });

  it('with ZS_LIVE_CHANNEL=off neither receives nor sends', async () => {
    assert.equal(off.platform.bus.listening, true, 'its own console listens');
    off.platform.bus.publish({ type: 'test.off', unitPath: null, data: {} });
    a.platform.bus.publish({ type: 'test.fromA', unitPath: null, data: {} });
    await throughChannel();
    await opB.until((m) => m.type === 'test.fromA', 'A’s event on B');
    await settle();
    assert.equal(opOff.of('test.fromA').length, 0, 'the off process hears nothing of A');
    assert.equal(opOff.of('test.marker').length, 0);
    assert.equal(opOff.of('position').length, 0);
    assert.equal(opOff.of('order.created').length, 0);
    assert.equal(opOff.of('test.off').length, 1, 'its own events still reach its own consoles');
    assert.equal(opB.of('test.off').length, 0, 'and nobody else');
    assert.ok(!payloads.some((p) => p.includes('test.off')));
  });

  it('listens again after its connection is killed, and tells its consoles to resync', async () => {
    const killed = await spy.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and application_name = 'zhongshu-live'`,
    );
    assert.equal(killed.rowCount, 2, 'A’s and B’s channel connections');
    await opB.until((m) => m.type === 'resync', 'resync on B');
    await opA.until((m) => m.type === 'resync', 'resync on A');
    await commB.until((m) => m.type === 'resync', 'resync on every console of B');
    await throughChannel();
  });
});
