// A per-process cache of the reference data every request reads: sessions, users, units and
// categories. An order action used to read the same unit rows a dozen times and the whole
// category dictionary twice; these tables change a few times a day.
//
// Rules: every write through a repository invalidates its table at once, and for a settling
// time after it nothing is cached: a read racing a transaction that has not committed yet cannot
// keep the old row, and a transaction that wrote cannot keep its own uncommitted (perhaps later
// rolled back) rows. So reads inside transactions are served and kept like any other. Entries
// live READ_CACHE_TTL_MS at most, which bounds what another server process's change takes to be
// seen here.
import type { Db } from './database.ts';
import { auditedTransaction } from './request-audit.ts';

export type CachedTable = 'sessions' | 'users' | 'units' | 'categories';

/** How long an entry may serve; also how long a change made by another process may take to show. */
export const READ_CACHE_TTL_MS = 5_000;
/** After a write, nothing is cached for this long: the write's transaction commits within it. */
const SETTLE_MS = 2_000;
const MAX_ENTRIES = 10_000;

interface Table {
  generation: number;
  settledAt: number;
  entries: Map<string, { value: unknown; expires: number }>;
}

// Keyed by the query executor's adapter, which a database and its transactions share (and two
// databases opened in one process, as tests do, do not).
const caches = new WeakMap<object, Map<CachedTable, Table>>();
/** Tables each open transaction has written: what it reads of them may be rolled back, never kept. */
const writtenIn = new WeakMap<object, Set<CachedTable>>();

function tableOf(db: Db, name: CachedTable): Table {
  const key = db.getExecutor().adapter;
  let tables = caches.get(key);
  if (!tables) {
    tables = new Map();
    caches.set(key, tables);
  }
  let table = tables.get(name);
  if (!table) {
    table = { generation: 0, settledAt: 0, entries: new Map() };
    tables.set(name, table);
  }
  return table;
}

/** The cached value for `key`, or what `load` reads (kept when it is safe to keep). */
export async function cachedRead<T>(
  db: Db,
  name: CachedTable,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  const table = tableOf(db, name);
  const now = Date.now();
  const hit = table.entries.get(key);
  if (hit && hit.expires > now) return hit.value as T;
  const generation = table.generation;
  // Frozen whether kept or not, so that a caller modifying one fails every time, not only on a hit.
  const value = frozen(await load());
  // Absent rows are not kept, so that inserting one needs no invalidation (a new session).
  const ownWrite = db.isTransaction && writtenIn.get(db)?.has(name) === true;
  if (value !== undefined && !ownWrite && table.generation === generation && now >= table.settledAt) {
    if (table.entries.size >= MAX_ENTRIES) table.entries.clear();
    table.entries.set(key, { value, expires: now + READ_CACHE_TTL_MS });
  }
  return value;
}

/** Shared between requests from now on: a caller that tried to modify one would throw, not corrupt it. */
function frozen<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Deep: a polygon, a time limit or extra fields are shared as much as the record holding them.
    for (const inner of Object.values(value)) frozen(inner);
  }
  return value;
}

/** Entries of one table that are computed from another too: user lists are scoped by units' paths. */
const DEPENDENTS: Partial<Record<CachedTable, CachedTable[]>> = { units: ['users'] };

/** Forgets a table's entries (and its dependents'); every repository write to a cached table calls it. */
export function invalidateReads(db: Db, name: CachedTable): void {
  for (const each of [name, ...(DEPENDENTS[name] ?? [])]) {
    if (db.isTransaction) {
      const written = writtenIn.get(db) ?? new Set<CachedTable>();
      written.add(each);
      writtenIn.set(db, written);
    }
    const table = tableOf(db, each);
    table.generation++;
    table.settledAt = Date.now() + SETTLE_MS;
    table.entries.clear();
  }
}

/**
 * The transaction of a change: every service writes its change through it. It also writes the
 * audit record of the request it serves, in the same transaction (request-audit.ts). The cached
 * `tables` it writes are invalidated at once by their repositories, and again once it has ended
 * (committed or rolled back), because on PostgreSQL another request may have read and kept the
 * old rows in the meantime.
 */
export async function writeTransaction<T>(
  db: Db,
  tables: readonly CachedTable[],
  work: (trx: Db) => Promise<T>,
): Promise<T> {
  try {
    return await auditedTransaction(db, work);
  } finally {
    for (const table of tables) invalidateReads(db, table);
  }
}
