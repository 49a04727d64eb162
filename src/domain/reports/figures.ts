/** The work-order figures of the weekly report (量化式报告), with their week-on-week change. */

/** The counts and rates a week's figures come from (a subset of the work-order indicators). */
export interface WeekCounts {
  registered: number;
  closed: number;
  closureRate: number | null;
  onTimeClosureRate: number | null;
  overdueCount: number;
  satisfactionRate: number | null;
}

export const FIGURE_KEYS = [
  'registered',
  'closed',
  'closureRate',
  'onTimeClosureRate',
  'overdueCount',
  'satisfactionRate',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** The Chinese label of each figure (the report's headers). */
export const FIGURE_LABEL: Record<FigureKey, string> = {
  registered: '立案数',
  closed: '结案数',
  closureRate: '办结率',
  onTimeClosureRate: '按期办结率',
  overdueCount: '超期数',
  satisfactionRate: '满意率',
};

/** Whether a figure is a rate (a fraction, shown as a percentage; its change in points). */
export const IS_RATE: Record<FigureKey, boolean> = {
  registered: false,
  closed: false,
  closureRate: true,
  onTimeClosureRate: true,
  overdueCount: false,
  satisfactionRate: true,
};

/** One figure: this week, last week, and the change (a count's difference, a rate's in points). */
export interface Figure {
  key: FigureKey;
  label: string;
  value: number | null;
  previous: number | null;
  change: number | null;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The week's figures against the week before: counts change by their difference, rates by
 * percentage points (0.9 → 0.95 is +5), rounded to 2 decimals; null when either side is null.
 */
export function weekFigures(current: WeekCounts, previous: WeekCounts): Figure[] {
  return FIGURE_KEYS.map((key) => {
    const value = current[key];
    const before = previous[key];
    const change =
      value === null || before === null
        ? null
        : IS_RATE[key]
          ? round((value - before) * 100, 2)
          : value - before;
    return { key, label: FIGURE_LABEL[key], value, previous: before, change };
  });
}
