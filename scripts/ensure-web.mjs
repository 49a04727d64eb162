#!/usr/bin/env node
// Builds the console into web/dist when it is missing or older than its sources, so that
// `npm install && npm start` serves it on a fresh clone. A no-op when the build is current.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

const lock = path.join(root, 'package-lock.json');
// The console imports the pure domain lists (roles, states, kinds) from src/domain too.
const sources = Math.max(
  newestSource(),
  newestSource(path.join(root, 'src', 'domain')),
  existsSync(lock) ? statSync(lock).mtimeMs : 0,
);
if (existsSync(built) && statSync(built).mtimeMs >= sources) process.exit(0);

if (!existsSync(path.join(root, 'node_modules', 'vite'))) {
  console.error(
    'ensure-web: web/dist is missing or stale and vite is not installed; run `npm install` first.',
  );
  process.exit(1);
}
console.error('ensure-web: building the console (web/dist)…');
const result = spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
