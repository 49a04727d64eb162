// The audit record of a change is written in the transaction that makes the change: committed
// together or not at all, so no change is acknowledged (2xx) without its record being on disk.
// The HTTP layer opens a PendingAudit for each mutating request (src/http/plugins/audit.ts); the
// first write transaction that commits during that request (writeTransaction, read-cache.ts)
// writes it. Requests that write nothing, and refusals, are recorded after the response instead.
import { AsyncLocalStorage } from 'node:async_hooks';
import { type AuditRecord, insertAudits } from './audit.repository.ts';
import type { Db } from './database.ts';

/** A request's audit record, until a transaction of the request writes it. */
export class PendingAudit {
  /** `closed`: the request has ended; nothing may write the record any more. */
  state: 'pending' | 'writing' | 'written' | 'closed' = 'pending';
  /** What the change learnt inside its transaction that the record names (the id it created). */
  facts: AuditFacts = {};

  /** `record` builds the record when it is written (its `at` is then). */
  constructor(readonly record: () => AuditRecord) {}
}

/** What a change tells its audit record from inside its transaction. */
export interface AuditFacts {
  /** The record the change created, when the request's URL names none (Open311's POST). */
  target?: string;
  /** The Open311 API key the change was made with. */
  keyId?: string;
}

const current = new AsyncLocalStorage<PendingAudit>();

/**
 * Tells the current request's audit record what the change it is writing created; called inside
 * the change's transaction, before the record is written with it. Outside a request: nothing.
 */
export function noteAuditFacts(facts: AuditFacts): void {
  const pending = current.getStore();
  if (pending && pending.state !== 'closed') pending.facts = { ...pending.facts, ...facts };
}

/** Runs `fn`, and everything it starts, as the request whose audit record is `pending`. */
export function runWithPendingAudit<T>(pending: PendingAudit, fn: () => T): T {
  return current.run(pending, fn);
}

/**
 * A transaction that also writes the current request's audit record, when it is still unwritten
 * (the request's first change). If the transaction fails, the record stays pending.
 */
export async function auditedTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  const pending = current.getStore();
  // Inside a transaction of the caller's, whose commit this cannot see: that one's to record.
  if (pending?.state !== 'pending' || db.isTransaction) return inTransaction(db, work);
  // Claimed for the duration: a second transaction of the same request running meanwhile
  // must not write the record twice.
  pending.state = 'writing';
  try {
    const result = await db.transaction().execute(async (trx) => {
      const value = await work(trx);
      await insertAudits(trx, [pending.record()]);
      return value;
    });
    if (pending.state === 'writing') pending.state = 'written';
    return result;
  } catch (error) {
    if (pending.state === 'writing') pending.state = 'pending';
    throw error;
  }
}

/** `work` in a transaction: the caller's own when `db` already is one (seeding a world in one), else a new one. */
function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
