import type { IndicatorsView, RankingsView, UnitIndicatorsView } from '../../api/index.ts';
import type { WorkingCalendar } from '../../domain/calendar/calendar.ts';
import { DAY_MS } from '../../domain/calendar/local-day.ts';
import {
  computeIndicators,
  type Indicators,
  type OrderHistory,
  type Period,
} from '../../domain/workorder/indicators.ts';
import { type RANKED_UNIT_KINDS, RANKING_KEY, rankByIndicators } from '../../domain/workorder/ranking.ts';
import { indicatorsOf, zeroCounters } from '../../domain/workorder/rollup.ts';
import { fail } from '../../errors/catalogue.ts';
import { listPeriodHistories, listPeriodUnitPaths } from '../../store/indicator-orders.repository.ts';
import { listUnits, type Unit } from '../../store/units.repository.ts';
import { workingCalendar } from '../calendar/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { instantOf } from '../orders/index.ts';
import { rolledIndicators } from '../rollups/index.ts';
import { getUnitOrThrow } from '../units/index.ts';

export { RANKED_UNIT_KINDS } from '../../domain/workorder/ranking.ts';

/** The longest period one request may cover: a year, leap day included. */
const MAX_PERIOD_MS = 366 * DAY_MS;
const HOUR_MS = 3_600_000;

/** The period asked for: from defaults to the start of the current month (local time), to to now. */
function periodOf(q: { from?: string; to?: string }, now: number, calendar: WorkingCalendar): Period {
  const local = new Date(now + calendar.utcOffsetMs);
  const monthStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - calendar.utcOffsetMs;
  const from = q.from === undefined ? monthStart : instantOf(q.from, 'querystring.from');
  const to = q.to === undefined ? now : instantOf(q.to, 'querystring.to');
  if (from >= to) {
    fail('TIME_RANGE_INVALID', 'from must be before to (to defaults to now)', { field: 'querystring.from' });
  }
  if (to - from > MAX_PERIOD_MS) {
    fail('TIME_RANGE_INVALID', 'A period covers at most 366 days: ask for each year separately', {
      field: 'querystring.to',
    });
  }
  return { from, to };
}

/** Indicators as the API returns them: average times in working hours rather than ms. */
function indicatorsView(i: Indicators): IndicatorsView {
  const { avgResponseMs, avgHandlingMs, ...counts } = i;
  return {
    ...counts,
    avgResponseHours: avgResponseMs === null ? null : avgResponseMs / HOUR_MS,
    avgHandlingHours: avgHandlingMs === null ? null : avgHandlingMs / HOUR_MS,
  };
}

const unitRef = (u: Unit) => ({ id: u.id, kind: u.kind, code: u.code, name: u.name });

function periodView(p: Period, now: number) {
  const iso = (t: number) => new Date(t).toISOString();
  return { from: iso(p.from), to: iso(p.to), asOf: iso(Math.min(p.to, now)) };
}

/**
 * Splits the histories by ranked unit: an order counts for each unit that it involved or whose
 * subtree holds a unit it involved. Each involved path is walked up its ancestors once, so the
 * work grows with the orders, not with orders × units.
 */
function historiesByUnit(
  units: readonly Unit[],
  histories: readonly OrderHistory[],
  paths: ReadonlyMap<string, readonly string[]>,
): Map<string, OrderHistory[]> {
  const unitAt = new Map(units.map((u) => [u.path, u.id]));
  const byUnit = new Map<string, OrderHistory[]>();
  for (const h of histories) {
    const counted = new Set<string>();
    for (const path of paths.get(h.order.id) ?? []) {
      // "/a/b/c/" has the ancestors (and itself) "/a/", "/a/b/", "/a/b/c/".
      for (let end = path.indexOf('/', 1); end > 0; end = path.indexOf('/', end + 1)) {
        const unitId = unitAt.get(path.slice(0, end + 1));
        if (unitId && !counted.has(unitId)) counted.add(unitId);
      }
    }
    for (const unitId of counted) {
      const list = byUnit.get(unitId);
      if (list) list.push(h);
      else byUnit.set(unitId, [h]);
    }
  }
  return byUnit;
}

