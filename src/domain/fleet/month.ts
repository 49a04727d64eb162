import { FleetError } from './errors.ts';

/** One asset's day, as the nightly rollup stores it. */
export interface DailySummary {
  assetId: string;
  /** Local date 'YYYY-MM-DD'. */
  date: string;
  distanceM: number;
  workS: number;
  restS: number;
  /** Coverage of the assigned segments that day (combinedCoverage), null on a day without duty or segment. */
  coverage: number | null;
  /** Rubbish unloaded (卸载), tonnes. */
  tonnes: number;
}

/** One asset's month. */
export interface MonthTotals {
  assetId: string;
  /** 'YYYY-MM'. */
  month: string;
  /** Days with a summary. */
  days: number;
  distanceM: number;
  workH: number;
  restH: number;
  /** Mean of the days' coverage over the days that have one; null when none has. */
  meanCoverage: number | null;
  /** Days that have a coverage. */
  coverageDays: number;
  /** Days whose coverage is below the threshold. */
  daysBelowCoverage: number;
  tonnes: number;
}

/** Settings of the month report. */
export interface MonthSettings {
  /** A day below this coverage counts as not covered (default 0.9). */
  coverageThreshold?: number;
}

/**
 * Month totals per asset from daily summaries, sorted by asset then month. Sums distance, work and
 * rest (in hours) and tonnes; averages coverage over the days that have one, so days off do not
 * pull it down. A second summary for the same asset and date replaces the first (a recomputed day).
 */
export function monthTotals(days: readonly DailySummary[], settings: MonthSettings = {}): MonthTotals[] {
  const threshold = settings.coverageThreshold ?? 0.9;
  if (!(threshold >= 0 && threshold <= 1))
    throw new FleetError(`coverageThreshold ${threshold} must be between 0 and 1`);
  const latest = new Map<string, DailySummary>();
  for (const day of days) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day.date)) throw new FleetError(`date "${day.date}" must be YYYY-MM-DD`);
    latest.set(`${day.assetId}\u0000${day.date}`, day);
  }
  const months = new Map<string, MonthTotals & { coverageSum: number }>();
  for (const day of latest.values()) {
    const month = day.date.slice(0, 7);
    const key = `${day.assetId}\u0000${month}`;
    let m = months.get(key);
    if (!m) {
      m = {
        assetId: day.assetId,
        month,
        days: 0,
        distanceM: 0,
        workH: 0,
        restH: 0,
        meanCoverage: null,
        coverageDays: 0,
        daysBelowCoverage: 0,
        tonnes: 0,
        coverageSum: 0,
      };
      months.set(key, m);
    }
    m.days++;
    m.distanceM += day.distanceM;
    m.workH += day.workS / 3600;
    m.restH += day.restS / 3600;
    m.tonnes += day.tonnes;
    if (day.coverage !== null) {
      m.coverageDays++;
      m.coverageSum += day.coverage;
      if (day.coverage < threshold) m.daysBelowCoverage++;
    }
  }
  return [...months.values()]
    .map(({ coverageSum, ...m }) => ({
      ...m,
      meanCoverage: m.coverageDays > 0 ? coverageSum / m.coverageDays : null,
    }))
    .sort((a, b) =>
      a.assetId === b.assetId ? a.month.localeCompare(b.month) : a.assetId.localeCompare(b.assetId),
    );
}
