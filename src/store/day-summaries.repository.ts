import { localDateOf } from '../domain/fleet/index.ts';
import type { Db } from './database.ts';
import type { DaySummaryTable } from './schema.ts';

/** A stored day summary: the month report's figures and the day's whole view as JSON. */
export type DaySummaryRow = DaySummaryTable;

/** An asset's local date. */
export interface AssetDay {
  assetId: string;
  date: string;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

// Device-days that committed positions fell on, per database (keyed like the read cache, by
// the executor's adapter), waiting to be written as marks. The ingest only adds to a set here:
// no query and no await per fix.
const pending = new WeakMap<object, Map<string, Set<number>>>();

function pendingOf(db: Db): Map<string, Set<number>> {
  const key = db.getExecutor().adapter;
  let map = pending.get(key);
  if (!map) {
    map = new Map();
    pending.set(key, map);
  }
  return map;
}

/** Notes the local days of committed fixes (the ingest calls this after each commit). */
export function noteCommittedFixes(db: Db, fixes: readonly { deviceId: string; time: number }[]): void {
  const map = pendingOf(db);
  let lastDevice = '';
  let lastDay = Number.NaN;
  let days: Set<number> | undefined;
  for (const f of fixes) {
    const day = Math.floor((f.time + SHANGHAI_OFFSET_MS) / DAY_MS);
    if (f.deviceId === lastDevice && day === lastDay) continue;
    if (f.deviceId !== lastDevice) {
      days = map.get(f.deviceId);
      if (!days) {
        days = new Set();
        map.set(f.deviceId, days);
      }
      lastDevice = f.deviceId;
    }
    lastDay = day;
    days?.add(day);
  }
}

/** Takes the noted device-days (and forgets them): device id and local date. */
export function takeNotedDeviceDays(db: Db): { deviceId: string; date: string }[] {
  const map = pendingOf(db);
  const out: { deviceId: string; date: string }[] = [];
  for (const [deviceId, days] of map)
    for (const day of days) out.push({ deviceId, date: localDateOf(day * DAY_MS) });
  map.clear();
  return out;
}

/** Marks days out of date (their summary is recomputed before it is read). */
export async function markDays(db: Db, days: readonly AssetDay[], at: number): Promise<void> {
  for (let i = 0; i < days.length; i += 500) {
    await db
      .insertInto('day_summary_marks')
      .values(days.slice(i, i + 500).map((d) => ({ asset_id: d.assetId, date: d.date, marked_at: at })))
      .onConflict((oc) => oc.columns(['asset_id', 'date']).doUpdateSet({ marked_at: at }))
      .execute();
  }
}

/**
 * Marks the stored summaries of these assets (null: of every asset) dated `fromDate` or later:
 * the records they were computed from changed. Days never summarised need no mark (a read
 * computes them). Run it in the change's own transaction, so a change is never stored without
 * its marks.
 */
export async function markStoredDaysOf(
  db: Db,
  assetIds: readonly string[] | null,
  fromDate: string,
  at: number,
): Promise<number> {
  const days: AssetDay[] = [];
  const ids = assetIds ?? [null];
  for (let i = 0; i < ids.length; i += 500) {
    let q = db.selectFrom('day_summaries').select(['asset_id', 'date']).where('date', '>=', fromDate);
    if (assetIds) q = q.where('asset_id', 'in', assetIds.slice(i, i + 500));
    for (const r of await q.execute()) days.push({ assetId: r.asset_id, date: r.date });
  }
  await markDays(db, days, at);
  return days.length;
}

/** Up to `limit` marked days, oldest mark first. */
export async function listMarkedDays(db: Db, limit: number): Promise<AssetDay[]> {
  const rows = await db
    .selectFrom('day_summary_marks')
    .select(['asset_id', 'date'])
    .orderBy('marked_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ assetId: r.asset_id, date: r.date }));
}

/** The marked days among these assets' dates in [fromDate, toDate]. */
export async function findMarkedDays(
  db: Db,
  assetIds: readonly string[],
  fromDate: string,
  toDate: string,
): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < assetIds.length; i += 500) {
    const rows = await db
      .selectFrom('day_summary_marks')
      .select(['asset_id', 'date'])
      .where('asset_id', 'in', assetIds.slice(i, i + 500))
      .where('date', '>=', fromDate)
      .where('date', '<=', toDate)
      .execute();
    for (const r of rows) out.add(`${r.asset_id}\u0000${r.date}`);
  }
  return out;
}

/**
 * Stores a computed summary and clears its mark unless it was set after `startedAt` (facts
 * arrived while it was being computed: it stays marked for the next pass).
 */
export async function saveDaySummary(db: Db, row: DaySummaryRow, startedAt: number): Promise<void> {
  const { asset_id: _a, date: _d, ...update } = row;
  await db
    .insertInto('day_summaries')
    .values(row)
    .onConflict((oc) => oc.columns(['asset_id', 'date']).doUpdateSet(update))
    .execute();
  await db
    .deleteFrom('day_summary_marks')
    .where('asset_id', '=', row.asset_id)
    .where('date', '=', row.date)
    .where('marked_at', '<=', startedAt)
    .execute();
}

/** The stored summaries of these assets with dates in [fromDate, toDate]. */
export async function listDaySummaries(
  db: Db,
  assetIds: readonly string[],
  fromDate: string,
  toDate: string,
): Promise<DaySummaryRow[]> {
  const out: DaySummaryRow[] = [];
  for (let i = 0; i < assetIds.length; i += 500) {
    const rows = await db
      .selectFrom('day_summaries')
      .selectAll()
      .where('asset_id', 'in', assetIds.slice(i, i + 500))
      .where('date', '>=', fromDate)
      .where('date', '<=', toDate)
      .orderBy('asset_id')
      .orderBy('date')
      .execute();
    out.push(...rows.map((r) => ({ ...r, computed_at: Number(r.computed_at) })));
  }
  return out;
}

/** Drops a day's mark (an asset deleted since, a date still to come). */
export async function unmarkDay(db: Db, day: AssetDay): Promise<void> {
  await db
    .deleteFrom('day_summary_marks')
    .where('asset_id', '=', day.assetId)
    .where('date', '=', day.date)
    .execute();
}
