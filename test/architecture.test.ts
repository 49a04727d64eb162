import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';

// The layering rules of docs/ARCHITECTURE.md, checked on the imports as written.

const ROOT = path.resolve(import.meta.dirname, '..');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(path.join(ROOT, dir))) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) sources(rel, out);
    else if (/\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

/** Every import of a file: its target, resolved for relative specifiers, and whether it is type-only. */
function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const found: { target: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gms)) {
    const spec = m[2] ?? '';
    const target = spec.startsWith('.') ? path.normalize(path.join(path.dirname(file), spec)) : spec;
    found.push({ target, typeOnly: Boolean(m[1]) });
  }
  for (const m of text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
    found.push({ target: path.normalize(path.join(path.dirname(file), m[1] ?? '')), typeOnly: false });
  }
  return found;
}

const ALL = ['src', 'test', 'bench', 'web/src'].flatMap((d) => sources(d));

it('reaches a service feature only through its index.ts from outside the feature', () => {
  const offences: string[] = [];
  for (const file of ALL) {
    for (const { target } of importsOf(file)) {
      const m = /^src\/services\/([^/]+)\/(.+)$/.exec(target);
      if (!m || m[2] === 'index.ts') continue;
      if (!file.startsWith(`src/services/${m[1]}/`)) offences.push(`${file} → ${target}`);
    }
  }
  assert.deepEqual(offences, []);
});

it('keeps routes thin: no route imports the store', () => {
  const offences = sources('src/http/routes').flatMap((file) =>
    importsOf(file)
      .filter(({ target }) => target.startsWith('src/store/'))
      .map(({ target }) => `${file} → ${target}`),
  );
  assert.deepEqual(offences, []);
});

it('keeps the domain pure: no framework, driver, socket or file-system import', () => {
  const forbidden = /^(fastify|@fastify\/|kysely|pg|better-sqlite3|ws|mqtt|node:(net|fs|http|dgram))/;
  const offences = sources('src/domain').flatMap((file) =>
    importsOf(file)
      .filter(({ target }) => forbidden.test(target) || /^src\/(store|services|http|gateway)\//.test(target))
      .map(({ target }) => `${file} → ${target}`),
  );
  assert.deepEqual(offences, []);
});

it('keeps the error catalogue a leaf', () => {
  assert.deepEqual(importsOf('src/errors/catalogue.ts'), []);
});

it('has no import cycle in src/', () => {
  const files = sources('src').filter((f) => !f.endsWith('.test.ts'));
  const graph = new Map(files.map((f) => [f, importsOf(f).map((i) => i.target)]));
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const next of graph.get(f) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  assert.deepEqual(cycles, []);
});
