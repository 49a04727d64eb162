import { request } from './client.ts';

// GET /api/indicators has no response schema in src/api/ yet: these mirror `indicatorsView` and
// `unitRankings` in src/services/indicators/indicators.ts (rates are fractions, null without cases).

/** A unit's work-order indicators for a period (formulas in docs/WORK-ORDERS.md#indicators-指标). */
export interface Indicators {
  registered: number;
  closed: number;
  closureRate: number | null;
  due: number;
  closedOnTime: number;
  onTimeClosureRate: number | null;
  overdueCount: number;
  reworkRate: number | null;
  satisfactionRate: number | null;
  solvedRate: number | null;
  avgResponseHours: number | null;
  avgHandlingHours: number | null;
}

/** The unit a figure is about. */
export interface UnitRef {
  id: string;
  kind: string;
  code: string;
  name: string;
}

/** The period the server counted: `asOf` = min(to, the server's now). */
export interface IndicatorPeriod {
  from: string;
  to: string;
  asOf: string;
}

export interface UnitIndicators {
  unit: UnitRef;
  period: IndicatorPeriod;
  indicators: Indicators;
}

export interface Rankings {
  kind: 'community' | 'workstation' | 'department';
  period: IndicatorPeriod;
  items: { rank: number | null; unit: UnitRef; indicators: Indicators }[];
}

/** The caller's unit's indicators; without a period, this month so far (Beijing time). */
export function fetchIndicators(
  period: { from?: string; to?: string },
  signal?: AbortSignal,
): Promise<UnitIndicators> {
  return request('/api/indicators', { query: period, signal });
}

/** Units of a kind in scope, ranked; without a period, this month so far. */
export function fetchRankings(kind: Rankings['kind'], signal?: AbortSignal): Promise<Rankings> {
  return request('/api/indicators/rankings', { query: { kind }, signal });
}