/**
 * One unit's indicators for a period (see computeIndicators for the formulas): the orders that
 * involved the unit or a unit under it. The unit defaults to the caller's own; one outside the
 * caller's scope is UNIT_NOT_FOUND.
 */
export async function unitIndicators(
  ctx: ServiceContext,
  who: Principal,
  q: { unitId?: string; from?: string; to?: string },
): Promise<UnitIndicatorsView> {
  const unit = await getUnitOrThrow(ctx, who, q.unitId ?? who.unitId);
  const calendar = await workingCalendar(ctx);
  const now = ctx.now();
  const period = periodOf(q, now, calendar);
  return {
    unit: unitRef(unit),
    period: periodView(period, now),
    indicators: indicatorsView(await indicatorsAt(ctx, unit, period, now, calendar)),
  };
}

/**
 * The indicators of the orders that involved a unit or a unit under it over a period, as things
 * stood at min(period.to, now): for callers that hold the unit already (a metric computed from
 * the work orders, src/services/metrics/). Rates are fractions, null without cases.
 */
export async function indicatorsOfUnit(
  ctx: ServiceContext,
  unit: Pick<Unit, 'path'>,
  period: Period,
): Promise<Indicators> {
  return indicatorsAt(ctx, unit, period, ctx.now(), await workingCalendar(ctx));
}

/** One unit's indicators from the rollups, or from its orders' timelines for a period the rollups cannot answer. */
async function indicatorsAt(
  ctx: ServiceContext,
  unit: Pick<Unit, 'path'>,
  period: Period,
  now: number,
  calendar: WorkingCalendar,
): Promise<Indicators> {
  const q = { unitPaths: [unit.path], period, now, calendar };
  const rolled = (await rolledIndicators(ctx.db, q))?.get(unit.path);
  if (rolled) return rolled;
  const histories = await listPeriodHistories(ctx.db, { ...period, involvingPath: unit.path });
  return computeIndicators(histories, period, now, calendar);
}

/**
 * The units of one kind in the caller's scope, ranked (see rankByIndicators). The period's
 * orders and their timelines are read once for all units, then split by the units they involved.
 */
export async function unitRankings(
  ctx: ServiceContext,
  who: Principal,
  q: { kind: (typeof RANKED_UNIT_KINDS)[number]; from?: string; to?: string },
): Promise<RankingsView> {
  const calendar = await workingCalendar(ctx);
  const now = ctx.now();
  const period = periodOf(q, now, calendar);
  const units = await listUnits(ctx.db, { scopePath: who.scopePath, kind: q.kind });
  const entries = await rankedEntries(ctx, who, units, period, now, calendar);
  return {
    kind: q.kind,
    period: periodView(period, now),
    rankedBy: [...RANKING_KEY],
    items: rankByIndicators(entries).map((r) => ({
      rank: r.rank,
      unit: unitRef(r.item),
      indicators: indicatorsView(r.indicators),
    })),
  };
}

/** Each unit's indicators for a ranking: from the rollups, or split from one read of the period's timelines. */
async function rankedEntries(
  ctx: ServiceContext,
  who: Principal,
  units: readonly Unit[],
  period: Period,
  now: number,
  calendar: WorkingCalendar,
): Promise<{ item: Unit; indicators: Indicators }[]> {
  const rolled = await rolledIndicators(ctx.db, {
    unitPaths: units.map((u) => u.path),
    period,
    now,
    calendar,
  });
  if (rolled) {
    return units.map((unit) => ({
      item: unit,
      indicators: rolled.get(unit.path) ?? indicatorsOf(zeroCounters()),
    }));
  }
  const scope = { ...period, involvingPath: who.scopePath };
  const [histories, paths] = await Promise.all([
    listPeriodHistories(ctx.db, scope),
    listPeriodUnitPaths(ctx.db, scope),
  ]);
  const byUnit = historiesByUnit(units, histories, paths);
  return units.map((unit) => ({
    item: unit,
    indicators: computeIndicators(byUnit.get(unit.id) ?? [], period, now, calendar),
  }));
}
