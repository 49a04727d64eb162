/**
 * Daily summaries (日汇总) of assets and the fleet's day and month reports read from them. The
 * ingest notes the days of committed fixes in memory; the summaries job writes them as marks and
 * recomputes marked days; a read computes a missing or out-of-date day first. This index is the
 * feature's one entry.
 */
export { flushNotedDays, recomputeMarkedDays } from './days.ts';
export {
  fleetDay,
  fleetDayFile,
  fleetDays,
  fleetMonth,
  fleetMonthFile,
  getAssetDay,
} from './reports.ts';
export type { SheetFile } from './xlsx.ts';
