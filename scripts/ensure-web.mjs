#!/usr/bin/env node
// Builds the console into web/dist when it is missing or older than its sources, so that
// `npm install && npm start` serves it on a fresh clone. A no-op when the build is current.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'web');
const built = path.join(web, 'dist', 'index.html');

/** Newest modification time under a folder of the console's sources (without dist). */
function newestSource(dir = web) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'dist' || name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    const stat = statSync(full);
    newest = Math.max(newest, stat.isDirectory() ? newestSource(full) : stat.mtimeMs);
  }
  return newest;
}

const packageLock = path.join(root, 'package-lock.json');

/** True when web/dist/index.html is newer than every source the console is built from. */
function isCurrent() {
  // The console imports the pure domain lists (roles, states, kinds) from src/domain too.
  const sources = Math.max(
    newestSource(),
    newestSource(path.join(root, 'src', 'domain')),
    existsSync(packageLock) ? statSync(packageLock).mtimeMs : 0,
  );
  return existsSync(built) && statSync(built).mtimeMs >= sources;
}

// Test files run two at a time and each makes sure the console is built. Vite empties web/dist
// before it writes, so a second build running beside a first would pull the files from under a
// server that has just listed them: builds take turns behind a lock folder (mkdir is atomic),
// and whoever gets it second finds the build current and does nothing.
const buildLock = path.join(web, '.dist-building');
/** A lock older than this was left by a build that died; vite takes well under a minute here. */
const STALE_LOCK_MS = 10 * 60 * 1000;
const pause = new Int32Array(new SharedArrayBuffer(4));

function takeLock() {
  for (;;) {
    try {
      mkdirSync(buildLock);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    try {
      if (Date.now() - statSync(buildLock).mtimeMs > STALE_LOCK_MS) {
        console.error('ensure-web: removing a stale build lock');
        rmSync(buildLock, { recursive: true, force: true });
        continue;
      }
    } catch {
      continue; // released between mkdir and stat
    }
    Atomics.wait(pause, 0, 0, 200);
  }
}

function ensureBuilt() {
  if (isCurrent()) return 0;
  if (!existsSync(path.join(root, 'node_modules', 'vite'))) {
    console.error(
      'ensure-web: web/dist is missing or stale and vite is not installed; run `npm install` first.',
    );
    return 1;
  }
  takeLock();
  try {
    if (isCurrent()) return 0;
    console.error('ensure-web: building the console (web/dist)…');
    const result = spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
    return result.status ?? 1;
  } finally {
    rmSync(buildLock, { recursive: true, force: true });
  }
}

process.exit(ensureBuilt());
