import type { DaySummaryView, FleetDayView } from '../../../src/api/index.ts';
import { request } from './client.ts';

/** One boat's day (日汇总) as GET /api/fleet/days/:date answers it. */
export type DaySummary = DaySummaryView;
/** Every visible boat's day. */
export type FleetDay = FleetDayView;

/** Every visible boat's summary of a local day (YYYY-MM-DD, Asia/Shanghai). */
export function fetchFleetDay(date: string, signal?: AbortSignal): Promise<FleetDay> {
  return request<FleetDay>(`/api/fleet/days/${encodeURIComponent(date)}`, { signal });
}

/** The download link of a fleet day as a spreadsheet (one row per boat and a totals row). */
export function fleetDayXlsxUrl(date: string): string {
  return `/api/fleet/days/${encodeURIComponent(date)}.xlsx`;
}
