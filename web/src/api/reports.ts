import type { ReportEntryView, WeeklyReportView } from '../../../src/api/index.ts';
import { request } from './client.ts';

/** The weekly quantified report (量化式报告), computed now or as archived when issued. */
export type WeeklyReport = WeeklyReportView;
export type ReportEntry = ReportEntryView;

/** A unit's weekly report for an ISO week ('2026-W22'), computed now; the caller's unit by default. */
export function fetchWeeklyReport(
  week: string,
  unitId?: string,
  signal?: AbortSignal,
): Promise<WeeklyReport> {
  return request('/api/reports/weekly', { query: { week, unitId }, signal });
}

/** Issues (签发) and archives a unit's weekly report unchanged. */
export function issueWeeklyReport(week: string, unitId: string): Promise<ReportEntry> {
  return request('/api/reports/weekly/issue', { method: 'POST', body: { week, unitId } });
}

/** Issued weekly reports in scope, newest first. */
export async function fetchReportArchive(signal?: AbortSignal): Promise<ReportEntry[]> {
  return (await request<{ items: ReportEntry[] }>('/api/reports', { query: { kind: 'weekly' }, signal }))
    .items;
}

/** An archived report as it was issued. */
export function fetchArchivedReport(id: string, signal?: AbortSignal): Promise<WeeklyReport> {
  return request(`/api/reports/${encodeURIComponent(id)}`, { signal });
}

/** The .xlsx and print (.html) links of a computed report. */
export const weeklyLinks = (week: string, unitId: string) => {
  const q = `week=${encodeURIComponent(week)}&unitId=${encodeURIComponent(unitId)}`;
  return { xlsx: `/api/reports/weekly.xlsx?${q}`, html: `/api/reports/weekly.html?${q}` };
};

/** The .xlsx and print (.html) links of an archived report. */
export const archivedLinks = (id: string) => ({
  xlsx: `/api/reports/${encodeURIComponent(id)}.xlsx`,
  html: `/api/reports/${encodeURIComponent(id)}.html`,
});
