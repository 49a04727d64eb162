import type { Db } from './database.ts';

/**
 * Runs `work` in a transaction: the caller's, when `db` already is one (a seed that runs many
 * service calls in one), else a new one. Kysely does not nest transactions.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
