import type { IndicatorsView, RankingsView, UnitIndicatorsView } from '../../../src/api/index.ts';
import { request } from './client.ts';

/** A unit's work-order indicators for a period (formulas in docs/WORK-ORDERS.md#indicators-指标). */
export type Indicators = IndicatorsView;
export type UnitIndicators = UnitIndicatorsView;
/** Units of a kind ranked; `rank` is null for a unit with nothing registered or due. */
export type Rankings = RankingsView;

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
