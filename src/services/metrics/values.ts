import type { MetricActualView, MetricTargetView } from '../../api/index.ts';
import { dayKeyOf, localDayIndex } from '../../domain/calendar/local-day.ts';
import { fail } from '../../errors/catalogue.ts';
import { putActual, putTarget } from '../../store/metrics.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { workingCalendar } from '../calendar/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { getUnitOrThrow } from '../units/index.ts';
import { getMetricOrThrow } from './metrics.ts';
import { actualView, targetView } from './views.ts';

/**
 * Sets a metric's annual target for a year (admins and operators), for its owner unit or, on a
 * metric computed from the work orders, for any unit in the caller's scope (each community its
 * own closure-rate target). An entered metric has one actual, its owner's, so one target a year.
 */
export async function setMetricTarget(
  ctx: ServiceContext,
  who: Principal,
  id: string,
  year: number,
  body: { annual: number; monthly?: number[]; unitId?: string },
): Promise<MetricTargetView> {
  const { metric } = await getMetricOrThrow(ctx, who, id);
  const unitId = body.unitId ?? metric.ownerUnitId;
  if (unitId !== metric.ownerUnitId) {
    if (metric.source === null) {
      fail(
        'VALIDATION_FAILED',
        `body.unitId: ${metric.code} is entered by its owner unit, so its target is the owner's: ` +
          'leave unitId out, or give targets per unit on a metric computed from the work orders',
        { field: 'body.unitId' },
      );
    }
    await getUnitOrThrow(ctx, who, unitId);
  }
  const target = {
    metricId: id,
    year,
    unitId,
    annual: body.annual,
    monthly: body.monthly ?? null,
    updatedBy: who.userId,
    updatedAt: ctx.now(),
  };
  await writeTransaction(ctx.db, [], (trx) => putTarget(trx, target));
  return targetView(target);
}

/**
 * Enters a month's actual ('YYYY-MM'; for a cumulative metric the total as of the month's end).
 * Only the owner unit's staff enter it (an administrator may correct it); a metric computed from
 * the work orders takes none; a month that has not begun (Beijing time) takes none yet.
 */
export async function setMetricActual(
  ctx: ServiceContext,
  who: Principal,
  id: string,
  period: string,
  body: { value: number; note?: string },
): Promise<MetricActualView> {
  const { metric } = await getMetricOrThrow(ctx, who, id);
  if (metric.source !== null) {
    fail(
      'METRIC_ACTUALS_COMPUTED',
      `${metric.code}'s actual is computed from ${metric.source}: it cannot be entered`,
    );
  }
  if (who.role !== 'admin' && who.unitId !== metric.ownerUnitId) {
    fail('METRIC_OWNER_ONLY', `Only the owner unit of ${metric.code} enters its actuals`);
  }
  const calendar = await workingCalendar(ctx);
  const today = dayKeyOf(localDayIndex(calendar.utcOffsetMs, ctx.now()));
  if (period > today.slice(0, 7)) {
    fail('VALIDATION_FAILED', `params.period: ${period} has not begun (today is ${today} in Beijing)`, {
      field: 'params.period',
    });
  }
  const actual = {
    metricId: id,
    period,
    value: body.value,
    note: body.note ?? null,
    enteredBy: who.userId,
    enteredAt: ctx.now(),
  };
  await writeTransaction(ctx.db, [], (trx) => putActual(trx, actual));
  return actualView(actual);
}
