// The storage floor of the ingest benchmark: the platform's own position batch write
// (commitPositionBatch, the dialect's fast writer, its transaction and its fsync) run back to back
// in this process on a database of its own, with batches shaped as the measured run's commits were
// (the same devices, the same positions a commit, a window of reports per device, fixes decoded
// from the flood's own frames). No
// sockets, no framing, no acks: the positions a second that storage alone allows on this machine.
// It runs in a child process started with the server's own Node.js flags (`inChild`), so that its
// garbage collection is the server's, not the load generator's.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Fix } from '../../src/domain/positions/fix.ts';
import { jt808Fix } from '../../src/gateway/jt808-session.ts';
import { newId } from '../../src/ids.ts';
import { decodeFrame, Jt808Framer } from '../../src/protocols/jt808/index.ts';
import { type FloodFrameBuilder, floodFix, floodFrames } from '../../src/sim/flood-frames.ts';
import { adapterFor, migrate, openStore } from '../../src/store/database.ts';
import { insertDevice } from '../../src/store/devices.repository.ts';
import { commitPositionBatch, type StoredPosition } from '../../src/store/positions.repository.ts';
import { insertUnit } from '../../src/store/units.repository.ts';
import { createTestDatabase } from '../../test/helpers/dialects.ts';
import { SERVER_NODE_FLAGS } from '../../test/helpers/server-process.ts';
import { cpuSecondsOf } from './measure.ts';

export interface StorageFloor {
  positionsPerSecond: number;
  /** CPU of this process a position (the driver's side), µs. */
  clientMicros: number;
  /** CPU of the database server's backends a position (PostgreSQL only), µs. */
  databaseMicros: number | undefined;
}

/**
 * Writes batches of `perCommit` positions spread over `devices` devices for `seconds`, with as
 * many batches in flight as the server allows on this dialect (SQLite 2, PostgreSQL 1).
 */
export interface StorageFloorOptions {
  db: 'sqlite' | 'postgres';
  devices: number;
  perCommit: number;
  /** Consecutive reports of one device in a batch: the flood's window. */
  perDevice: number;
  seconds: number;
  baseTime: number;
}

/** `storageFloor` in a child process with the server's Node.js flags. */
export function storageFloorInChild(opts: StorageFloorOptions): Promise<StorageFloor> {
  const child = fork(import.meta.filename, [], {
    execArgv: [...SERVER_NODE_FLAGS, '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { result?: StorageFloor; error?: string }) => {
      if (m.result) resolve(m.result);
      else reject(new Error(`storage floor: ${m.error}`));
      child.disconnect();
    });
    child.once('exit', (code) => reject(new Error(`storage floor child exited (${code}) without a result`)));
    child.send(opts);
  });
}

if (process.send) {
  process.once('message', (opts: StorageFloorOptions) => {
    storageFloor(opts).then(
      (result) => process.send?.({ result }, () => process.exit(0)),
      (error: Error) => process.send?.({ error: error.stack ?? error.message }, () => process.exit(1)),
    );
  });
}

export async function storageFloor(opts: StorageFloorOptions): Promise<StorageFloor> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zs-floor-'));
  const database = opts.db === 'postgres' ? await createTestDatabase() : undefined;
  const store = openStore(adapterFor({ dataDir, databaseUrl: database?.url }));
  try {
    await migrate(store);
    const db = store.db;
    const now = Date.now();
    const unitId = newId();
    await insertUnit(db, {
      id: unitId,
      kind: 'subdistrict',
      parentId: null,
      path: `/${unitId}/`,
      code: 'FLOOR',
      name: 'floor',
      polygon: null,
      createdAt: now,
      updatedAt: now,
    });
    const ids: string[] = [];
    const builders: FloodFrameBuilder[] = [];
    for (let i = 0; i < opts.devices; i++) {
      const phone = String(13_600_000_001 + i);
      const id = newId();
      ids.push(id);
      builders.push(floodFrames(phone, i, opts.baseTime));
      await insertDevice(db, {
        id,
        name: `floor ${i}`,
        protocol: 'jt808',
        identifier: phone,
        assetId: null,
        unitId,
        authCode: null,
        offlineAfterS: 300,
        lastSeenAt: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    // Each device's fix decoded once from the flood's own first frame; later fixes move on as the
    // flood's do (floodFix), so that building a batch costs next to nothing beside the write.
    const framer = new Jt808Framer();
    const templates: Fix[] = builders.map((build) => {
      const [framed] = framer.push(build(0, 1));
      const decoded = framed?.ok ? decodeFrame(framed.frame) : undefined;
      if (!decoded?.ok || decoded.message.kind !== 'location') throw new Error('flood frame did not decode');
      return jt808Fix(decoded.message.location);
    });
    const seq = new Array<number>(opts.devices).fill(0);
    let device = 0;
    /**
     * The next batch: `perDevice` consecutive reports of one device, then the next device's, as
     * the flood's arrive (a terminal gets the acks of its whole window from one commit and sends
     * its next window at once). That is the lightest shape for the latest-position and last-seen
     * writes, so the floor errs high, never low.
     */
    const nextBatch = () => {
      const rows: StoredPosition[] = [];
      const latest = new Map<string, StoredPosition>();
      const seen = new Map<string, number>();
      const serverTime = Date.now();
      for (let k = 0; k < opts.perCommit; k++) {
        const i = device;
        if ((k + 1) % opts.perDevice === 0) device = (device + 1) % opts.devices;
        const n = seq[i] ?? 0;
        seq[i] = n + 1;
        const fix = templates[i] as Fix;
        const moved = floodFix(opts.baseTime, i, n);
        const p: StoredPosition = {
          deviceId: ids[i] as string,
          time: moved.time,
          serverTime,
          lat: fix.lat,
          lon: Math.round(moved.lon * 1e6) / 1e6,
          speed: fix.speedKmh,
          course: fix.course,
          altitude: fix.altitude,
          valid: fix.valid,
          flags: 0,
          attributes: fix.attributes,
        };
        rows.push(p);
        latest.set(p.deviceId, p);
        seen.set(p.deviceId, serverTime);
      }
      return { rows, latest: [...latest.values()], seen };
    };
    let counting = false;
    let counted = 0;
    // Warm-up of one second, then the measured part.
    const deadline = Date.now() + 1000 + opts.seconds * 1000;
    const lane = async () => {
      while (Date.now() < deadline) {
        const b = nextBatch();
        await commitPositionBatch(db, b.rows, b.latest, b.seen);
        if (counting) counted += b.rows.length;
      }
    };
    const lanes = Array.from({ length: opts.db === 'sqlite' ? 2 : 1 }, lane);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // Looked up after the warm-up, so that the connection the lane writes on is among them.
    const backends =
      opts.db === 'postgres'
        ? (
            await sql<{
              pid: number;
            }>`select pid from pg_stat_activity where datname = current_database()`.execute(db)
          ).rows.map((r) => r.pid)
        : [];
    const dbCpu = () => backends.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
    counting = true;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const d0 = dbCpu();
    await Promise.all(lanes);
    const seconds = (performance.now() - t0) / 1000;
    const used = process.cpuUsage(c0);
    const dbSeconds = dbCpu() - d0;
    return {
      positionsPerSecond: counted / seconds,
      clientMicros: (used.user + used.system) / counted,
      databaseMicros: opts.db === 'postgres' ? (dbSeconds / counted) * 1e6 : undefined,
    };
  } finally {
    await store.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
