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

const fdatasync = promisify(fs.fdatasync);
const fsync = promisify(fs.fsync);
const open = promisify(fs.open);

/** Syncs `file`-wal: `sync()` resolves once an fsync that started after the call has completed. */
export interface WalSyncer {
  sync(): Promise<void>;
  /** Closes the WAL's descriptor, after the last sync (at database close). */
  close(): Promise<void>;
}

export function walSyncer(file: string): WalSyncer {
  const wal = `${file}-wal`;
  let fd: number | undefined;
  let running: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;

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
    await fdatasync(fd);
  }

  return {
    sync() {
      // A sync not yet started will start after this caller's COMMIT: share it.
      if (queued) return queued;
      const next = running.then(() => {
        queued = undefined;
        return syncOnce();
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
