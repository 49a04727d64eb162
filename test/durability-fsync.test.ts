// A test that notices a missing or late WAL fsync. Killing the server cannot: the page cache
// survives a killed process, so rows written but never synced still come back. Here the
// fdatasync of the WAL is recorded instead: when it is called, the WAL's length is noted (what
// was written before the call is on disk once it returns), and the length counts as durable only
// once the call has returned. Every 0x8001 the server writes is stamped with the durable length
// at that moment; afterwards the WAL is cut to that length, as a power loss then would have left
// it, and the acknowledged position must be in it. Remove the fdatasync, or acknowledge before it
// returns, and positions are missing from the cut WAL. SQLite only: PostgreSQL syncs its own WAL.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { buildApp } from '../src/app.ts';
import { startGateways } from '../src/gateway/index.ts';
import {
  decodeFrame,
  encodeAuth,
  encodeLocationReport,
  encodeRegister,
  Jt808Framer,
} from '../src/protocols/jt808/index.ts';
import { migrate, openStore } from '../src/store/database.ts';
import { sqliteAdapter } from '../src/store/dialect/sqlite.ts';
import { walSyncer } from '../src/store/dialect/wal-sync.ts';
import { loginAs, seedFixtureOrg, TestClock, testConfig } from './helpers/app.ts';
import { connectTerminal } from './helpers/jt808-terminal.ts';

const PHONES = ['013955500001', '013955500002', '013955500003'];
const REPORTS = 60;
const WAVE = 12;
/** SQLite checkpoints past this many WAL frames (src/store/dialect/sqlite.ts); the cut WAL needs none. */
const AUTOCHECKPOINT_FRAMES = 10_000;
const WAL_HEADER = 32;
const WAL_FRAME_HEADER = 24;

/** A 0x8001 as the server wrote it, with the WAL length on disk at that moment. */
interface SentAck {
  phone: string;
  replySerial: number;
  result: number;
  durable: number;
}

