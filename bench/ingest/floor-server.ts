// The ingest floor: the least work a JT/T 808 server must do to acknowledge a position durably.
// The same system calls as the platform's gateway (reads, one write of acks per connection per
// commit), framing and `decodeFrame` with the platform's codec, and a bare insert of each
// position's row into the platform's `positions` table in batches shaped by the platform's own
// GroupCommit (2,000 rows or 4 ms, two in flight), committed with synchronous=NORMAL and the WAL
// fdatasynced off the event loop before any ack goes out — the durability the platform gives.
// No latest position, no last-seen time, no classification, no live feed, no metrics.
// Run as a child process with the server's Node.js flags; the parent sends { dataDir } and gets
// { port }.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { jt808Fix } from '../../src/gateway/jt808-session.ts';
import { newId } from '../../src/ids.ts';
import { type Completion, GroupCommit } from '../../src/ingest/group-commit.ts';
import {
  decodeFrame,
  encodeGeneralResponse,
  encodeRegisterResponse,
  Jt808Framer,
  Jt808GeneralResult,
  Jt808RegisterResult,
} from '../../src/protocols/jt808/index.ts';
import type { Jt808Header } from '../../src/protocols/jt808/types.ts';
import { adapterFor, migrate, openStore } from '../../src/store/database.ts';
import { walSyncer } from '../../src/store/dialect/wal-sync.ts';

type Row = [string, number, number, number, number, number, number, number, number, number, string];

const INSERT =
  'insert into positions (device_id, time, server_time, lat, lon, speed, course, altitude, valid, flags, ' +
  'attributes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (device_id, time) do nothing';

/** One connection: its acks waiting for the end of a commit. */
class Connection {
  serial = 0;
  deviceId = '';
  acks: Uint8Array[] = [];
  constructor(readonly socket: net.Socket) {}
}

/** A location waiting for its commit. */
class Pending implements Completion {
  constructor(
    readonly connection: Connection,
    readonly header: Jt808Header,
  ) {}
  resolve(): void {
    const c = this.connection;
    c.serial = (c.serial + 1) & 0xffff;
    if (c.acks.length === 0) dirty.push(c);
    c.acks.push(encodeGeneralResponse(this.header, c.serial, Jt808GeneralResult.ok));
    if (!flushScheduled) {
      flushScheduled = true;
      queueMicrotask(flushAcks);
    }
  }
  reject(): void {
    this.connection.socket.destroy();
  }
}

let dirty: Connection[] = [];
let flushScheduled = false;
function flushAcks(): void {
  flushScheduled = false;
  const list = dirty;
  dirty = [];
  for (const c of list) {
    const acks = c.acks;
    c.acks = [];
    if (!c.socket.destroyed)
      c.socket.write(acks.length === 1 ? (acks[0] as Uint8Array) : Buffer.concat(acks));
  }
}

async function start(dataDir: string): Promise<number> {
  // The platform's schema, made by its migrations; then the bare handle.
  const store = openStore(adapterFor({ dataDir }));
  await migrate(store);
  await store.close();
  const file = path.join(dataDir, 'zhongshu.db');
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('wal_autocheckpoint = 10000');
  database.pragma('cache_size = -65536');
  const wal = walSyncer(file);
  const insert = database.prepare(INSERT);
  const begin = database.prepare('begin');
  const commit = database.prepare('commit');
  const writer = new GroupCommit<Row>(
    async (rows) => {
      begin.run();
      for (const r of rows) insert.run(r);
      commit.run();
      await wal.sync();
    },
    { maxItems: 2000, maxDelayMs: 4, maxInFlight: 2 },
  );
  const ids = new Map<string, string>();

  const server = net.createServer({ noDelay: true }, (socket) => {
    const connection = new Connection(socket);
    const framer = new Jt808Framer();
    socket.on('data', (chunk: Buffer) => {
      for (const result of framer.push(chunk)) {
        if (!result.ok) continue;
        const decoded = decodeFrame(result.frame);
        if (!decoded.ok) continue;
        const m = decoded.message;
        if (m.kind === 'location') {
          const fix = jt808Fix(m.location);
          const row: Row = [
            connection.deviceId,
            fix.time,
            Date.now(),
            fix.lat,
            fix.lon,
            fix.speedKmh,
            fix.course,
            fix.altitude,
            fix.valid ? 1 : 0,
            0,
            JSON.stringify(fix.attributes),
          ];
          writer.enqueue([row], new Pending(connection, m.header));
          continue;
        }
        connection.serial = (connection.serial + 1) & 0xffff;
        if (m.kind === 'register') {
          const phone = m.header.phone;
          const id = ids.get(phone) ?? newId();
          ids.set(phone, id);
          connection.deviceId = id;
          socket.write(encodeRegisterResponse(m.header, connection.serial, Jt808RegisterResult.ok, 'FLOOR'));
        } else socket.write(encodeGeneralResponse(m.header, connection.serial, Jt808GeneralResult.ok));
      }
    });
    socket.on('error', () => socket.destroy());
  });
  server.maxConnections = 100_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.on('disconnect', () => {
    database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
  return (server.address() as net.AddressInfo).port;
}

process.once('message', (message: { dataDir: string }) => {
  start(message.dataDir).then(
    (port) => process.send?.({ port }),
    (error: Error) => process.send?.({ error: error.stack ?? error.message }),
  );
});
