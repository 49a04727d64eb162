import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { freePort, startServer } from './helpers/server-process.ts';

// The real entry point on SQLite, the way `npm start` runs it: first start seeds the demo
// world, a second start on the same data reuses it, SIGTERM shuts down cleanly.
const dataDir = mkdtempSync(path.join(tmpdir(), 'zs-main-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

async function env() {
  return {
    ZS_DATA_DIR: dataDir,
    ZS_DEMO: '1',
    ZS_ADMIN_PASSWORD: 'Admin-pass-2026',
    PORT: String(await freePort()),
    ZS_JT808_PORT: String(await freePort()),
    ZS_GT06_PORT: String(await freePort()),
    ZS_OSMAND_PORT: String(await freePort()),
  };
}

async function countUnits(base: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(`${base}/api/units?geometry=false`, { headers });
  return ((await res.json()) as { total: number }).total;
}

it('seeds the demo on first start, reuses it on the second, and exits 0 on SIGTERM', async () => {
  const first = await startServer(await env());
  const health = (await (await fetch(`${first.base}/api/health`)).json()) as { db: string; status: string };
  assert.deepEqual([health.status, health.db], ['ok', 'sqlite']);
  const admin = await first.login('admin', 'Admin-pass-2026');
  await assert.rejects(
    first.login('admin', 'Zhongshu@2026'),
    /401/,
    'ZS_ADMIN_PASSWORD replaces the demo password',
  );
  const operator = await first.login('operator', 'Zhongshu@2026');
  const units = await countUnits(first.base, operator);
  assert.ok(units > 80, `demo world has ${units} units`);
  const me = (await (await fetch(`${first.base}/api/me`, { headers: admin })).json()) as {
    unit: { name: string };
  };
  assert.equal(me.unit.name, '娄江街道');
  first.child.kill('SIGTERM');
  assert.equal(await first.exited, 0, first.output());

  const second = await startServer(await env());
  const again = await countUnits(second.base, await second.login('operator', 'Zhongshu@2026'));
  assert.equal(again, units, 'nothing seeded twice');
  second.child.kill('SIGTERM');
  assert.equal(await second.exited, 0, second.output());
});

it('refuses to start with a bad configuration value and names it', async () => {
  const port = String(await freePort());
  await assert.rejects(
    startServer({ ...(await env()), PORT: port, ZS_DEMO: 'perhaps' }, 20_000),
    /ZS_DEMO="perhaps" must be 1 or 0/,
  );
});

it('exits 70 with a clear line when the disk fails a WAL fsync, and restarts from what is on disk', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zs-main-fsync-'));
  const trigger = path.join(dir, 'fail-fdatasync-now');
  try {
    const place = { ...(await env()), ZS_DATA_DIR: path.join(dir, 'data'), ZS_DEMO: '0' };
    const preload = path.resolve(import.meta.dirname, 'helpers/failing-fdatasync.mjs');
    const first = await startServer({ ...place, ZS_TEST_FAIL_FDATASYNC: trigger }, 60_000, [preload]);
    // Acknowledged before the disk fails: the session must survive.
    const admin = await first.login('admin', 'Admin-pass-2026');
    writeFileSync(trigger, '');
    const refused = await fetch(`${first.base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Admin-pass-2026' }),
    }).then(
      (res) => res.status,
      () => 'connection closed',
    );
    assert.notEqual(refused, 200, 'a login whose session could not be synced is not acknowledged');
    assert.equal(await first.exited, 70, first.output());
    assert.match(first.output(), /FATAL: the disk failed to sync the SQLite write-ahead log \(.*EIO/);

    const second = await startServer(place);
    const me = await fetch(`${second.base}/api/me`, { headers: admin });
    assert.equal(me.status, 200, 'the session acknowledged before the failure is on disk');
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0, second.output());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
