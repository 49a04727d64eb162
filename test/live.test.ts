import assert from 'node:assert/strict';
import { it } from 'node:test';
import WebSocket from 'ws';
import { findDevice } from '../src/store/devices.repository.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';

/** Opens the live feed and collects messages until `until` matches one (or the timeout passes). */
function listen(url: string, headers: Record<string, string>) {
  const ws = new WebSocket(url, { headers });
  const messages: { type: string; data: Record<string, unknown> }[] = [];
  const waiters: { match: (m: { type: string }) => boolean; resolve: (m: unknown) => void }[] = [];
  ws.on('message', (raw) => {
    const message = JSON.parse(String(raw));
    messages.push(message);
    for (const w of waiters.filter((w) => w.match(message))) w.resolve(message);
  });
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (req, res) => {
      // With this listener the client owns the refused request and must end it.
      req.destroy();
      reject(new Error(`HTTP ${res.statusCode}`));
    });
    ws.once('error', reject);
  });
  return {
    ws,
    opened,
    messages,
    next(type: string, timeoutMs = 5000): Promise<{ type: string; data: Record<string, unknown> }> {
      const seen = messages.find((m) => m.type === type);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${type} message within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          match: (m) => m.type === type,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m as { type: string; data: Record<string, unknown> });
          },
        });
      });
    },
  };
}

forEachDialect('live feed', (kind) => {
  const t = useTestApp(kind);
  let address: string | undefined;
  /** The feed's URL, listening once for the file's tests. */
  const liveUrl = async () => {
    address ??= await t.app.listen({ port: 0, host: '127.0.0.1' });
    return `${address.replace('http', 'ws')}/api/live`;
  };

  it('refuses an anonymous WebSocket with 401 and pushes a position to a signed-in operator', async () => {
    const url = await liveUrl();
    const anonymous = listen(url, {});
    await assert.rejects(anonymous.opened, /HTTP 401/);

    const op = await loginAs(t.app, 'operator');
    const feed = listen(url, op);
    await feed.opened;
    assert.equal((await feed.next('hello')).data.role, 'operator');

    const community = listen(url, await loginAs(t.app, 'commA1'));
    await community.opened;
    await community.next('hello');

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: op,
      payload: { name: '清波2号', protocol: 'osmand', identifier: 'boat-2', unitId: t.org.dept.id },
    });
    const device = await findDevice(t.store.db, created.json().id);
    assert.ok(device);
    await t.app.platform.ingest.ingest(
      device,
      [
        {
          time: t.clock.t,
          lat: 31.3,
          lon: 120.8,
          speedKmh: 5,
          course: 0,
          altitude: 0,
          valid: true,
          attributes: {},
        },
      ],
      { protocol: 'osmand' },
    );
    const position = await feed.next('position');
    assert.equal(position.data.deviceId, device.id);
    assert.equal(position.data.lat, 31.3);
    assert.equal(position.data.deviceName, '清波2号');
    // The community user's scope does not include the department's boat.
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(
      community.messages.some((m) => m.type === 'position'),
      false,
    );
    feed.ws.terminate();
    community.ws.terminate();
    anonymous.ws.terminate();
  });

  it('sends a boat’s positions to its unit’s new scope as soon as the unit moves', async () => {
    const url = await liveUrl();
    const admin = await loginAs(t.app, 'admin');
    const a2Grid = t.org.grids[2];
    assert.ok(a2Grid, 'the fixture has a grid in community A2');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: admin,
      payload: { name: '清波5号', protocol: 'osmand', identifier: 'boat-5', unitId: a2Grid.id },
    });
    assert.equal(created.statusCode, 201, created.body);
    const device = await findDevice(t.store.db, created.json().id);
    assert.ok(device);
    const report = (lat: number, at: number) =>
      t.app.platform.ingest.ingest(
        device,
        [{ time: at, lat, lon: 120.82, speedKmh: 4, course: 0, altitude: 0, valid: true, attributes: {} }],
        { protocol: 'osmand' },
      );
    const a1 = listen(url, await loginAs(t.app, 'commA1'));
    await a1.opened;
    await a1.next('hello');
    await report(31.301, t.clock.t);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(a1.messages.filter((m) => m.type === 'position').length, 0, 'A2’s boat is not A1’s');

    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${a2Grid.id}`,
      headers: admin,
      payload: { parentId: t.org.a1.id },
    });
    assert.equal(moved.statusCode, 200, moved.body);
    await report(31.302, t.clock.t + 5000);
    const position = await a1.next('position');
    assert.equal(position.data.deviceId, device.id);
    assert.equal(position.data.lat, 31.302);
    a1.ws.terminate();
  });
});

it('delivers each live event only to callers whose REST view would show it', async () => {
  const { mayReceive } = await import('../src/services/scope/index.ts');
  const base = { username: 'u', displayName: 'u', unitId: 'c1', scopePath: '/s/a/c1/' };
  const resident = { ...base, userId: 'r', role: 'resident' };
  const community = { ...base, userId: 'c', role: 'community' };
  const crew = { ...base, userId: 'w', role: 'crew' };
  const position = { type: 'position', unitPath: '/s/a/c1/', data: {} };
  const order = { type: 'order.updated', unitPath: '/s/a/c1/', data: {} };
  const elsewhere = { type: 'order.updated', unitPath: '/s/a/c2/', data: {} };
  const note = { type: 'notification', unitPath: '/s/a/c1/', data: { userId: 'c' } };
  assert.deepEqual(
    [position, order, elsewhere, note].map((e) => mayReceive(resident, e)),
    [false, false, false, false],
  );
  assert.deepEqual(
    [position, order, elsewhere, note].map((e) => mayReceive(community, e)),
    [true, true, false, true],
  );
  assert.deepEqual(
    [position, order, note].map((e) => mayReceive(crew, e)),
    [true, false, false],
  );
  // An order held elsewhere but involving community c1 (consulted, a sub-task's unit) reaches it, as REST shows it.
  const involving = {
    type: 'order.updated',
    unitPath: '/s/d/',
    readerPaths: ['/s/d/', '/s/a/c1/'],
    data: {},
  };
  const notInvolving = {
    type: 'order.updated',
    unitPath: '/s/d/',
    readerPaths: ['/s/d/', '/s/a/c2/'],
    data: {},
  };
  assert.deepEqual(
    [involving, notInvolving].map((e) => [mayReceive(community, e), mayReceive(resident, e)]),
    [
      [true, false],
      [false, false],
    ],
  );
});
