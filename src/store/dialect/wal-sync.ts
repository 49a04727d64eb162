// fsync of SQLite's write-ahead log off the event loop. With synchronous=FULL SQLite fsyncs the
// WAL inside COMMIT, and better-sqlite3 runs COMMIT on the event loop: every request and device
// connection stalls for the length of an fsync (milliseconds on a busy disk). With
// synchronous=NORMAL, COMMIT only writes the WAL; we then fsync the WAL file from libuv's thread
// pool and tell callers "committed" only after that fsync, which began after their COMMIT. That
// is the durability FULL gives (the commit frame is on disk before anyone is told), while the
// event loop goes on staging the next batch. Checkpoints stay safe under NORMAL: SQLite syncs
// the WAL before copying it into the database file and the database file after.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const fsync = promisify(fs.fsync);
const open = promisify(fs.open);

/**
 * Syncs `file`-wal: `sync()` resolves once an fsync that started after the call has completed.
 * After one sync has failed, every later one fails too: on Linux a failed fsync may have dropped
 * the dirty pages it could not write, and a later fsync then succeeds over the hole they left
 * ("fsyncgate"). Nothing synced after a failure can be trusted until the database is reopened.
 */
export interface WalSyncer {
  sync(): Promise<void>;
  /** Closes the WAL's descriptor, after the last sync (at database close). */
  close(): Promise<void>;
}

/** The system call behind `sync()`; tests pass one that records what each call made durable. */
export interface WalSyncIo {
  fdatasync(fd: number): Promise<void>;
}

const SYSTEM_IO: WalSyncIo = { fdatasync: promisify(fs.fdatasync) };

export function walSyncer(file: string, io: WalSyncIo = SYSTEM_IO): WalSyncer {
  const wal = `${file}-wal`;
  let fd: number | undefined;
  let running: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;
  let failed: Error | undefined;

  async function syncOnce(): Promise<void> {
    if (fd === undefined) {
      // The WAL exists from the first commit on and keeps its inode while the database is open
      // (checkpoints restart it in place). Its directory entry is made durable once, too.
      fd = await open(wal, 'r');
      const dir = await open(path.dirname(wal), 'r');
      try {
        await fsync(dir);
      } finally {
        fs.close(dir, () => {});
      }
    }
    await io.fdatasync(fd);
  }

  return {
    sync() {
      // A sync not yet started will start after this caller's COMMIT: share it.
      if (queued) return queued;
      const next = running.then(async () => {
        queued = undefined;
        if (failed) throw failed;
        try {
          await syncOnce();
        } catch (error) {
          failed = new Error(`fsync of ${wal} failed: ${(error as Error).message ?? error}`, {
            cause: error,
          });
          throw failed;
        }
      });
      queued = next;
      running = next.catch(() => {});
      return next;
    },
    async close() {
      await running;
      if (fd !== undefined) fs.close(fd, () => {});
      fd = undefined;
    },
  };
}
