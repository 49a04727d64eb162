// The floor of an order action: Fastify's hello-world, in its own process with the server's flags,
// answering the same POSTs (same bodies, answers padded to the same sizes) with only the
// statements no design of these actions can drop, on a copy of the same database:
//   report:        insert the order's row (a copy of a seeded one: every index of the table) + its event;
//   other actions: read the order's row, update it guarded by the version read, insert its event.
// SQLite: every action is a savepoint inside one shared batch (BEGIN IMMEDIATE … COMMIT) per turn
// of the event loop, then fdatasync of the WAL in libuv's pool before the batch's answers are
// sent: the platform's group-commit shape. PostgreSQL: one transaction per action on a pool of 10
// (the platform's), PostgreSQL's own commit flush.
// argv[2]: { file } or { databaseUrl }, and { answerBytes: { report, register, dispatch, … } }.
import fs from 'node:fs';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

interface Job {
  file?: string;
  databaseUrl?: string;
  answerBytes: Record<string, number>;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const fdatasync = promisify(fs.fdatasync);

/** The minimal storage of the two kinds of action. */
interface FloorStore {
  report(id: string, code: string, now: number): Promise<void>;
  /** False when the version moved (a lost race), as the platform's guard would say. */
  act(id: string, action: string, now: number): Promise<boolean>;
}

type Row = Record<string, unknown>;

/** A new order's row and first event, copied from a seeded order so that every column (and index) is written. */
function newRows(orderTemplate: Row, eventTemplate: Row, id: string, code: string, now: number) {
  const order = {
    ...orderTemplate,
    id,
    code,
    status: 'reported',
    version: 1,
    created_at: now,
    updated_at: now,
  };
  const event = { ...eventTemplate, order_id: id, seq: 1, action: 'report', at: now };
  return { order, event };
}

const placeholders = (n: number, dollar: boolean) =>
  Array.from({ length: n }, (_, i) => (dollar ? `$${i + 1}` : '?')).join(', ');

function sqliteFloor(file: string): FloorStore {
  const db = new SQLite(file);
  // The platform's settings (src/store/dialect/sqlite.ts).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = memory');
  const orderTemplate = db.prepare('select * from orders order by rowid limit 1').get() as Row;
  const eventTemplate = db.prepare('select * from order_events order by rowid limit 1').get() as Row;
  const orderColumns = Object.keys(orderTemplate);
  const eventColumns = Object.keys(eventTemplate);
  const insertOrder = db.prepare(
    `insert into orders (${orderColumns.join(', ')}) values (${placeholders(orderColumns.length, false)})`,
  );
  const insertEvent = db.prepare(
    `insert into order_events (${eventColumns.join(', ')}) values (${placeholders(eventColumns.length, false)})`,
  );
  const read = db.prepare('select version, state from orders where id = ?');
  const update = db.prepare(
    'update orders set status = ?, state = ?, version = ?, updated_at = ? where id = ? and version = ?',
  );
  const exec = (sql: string) => db.prepare(sql).run();
  const savepoint = db.prepare('savepoint a');
  const release = db.prepare('release a');
  const rollbackTo = db.prepare('rollback to a');
  const wal = fs.openSync(`${file}-wal`, fs.existsSync(`${file}-wal`) ? 'r' : 'a+');

  let batch: { done: Promise<void>; resolve(): void; reject(e: unknown): void } | undefined;
  let syncing: Promise<void> = Promise.resolve();
  const inBatch = <T>(work: () => T): Promise<T> => {
    if (!batch) {
      exec('begin immediate');
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const done = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      batch = { done, resolve, reject };
      setImmediate(() => {
        const b = batch;
        batch = undefined;
        if (!b) return;
        exec('commit');
        // Syncs run one after another, each after its commit, as the platform's WalSyncer.
        syncing = syncing.then(() => fdatasync(wal)).then(b.resolve, b.reject);
      });
    }
    const mine = batch;
    savepoint.run();
    try {
      const value = work();
      release.run();
      return mine.done.then(() => value);
    } catch (error) {
      rollbackTo.run();
      release.run();
      throw error;
    }
  };
  return {
    report: (id, code, now) =>
      inBatch(() => {
        const { order, event } = newRows(orderTemplate, eventTemplate, id, code, now);
        insertOrder.run(orderColumns.map((c) => order[c as keyof typeof order]));
        insertEvent.run(eventColumns.map((c) => event[c as keyof typeof event]));
      }),
    act: (id, action, now) =>
      inBatch(() => {
        const row = read.get(id) as { version: number; state: string } | undefined;
        if (!row) return false;
        const state = JSON.parse(row.state) as { status: string; version: number };
        state.version = row.version + 1;
        const changed = update.run(action, JSON.stringify(state), row.version + 1, now, id, row.version);
        if (changed.changes !== 1) return false;
        const event = { ...eventTemplate, order_id: id, seq: row.version + 1, action, at: now };
        insertEvent.run(eventColumns.map((c) => event[c as keyof typeof event]));
        return true;
      }),
  };
}

async function postgresFloor(url: string): Promise<FloorStore> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => {});
  const orderTemplate = (await pool.query('select * from orders limit 1')).rows[0] as Row;
  const eventTemplate = (await pool.query('select * from order_events limit 1')).rows[0] as Row;
  const orderColumns = Object.keys(orderTemplate);
  const eventColumns = Object.keys(eventTemplate);
  const insertOrder = `insert into orders (${orderColumns.join(', ')}) values (${placeholders(orderColumns.length, true)})`;
  const insertEvent = `insert into order_events (${eventColumns.join(', ')}) values (${placeholders(eventColumns.length, true)})`;
  const json = (row: Row, column: string) => {
    const v = row[column];
    return v !== null && typeof v === 'object' ? JSON.stringify(v) : v;
  };
  const inTransaction = async <T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const value = await work(client);
      await client.query('commit');
      return value;
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  return {
    report: (id, code, now) =>
      inTransaction(async (c) => {
        const { order, event } = newRows(orderTemplate, eventTemplate, id, code, now);
        await c.query({ name: 'io', text: insertOrder, values: orderColumns.map((k) => json(order, k)) });
        await c.query({ name: 'ie', text: insertEvent, values: eventColumns.map((k) => json(event, k)) });
      }),
    act: (id, action, now) =>
      inTransaction(async (c) => {
        const read = await c.query({
          name: 'r',
          text: 'select version, state from orders where id = $1',
          values: [id],
        });
        const row = read.rows[0] as { version: number; state: { version: number } } | undefined;
        if (!row) return false;
        const state = { ...row.state, version: row.version + 1 };
        const updated = await c.query({
          name: 'u',
          text: 'update orders set status = $1, state = $2, version = $3, updated_at = $4 where id = $5 and version = $6',
          values: [action, JSON.stringify(state), row.version + 1, now, id, row.version],
        });
        if (updated.rowCount !== 1) return false;
        const event = { ...eventTemplate, order_id: id, seq: row.version + 1, action, at: now };
        await c.query({ name: 'ie', text: insertEvent, values: eventColumns.map((k) => json(event, k)) });
        return true;
      }),
  };
}

const store = job.file ? sqliteFloor(job.file) : await postgresFloor(job.databaseUrl ?? '');
/** An answer of `bytes` bytes of JSON naming the order, as the platform's is. */
const answer = (id: string, action: string) => {
  const base = JSON.stringify({ order: { id }, pad: '' }).length;
  return { order: { id }, pad: 'x'.repeat(Math.max(0, (job.answerBytes[action] ?? 0) - base)) };
};
let sequence = 0;
const prefix = `F${process.pid}`;
const app = Fastify({ logger: false });
app.post('/api/orders', async (_request, reply) => {
  const id = `${prefix}-${++sequence}`;
  await store.report(id, `${prefix}${sequence}`, Date.now());
  return reply.status(201).send(answer(id, 'report'));
});
app.post<{ Params: { id: string; action: string } }>(
  '/api/orders/:id/actions/:action',
  async (request, reply) => {
    const { id, action } = request.params;
    if (!(await store.act(id, action, Date.now())))
      return reply.status(409).send({ error: { code: 'VERSION_CONFLICT', message: 'moved' } });
    return answer(id, action);
  },
);
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url: address })}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
