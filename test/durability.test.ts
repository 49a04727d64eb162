import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { connectTerminals, type FloodTerminal, startFlood } from '../src/sim/flood.ts';
import { createDevices, type DeviceServer, startDeviceServer } from './helpers/device-server.ts';
import { createTestDatabase, forEachDialect } from './helpers/dialects.ts';

// A crash loses no acknowledged position (design brief: "acknowledged only after it is durably
// stored"): terminals report as fast as acks allow, the server is SIGKILLed mid-ingest, restarted
// on the same data, and every (device, fix time) a terminal saw acknowledged must be stored.

const ADMIN_PASSWORD = 'Durable-pass-2026';
const PHONES = ['13700000001', '13700000002', '13700000003', '13700000004', '13700000005', '13700000006'];
const WINDOW = 16;
/** Acknowledgements to wait for before the kill, so that the kill lands in steady ingest. */
const ACKS_BEFORE_KILL = 3000;

async function login(base: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

async function storedTimes(base: string, deviceId: string, from: number, to: number): Promise<Set<number>> {
  const query = `deviceId=${deviceId}&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}&limit=100000`;
  const res = await fetch(`${base}/api/positions?${query}`, { headers: await login(base) });
  assert.equal(res.status, 200);
  const { items } = (await res.json()) as { items: { time: string }[] };
  return new Set(items.map((p) => Date.parse(p.time)));
}

forEachDialect('durability: SIGKILL during ingest', (kind) => {
  it('stores every position whose 0x8001 the terminal received', { timeout: 60_000 }, async (t) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'zs-durability-'));
    const database = kind === 'postgres' ? await createTestDatabase() : undefined;
    const options = { dataDir, adminPassword: ADMIN_PASSWORD, databaseUrl: database?.url };
    let server: DeviceServer | undefined;
    let terminals: FloodTerminal[] = [];
    t.after(async () => {
      for (const terminal of terminals) terminal.link.close();
      server?.child.kill('SIGKILL');
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const first = await startDeviceServer(options);
    server = first;
    const ids = await createDevices(first.base, await login(first.base), PHONES);
    terminals = await connectTerminals({ host: '127.0.0.1', port: first.jt808Port }, PHONES);
    const baseTime = Math.floor(Date.now() / 1000) * 1000 - 6 * 3_600_000;
    const flood = startFlood(terminals, { window: WINDOW, baseTime, record: true });
    const deadline = Date.now() + 15_000;
    while (flood.acked() < ACKS_BEFORE_KILL && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // A random moment, not just after a wave of acknowledgements.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 50));
    const inFlightAtKill = terminals.reduce((n, term) => n + term.link.inFlight, 0);
    first.child.kill('SIGKILL');
    assert.equal(await first.exited, null, 'killed, not exited');
    await Promise.all(terminals.map((term) => term.link.closed));
    await flood.stop();
    assert.ok(inFlightAtKill > 0, 'the kill landed while reports were in flight');

    const second = await startDeviceServer({ ...options, ports: first.ports });
    server = second;
    let acked = 0;
    let storedNotAcked = 0;
    for (const term of terminals) {
      const stored = await storedTimes(
        second.base,
        ids.get(term.phone) ?? '',
        baseTime,
        baseTime + term.sent * 1000,
      );
      const missing = term.ackedTimes.filter((time) => !stored.has(time));
      assert.deepEqual(
        missing.slice(0, 5),
        [],
        `${term.phone}: ${missing.length} acknowledged positions lost`,
      );
      acked += term.ackedTimes.length;
      storedNotAcked += stored.size - term.ackedTimes.length;
    }
    assert.ok(acked >= ACKS_BEFORE_KILL, `${acked} acknowledged before the kill`);
    t.diagnostic(
      `${kind}: ${acked} acknowledged, all stored; ${storedNotAcked} stored but never acknowledged; ` +
        `${inFlightAtKill} in flight at the kill`,
    );
    server.child.kill('SIGTERM');
    await server.exited;
  });
});
