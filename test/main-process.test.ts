import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
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