it('acknowledges a JT/T 808 position only once the WAL holding it has been fdatasynced', {
  timeout: 60_000,
}, async (t) => {
  const dir = fs.mkdtempSync(path.join(tmpdir(), 'zs-fsync-'));
  const file = path.join(dir, 'z.db');
  const fdatasync = promisify(fs.fdatasync);
  let durable = 0;
  let syncs = 0;
  let header: Buffer | undefined;
  const syncer = (db: string) =>
    walSyncer(db, {
      async fdatasync(fd) {
        const length = fs.fstatSync(fd).size;
        const first = Buffer.alloc(WAL_HEADER);
        fs.readSync(fd, first, 0, WAL_HEADER, 0);
        // A restarted WAL (after a checkpoint) would make a cut of today's file meaningless.
        header ??= first;
        assert.ok(first.equals(header), 'the WAL was restarted during the test');
        await fdatasync(fd);
        syncs++;
        durable = Math.max(durable, length);
      },
    });
  const failures: Error[] = [];
  const store = openStore(sqliteAdapter(file, { syncer, onDiskFailure: (error) => failures.push(error) }));
  await migrate(store);
  const clock = new TestClock();
  const org = await seedFixtureOrg(store, clock.now);
  const app = await buildApp(testConfig(), { store, now: clock.now, logger: false });
  const gateways = await startGateways(app.platform, app.log, { jt808: 0, gt06: 0, osmand: 0 });
  const port = gateways.jt808.port;

  // Every 0x8001 the server writes, stamped as it is written (not as the terminal reads it: a
  // sync completing in between would hide an acknowledgement sent before it).
  const sent: SentAck[] = [];
  const write = net.Socket.prototype.write;
  net.Socket.prototype.write = function (this: net.Socket, chunk: unknown, ...rest: unknown[]) {
    if (this.localPort === port && chunk instanceof Uint8Array) {
      for (const f of new Jt808Framer().push(Buffer.from(chunk))) {
        const d = f.ok ? decodeFrame(f.frame) : undefined;
        if (d?.ok && d.message.kind === 'unsupported' && d.message.msgId === 0x8001) {
          const body = Buffer.from(d.message.body);
          if (body.readUInt16BE(2) !== 0x0200) continue;
          const phone = d.message.header.phone;
          sent.push({ phone, replySerial: body.readUInt16BE(0), result: body.readUInt8(4), durable });
        }
      }
    }
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof write;
  t.after(async () => {
    net.Socket.prototype.write = write;
    await gateways.close();
    await app.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const op = await loginAs(app, 'operator');
  const ids = new Map<string, string>();
  for (const phone of PHONES) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: op,
      payload: { name: `F${phone}`, protocol: 'jt808', identifier: phone, unitId: org.dept.id },
    });
    assert.equal(res.statusCode, 201, res.body);
    ids.set(phone, res.json().id);
  }

  // Each terminal registers, authenticates, then reports in waves: several group commits, with
  // the terminals' reports sharing them.
  const t0 = Date.parse('2026-03-02T02:00:00Z');
  const timeOf = (serial: number) => t0 + (serial - 3) * 1000;
  await Promise.all(
    PHONES.map(async (phone, n) => {
      const terminal = await connectTerminal(port);
      const head = (serial: number) => ({ edition: '2013' as const, phone, serial });
      terminal.send(
        encodeRegister(head(1), {
          province: 32,
          city: 508,
          makerId: 'ZS001',
          model: 'BOAT-GPS',
          terminalId: `T${n}`,
          plateColor: 0,
          plate: `苏E·${n}`,
        }),
      );
      const [registered] = await terminal.waitFor(1);
      terminal.send(encodeAuth(head(2), { code: registered?.authCode ?? '' }));
      assert.equal((await terminal.waitFor(2))[1]?.result, 0);
      for (let sent = 0; sent < REPORTS; ) {
        for (let i = 0; i < WAVE && sent < REPORTS; i++, sent++) {
          const serial = 3 + sent;
          terminal.send(
            encodeLocationReport(head(serial), {
              lat: 31.3 + n * 0.01,
              lon: 120.8 + sent * 0.0001,
              time: timeOf(serial),
              status: { fixed: true },
            }),
          );
        }
        await terminal.waitFor(2 + sent);
      }
      terminal.close();
    }),
  );
  assert.equal(sent.length, PHONES.length * REPORTS);
  assert.ok(sent.every((a) => a.result === 0));
  assert.deepEqual(failures, []);

  // The WAL as it is now, before closing (the last connection's close checkpoints and deletes it).
  const wal = fs.readFileSync(`${file}-wal`);
  const db = fs.readFileSync(file);
  const pageSize = wal.readUInt32BE(8);
  assert.ok(
    wal.length < WAL_HEADER + AUTOCHECKPOINT_FRAMES * (WAL_FRAME_HEADER + pageSize),
    'no checkpoint ran',
  );

  // Cut the WAL at each durable length an acknowledgement was sent at; its positions must be there.
  const missing: string[] = [];
  const byLength = new Map<number, SentAck[]>();
  for (const a of sent) byLength.set(a.durable, [...(byLength.get(a.durable) ?? []), a]);
  const cut = path.join(dir, 'cut');
  fs.mkdirSync(cut);
  for (const [length, acks] of byLength) {
    const copy = path.join(cut, `at-${length}.db`);
    fs.writeFileSync(copy, db);
    fs.writeFileSync(`${copy}-wal`, wal.subarray(0, length));
    const reader = new SQLite(copy);
    try {
      const find = reader.prepare('select 1 from positions where device_id = ? and time = ?');
      for (const a of acks) {
        if (!find.get(ids.get(a.phone), timeOf(a.replySerial))) missing.push(`${a.phone}#${a.replySerial}`);
      }
    } catch (error) {
      // Nothing synced at all: the cut WAL does not even hold the tables.
      for (const a of acks) missing.push(`${a.phone}#${a.replySerial} (${(error as Error).message})`);
    } finally {
      reader.close();
    }
  }
  assert.deepEqual(
    missing.slice(0, 5),
    [],
    `${missing.length} of ${sent.length} positions acknowledged before the fdatasync of their WAL returned`,
  );
  t.diagnostic(
    `${sent.length} acknowledgements over ${byLength.size} durable WAL lengths, ${syncs} fdatasyncs`,
  );
});
