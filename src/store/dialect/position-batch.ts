// The write of one group commit of positions (history rows, latest rows, device last-seen times),
// done the fastest way each dialect allows. SQLite's runs inside the caller's transaction,
// PostgreSQL's commits a transaction of its own on a connection it holds; both behave as the
// portable Kysely path in positions.repository.ts does: duplicates (device, time) skipped, latest
// positions never moved backwards, last-seen times never moved backwards.
import type { Kysely } from 'kysely';
import type { Database, PositionTable } from '../schema.ts';

/** What one group commit writes. `latest` holds at most one row per device. */
export interface PositionBatch {
  rows: readonly PositionTable[];
  latest: readonly PositionTable[];
  /** Device id → the newest server time it was heard at. */
  seen: ReadonlyMap<string, number>;
}

/**
 * Writes a batch with `trx`: the transaction the caller opened, or the database for a writer that
 * joins a transaction of its own (`ownTransaction`) and resolves once that one is committed.
 */
export type PositionBatchWriter = ((trx: Kysely<Database>, batch: PositionBatch) => Promise<void>) & {
  readonly ownTransaction?: boolean;
};

/** The columns of `positions` and `latest_positions`, in the order the writers bind them. */
export const POSITION_COLUMNS = [
  'device_id',
  'time',
  'server_time',
  'lat',
  'lon',
  'speed',
  'course',
  'altitude',
  'valid',
  'flags',
  'attributes',
] as const satisfies readonly (keyof PositionTable)[];

/**
 * A registered writer; `atomic`: it is given the database rather than a transaction, because it
 * commits a transaction of its own (PostgreSQL's) or joins one of its own (SQLite's group commit).
 */
export interface RegisteredPositionBatchWriter {
  write: PositionBatchWriter;
  atomic: boolean;
}

const writers = new WeakMap<Kysely<Database>, RegisteredPositionBatchWriter>();

/**
 * Called by a dialect adapter for the Kysely instance it creates. An `atomic` writer is given
 * the database itself rather than a transaction: PostgreSQL's sends its BEGIN in the same round
 * trip as its COPY, which a Kysely transaction cannot do.
 */
export function registerPositionBatchWriter(
  db: Kysely<Database>,
  writer: PositionBatchWriter,
  options: { atomic?: boolean } = {},
): void {
  writers.set(db, { write: writer, atomic: options.atomic === true || writer.ownTransaction === true });
}

/** The dialect's batch writer for a database opened through an adapter, if it registered one. */
export function positionBatchWriterOf(db: Kysely<Database>): PositionBatchWriter | undefined {
  return writers.get(db)?.write;
}

/** The dialect's batch writer with how it must be called, if it registered one. */
export function registeredPositionBatchWriterOf(
  db: Kysely<Database>,
): RegisteredPositionBatchWriter | undefined {
  return writers.get(db);
}
