/** The fleet's week in the weekly report, summed from the boats' day summaries (日汇总). */

/** What a day summary contributes. */
export interface FleetDayFigures {
  assetId: string;
  distanceM: number;
  workS: number;
  coverage: readonly { ratio: number }[];
  unloads: { tonnes: number };
}

/** The week's totals: boats with a summary, km, work hours, mean segment coverage, tonnes unloaded. */
export interface FleetWeek {
  boats: number;
  days: number;
  distanceKm: number;
  workHours: number;
  meanCoverage: number | null;
  tonnes: number;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Sums the week's day summaries: distance in km and work in hours (2 decimals), tonnes (3), and
 * the mean coverage over every segment-day covered (4 decimals), null when no day had a segment.
 */
export function fleetWeek(days: readonly FleetDayFigures[]): FleetWeek {
  const ratios = days.flatMap((d) => d.coverage.map((c) => c.ratio));
  return {
    boats: new Set(days.map((d) => d.assetId)).size,
    days: days.length,
    distanceKm: round(days.reduce((n, d) => n + d.distanceM, 0) / 1000, 2),
    workHours: round(days.reduce((n, d) => n + d.workS, 0) / 3600, 2),
    meanCoverage: ratios.length === 0 ? null : round(ratios.reduce((n, r) => n + r, 0) / ratios.length, 4),
    tonnes: round(
      days.reduce((n, d) => n + d.unloads.tonnes, 0),
      3,
    ),
  };
}
