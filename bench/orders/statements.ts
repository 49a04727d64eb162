// Prints every SQL statement one report, register and dispatch run on SQLite (a fresh seeded
// database, in this process, through app.inject): what an action costs in statements; then, with
// `--chains N`, runs N more chains and prints SQLite's own CPU time per statement text.
//   npx tsx bench/orders/statements.ts [--orders 2000] [--chains 0]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { DEMO_PASSWORD } from '../../src/demo/users.ts';
import { migrate, openStore } from '../../src/store/database.ts';
import { sqliteAdapter } from '../../src/store/dialect/sqlite.ts';
import { recordStatements } from '../../src/store/dialect/sqlite-group-commit.ts';
import { orderReports } from './requests.ts';
import { seedBench } from './seed.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const ORDERS = Number(arg('orders', '2000'));
const CHAINS = Number(arg('chains', '0'));
const dataDir = mkdtempSync(path.join(tmpdir(), 'zs-bench-statements-'));
try {
  const store = openStore(sqliteAdapter(path.join(dataDir, 'zhongshu.db')));
  await migrate(store);
  const seeded = await seedBench({ db: store.db, now: Date.now }, ORDERS, DEMO_PASSWORD);
  const app = await buildApp(
    loadConfig({ ZS_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ZS_RATE_LIMIT_PER_MINUTE: '10000000' }),
    {
      store,
      logger: false,
    },
  );
  const login = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username: 'operator', password: DEMO_PASSWORD },
  });
  const headers = { authorization: `Bearer ${login.json().token}` };
  const r = orderReports(seeded.world, 2)[1];
  if (!r) throw new Error('no report');
  const post = async (label: string, url: string, payload: object) => {
    const seen: string[] = [];
    recordStatements(store.db, (sql) => seen.push(sql));
    const res = await app.inject({ method: 'POST', url, headers, payload });
    recordStatements(store.db, undefined);
    console.log(`--- ${label}: ${res.statusCode}, ${seen.length} statements`);
    for (const s of seen) console.log(`  ${s.length > 220 ? `${s.slice(0, 220)}…` : s}`);
    return res.json();
  };
  for (let i = 0; i < 2; i++) {
    const created = await post('report', '/api/orders', { ...r, unitId: undefined, description: 'bench' });
    const id = created.order.id;
    await post('register', `/api/orders/${id}/actions/register`, {});
    await post('dispatch', `/api/orders/${id}/actions/dispatch`, { unitId: r.unitId });
  }
  if (CHAINS > 0) {
    // SQLite's own time per statement text: every prepared statement's run/all/get, timed.
    const spent = new Map<string, { n: number; ms: number }>();
    const proto = Object.getPrototypeOf(new SQLite(':memory:').prepare('select 1')) as Record<
      string,
      unknown
    >;
    for (const method of ['run', 'all', 'get'] as const) {
      const original = proto[method] as (...args: unknown[]) => unknown;
      proto[method] = function (this: { source: string }, ...args: unknown[]) {
        // CPU time, not wall time: on a shared machine a wall clock mostly measures the others.
        const t0 = process.cpuUsage();
        try {
          return original.apply(this, args);
        } finally {
          const used = process.cpuUsage(t0);
          const key = this.source.slice(0, 90);
          const s = spent.get(key) ?? { n: 0, ms: 0 };
          s.n++;
          s.ms += (used.user + used.system) / 1000;
          spent.set(key, s);
        }
      };
    }
    const quiet = async (url: string, payload: object) =>
      (await app.inject({ method: 'POST', url, headers, payload })).json();
    const reports = orderReports(seeded.world, 500);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < CHAINS; i++) {
      const x = reports[i % reports.length] ?? r;
      const { order } = await quiet('/api/orders', { ...x, unitId: undefined, description: 'bench' });
      await quiet(`/api/orders/${order.id}/actions/register`, {});
      await quiet(`/api/orders/${order.id}/actions/dispatch`, { unitId: x.unitId });
    }
    const total = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const inSqlite = [...spent.values()].reduce((a, b) => a + b.ms, 0);
    console.log(
      `--- ${CHAINS} chains: ${((total * 1000) / (3 * CHAINS)).toFixed(0)} µs wall, ${((cpu.user + cpu.system) / (3 * CHAINS)).toFixed(0)} µs CPU an action, of which SQLite ${((inSqlite * 1000) / (3 * CHAINS)).toFixed(0)} µs CPU`,
    );
    for (const [sql, s] of [...spent].sort((a, b) => b[1].ms - a[1].ms))
      console.log(
        `  ${((s.ms * 1000) / (3 * CHAINS)).toFixed(1).padStart(7)} µs/action  ${String(s.n).padStart(6)}×  ${sql}`,
      );
  }
  await app.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
