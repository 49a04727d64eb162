// The generated data, cached between runs under the data folder, keyed by its size: SQLite in
// <data>/sqlite-<boats>x<days>/zs.db, PostgreSQL in the database zs_bench_tracks_<boats>x<days> of
// the test server. world.json is written last: without it the data is (re)generated.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrate, openStore, type Store } from '../../src/store/database.ts';
import { postgresAdapter } from '../../src/store/dialect/postgres.ts';
import { sqliteAdapter } from '../../src/store/dialect/sqlite.ts';
import type { DialectKind } from '../../src/store/dialect/types.ts';
import { PG_TEST_URL } from '../../test/helpers/dialects.ts';
import { FIXES_A_DAY } from './fixes.ts';
import { fillPostgres } from './generate-postgres.ts';
import { fillSqlite } from './generate-sqlite.ts';
import { createWorld, type World } from './world.ts';

/** A generated database: where it is and what is in it. */
export interface Generated {
  kind: DialectKind;
  world: World;
  /** The SQLite file, or the PostgreSQL URL. */
  location: string;
  /** world.json: rewritten as the run learns more (whether the summaries are computed). */
  save(world: World): void;
  open(): Store;
}

async function admin(statement: string): Promise<number> {
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    return (await client.query(statement)).rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/** The cached data of this size, generated first when missing. */
export async function ensureData(
  kind: DialectKind,
  dataDir: string,
  boats: number,
  days: number,
  log: (line: string) => void,
): Promise<Generated> {
  const size = `${boats}x${days}`;
  const dir = path.join(dataDir, `${kind}-${size}`);
  const worldFile = path.join(dir, 'world.json');
  const file = path.join(dir, 'zs.db');
  const dbName = `zs_bench_tracks_${size}`;
  const url = new URL(PG_TEST_URL);
  url.pathname = `/${dbName}`;
  const location = kind === 'sqlite' ? file : url.toString();
  const open = () => openStore(kind === 'sqlite' ? sqliteAdapter(file) : postgresAdapter(location));
  const save = (w: World) => writeFileSync(worldFile, JSON.stringify(w));
  const cached =
    existsSync(worldFile) &&
    (kind === 'sqlite' || (await admin(`select 1 from pg_database where datname = '${dbName}'`)) === 1);
  if (cached) {
    log(
      `# ${kind}: the generated ${boats} boats × ${days} days from ${dir}${kind === 'postgres' ? ` and ${dbName}` : ''}`,
    );
    return { kind, world: JSON.parse(readFileSync(worldFile, 'utf8')) as World, location, save, open };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (kind === 'postgres') {
    await admin(`drop database if exists ${dbName} with (force)`);
    await admin(`create database ${dbName}`);
  }
  const store = open();
  await migrate(store);
  const world = await createWorld(store, boats, days);
  await store.close();
  const total = boats * days * FIXES_A_DAY;
  const t0 = performance.now();
  let last = t0;
  const progress = (done: number) => {
    const t = performance.now();
    if (t - last < 15_000 && done < total) return;
    last = t;
    const s = (t - t0) / 1000;
    log(
      `#   ${kind}: ${(done / 1e6).toFixed(1)}M of ${(total / 1e6).toFixed(1)}M fixes in ${s.toFixed(0)} s (${Math.round(done / s)} a second)`,
    );
  };
  if (kind === 'sqlite') fillSqlite(file, world, progress);
  else await fillPostgres(location, dir, world, progress);
  log(
    `# ${kind}: generated ${(total / 1e6).toFixed(1)}M fixes (${boats} boats × ${days} days at 5 s) in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  save(world);
  return { kind, world, location, save, open };
}
