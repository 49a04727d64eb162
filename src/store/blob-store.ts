import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

const SHA256_HEX = /^[0-9a-f]{64}$/;
const TEMP_SUFFIX = '.tmp';
/** Older than this, a temporary file is a crash's leftover, not another process's write in progress. */
const STALE_TEMP_MS = 60 * 60_000;

/** The result of storing bytes: their digest and whether this call wrote the file. */
export interface PutResult {
  sha256: string;
  created: boolean;
}

/**
 * Files named by the SHA-256 of their content, under `<root>/<aa>/<bb>/<sha256>`: identical
 * bytes are stored once, a name never changes meaning, and two levels of fan-out keep any
 * one directory small. Paths are built only from hex digests, never from client input.
 */
export class BlobStore {
  constructor(readonly root: string) {}

  /** The file for a digest; throws on anything but 64 hex digits. */
  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256.slice(0, 80)}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /**
   * Stores the bytes under their digest unless a file already has it. They go to a temporary
   * file in the target directory, are flushed to disk, then renamed into place (and the
   * directory flushed), so the final name only ever holds the complete content, even after a
   * crash or power cut.
   */
  async put(bytes: Uint8Array): Promise<PutResult> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if ((await this.size(sha256)) !== undefined) return { sha256, created: false };
    const dir = path.dirname(target);
    await fsp.mkdir(dir, { recursive: true });
    await removeStaleTemps(dir);
    const temp = path.join(dir, `.${sha256}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
    try {
      const handle = await fsp.open(temp, 'wx', 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      // Two identical uploads may race to here: rename replaces atomically with the same bytes.
      await fsp.rename(temp, target);
    } catch (error) {
      await fsp.rm(temp, { force: true });
      throw error;
    }
    await syncDirectory(dir);
    return { sha256, created: true };
  }

  /** The file's size in bytes, or undefined when it is not stored. */
  async size(sha256: string): Promise<number | undefined> {
    try {
      return (await fsp.stat(this.pathOf(sha256))).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** A read stream over the stored file (check `size` first: a missing file errors on the stream). */
  read(sha256: string): Readable {
    return fs.createReadStream(this.pathOf(sha256));
  }

  /** Deletes the file; a missing one is not an error. */
  async remove(sha256: string): Promise<void> {
    await fsp.rm(this.pathOf(sha256), { force: true });
  }
}

/** Makes a rename durable: on Linux the new directory entry survives a crash only once the directory is synced. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch {
    // Some file systems (and Windows) refuse to sync a directory; the file itself is already synced.
  } finally {
    await handle?.close();
  }
}

/** Clears temporary files a crash left in this directory; recent ones may be another process's write. */
async function removeStaleTemps(dir: string): Promise<void> {
  const cutoff = Date.now() - STALE_TEMP_MS;
  for (const name of await fsp.readdir(dir)) {
    if (!name.endsWith(TEMP_SUFFIX)) continue;
    const file = path.join(dir, name);
    const stat = await fsp.stat(file).catch(() => undefined);
    if (stat && stat.mtimeMs < cutoff) await fsp.rm(file, { force: true });
  }
}
