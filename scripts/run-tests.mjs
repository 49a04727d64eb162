#!/usr/bin/env node
// Runs every *.test.ts (unit tests beside the code in src/ and web/src/, integration tests in test/) with
// node's test runner through tsx, two files at a time (this machine has 2 cores).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) find(full, out);
    else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const filter = process.argv.slice(2);
const files = ['src', 'test', 'web/src']
  .flatMap((d) => find(d))
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// The browser tests serve web/dist: build it once here, before two of them could start at once.
if (files.some((f) => readFileSync(f, 'utf8').includes('ensureConsoleBuilt('))) {
  const built = spawnSync(process.execPath, [path.join(import.meta.dirname, 'ensure-web.mjs')], {
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: process.env },
);
process.exit(result.status ?? 1);
