// Kysely builds an operation tree and compiles it to SQL at every call: for the few statements
// every order action runs (its row read, its update, its event, its audit record) that was a
// sizeable part of the action's CPU, for SQL text that is always the same. Here such a statement
// is compiled once per database and shape, and later calls bind their parameters to the same text.
import { type Compilable, CompiledQuery, type QueryResult } from 'kysely';
import type { Db } from './database.ts';

// Keyed by the query executor's adapter, which a database and its transactions share (SQLite and
// PostgreSQL compile to different text).
const texts = new WeakMap<object, Map<string, string>>();

/**
 * Every text kept here, of any database: the statements run on every action, which the
 * PostgreSQL adapter prepares once per connection under a name (dialect/postgres.ts).
 */
export const compiledTexts = new Set<string>();

function sameParameters(compiled: readonly unknown[], expected: readonly unknown[]): boolean {
  return compiled.length === expected.length && compiled.every((p, i) => Object.is(p, expected[i]));
}

/**
 * Runs the statement `build` makes, whose parameters are `parameters` in order, from SQL text
 * compiled once for `shape` (a name for everything that decides the text: the statement and its
 * columns). The first call checks that Kysely binds exactly `parameters`; if it does not (a
 * mistaken shape), the statement runs as built and nothing is kept, so a wrong key costs speed,
 * never correctness.
 */
export async function executeCompiled<R>(
  db: Db,
  shape: string,
  parameters: readonly unknown[],
  build: () => Compilable<R>,
): Promise<QueryResult<R>> {
  const adapter = db.getExecutor().adapter;
  let cache = texts.get(adapter);
  if (!cache) {
    cache = new Map();
    texts.set(adapter, cache);
  }
  // Kysely leaves undefined values out of the statement: such a call is not of the shape.
  if (parameters.includes(undefined)) return db.executeQuery<R>(build().compile());
  const text = cache.get(shape);
  if (text !== undefined) return db.executeQuery<R>(CompiledQuery.raw(text, [...parameters]));
  const compiled = build().compile();
  if (sameParameters(compiled.parameters, parameters)) {
    cache.set(shape, compiled.sql);
    compiledTexts.add(compiled.sql);
  }
  return db.executeQuery<R>(compiled);
}
