import type { ProgressItemView, ProgressView } from '../../api/index.ts';
import { CalendarError } from '../../domain/calendar/errors.ts';
import { dayKeyOf, localDayIndex, parseDayKey, yearOf } from '../../domain/calendar/local-day.ts';
import { actualAt, plannedShare, progressFigures, scheduleShare } from '../../domain/metrics/index.ts';
import { fail } from '../../errors/catalogue.ts';
import {
  listActuals,
  listMetrics,
  listTargetsOfYear,
  type MetricActual,
} from '../../store/metrics.repository.ts';
import { listUnits } from '../../store/units.repository.ts';
import { workingCalendar } from '../calendar/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { filterHeldInScope, listScopeOf } from '../scope/index.ts';
import { getUnitOrThrow } from '../units/index.ts';
import { getProgressSettings } from './settings.ts';
import { SourceActuals } from './sources.ts';
import { metricView } from './views.ts';

/** The local day asked for ('YYYY-MM-DD', Beijing time), or today. */
function dayOf(date: string | undefined, now: number, utcOffsetMs: number): number {
  if (date === undefined) return localDayIndex(utcOffsetMs, now);
  try {
    return parseDayKey(date);
  } catch (error) {
    if (error instanceof CalendarError) {
      fail('VALIDATION_FAILED', `querystring.date: ${error.message}`, { field: 'querystring.date' });
    }
    throw error;
  }
}

/**
 * Schedule progress (序时进度) at a date: for each target of the date's year on a unit in the
 * caller's scope (and under `unitId` when given), the metric's actual at the date against the
 * elapsed share of the year on its basis (formulas: src/domain/metrics/progress.ts and
 * docs/LEADERS.md). Metrics without a target that year are not listed.
 */
export async function progressAt(
  ctx: ServiceContext,
  who: Principal,
  q: { date?: string; unitId?: string },
): Promise<ProgressView> {
  const calendar = await workingCalendar(ctx);
  const day = dayOf(q.date, ctx.now(), calendar.utcOffsetMs);
  const year = yearOf(day);
  const under = q.unitId === undefined ? null : (await getUnitOrThrow(ctx, who, q.unitId)).path;
  const [metrics, allTargets, units, { yellowPoints }] = await Promise.all([
    listMetrics(ctx.db, { scopePath: listScopeOf(who) }),
    listTargetsOfYear(ctx.db, year),
    listUnits(ctx.db, { scopePath: null }),
    getProgressSettings(ctx),
  ]);
  const metricById = new Map(metrics.map((m) => [m.id, m]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const targets = (await filterHeldInScope(ctx, who, allTargets, (t) => t.unitId)).filter(
    (t) => metricById.has(t.metricId) && (under === null || unitById.get(t.unitId)?.path.startsWith(under)),
  );
  const entered = [...new Set(targets.map((t) => t.metricId))].filter(
    (id) => metricById.get(id)?.source === null,
  );
  const actualsOf = new Map<string, MetricActual[]>();
  for (const a of await listActuals(ctx.db, entered)) {
    actualsOf.set(a.metricId, [...(actualsOf.get(a.metricId) ?? []), a]);
  }
  const computed = new SourceActuals(ctx, day, year);

  const items: ProgressItemView[] = [];
  for (const target of targets) {
    const metric = metricById.get(target.metricId);
    const unit = unitById.get(target.unitId);
    if (!metric || !unit) continue;
    const latest = metric.source === null ? actualAt(actualsOf.get(metric.id) ?? [], day) : undefined;
    const actual =
      metric.source === null ? (latest?.value ?? null) : await computed.actual(metric.source, unit);
    const figures = progressFigures({
      direction: metric.direction,
      target: target.annual,
      actual,
      // A monthly plan, when the target has one, replaces the even share of the year.
      schedule: target.monthly
        ? plannedShare(metric.scheduleBasis, day, calendar, target.monthly, target.annual)
        : scheduleShare(metric.scheduleBasis, day, calendar),
      yellowPoints,
    });
    items.push({
      metric: metricView(metric),
      unit: { id: unit.id, code: unit.code, name: unit.name },
      year,
      target: target.annual,
      actual,
      actualPeriod: latest?.period ?? null,
      ...figures,
    });
  }
  items.sort((a, b) => a.metric.code.localeCompare(b.metric.code) || a.unit.code.localeCompare(b.unit.code));
  const countsWorkingDays = items.some((i) => i.metric.scheduleBasis === 'workingDays');
  const warnings =
    countsWorkingDays && !calendar.loadedYears.has(year)
      ? [`no holiday calendar for ${year}: working days count weekends only`]
      : [];
  return { date: dayKeyOf(day), yellowPoints, items, warnings };
}
