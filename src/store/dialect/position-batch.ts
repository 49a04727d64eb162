// The write of one group commit of positions (history rows, latest rows, device last-seen times),
// done the fastest way each dialect allows. Both writers run inside the caller's transaction and
// behave as the portable Kysely path in positions.repository.ts does: duplicates (device, time)
// skipped, latest positions never moved backwards, last-seen times never moved backwards.
import type { Kysely } from 'kysely';
import type { Database, PositionTable } from '../schema.ts';

/** What one group commit writes. `latest` holds at most one row per device. */
export interface PositionBatch {
  rows: readonly PositionTable[];
  latest: readonly PositionTable[];
  /** Device id → the newest server time it was heard at. */
  seen: ReadonlyMap<string, number>;
}

/** Writes a batch with `trx`, the transaction the caller opened. */
export type PositionBatchWriter = (trx: Kysely<Database>, batch: PositionBatch) => Promise<void>;

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

const writers = new WeakMap<Kysely<Database>, PositionBatchWriter>();

/** Called by a dialect adapter for the Kysely instance it creates. */
export function registerPositionBatchWriter(db: Kysely<Database>, writer: PositionBatchWriter): void {
  writers.set(db, writer);
}

/** The dialect's batch writer for a database opened through an adapter, if it registered one. */
export function positionBatchWriterOf(db: Kysely<Database>): PositionBatchWriter | undefined {
  return writers.get(db);
}
