import type { DaySummaryView, FleetDayView, FleetMonthView } from '../../api/index.ts';
import { localDateOf, localDayWindow, monthTotals } from '../../domain/fleet/index.ts';
import { fail } from '../../errors/catalogue.ts';
import type { Asset } from '../../store/assets.repository.ts';
import { findAssetByUser } from '../../store/assets.repository.ts';
import { getAssetOrThrow } from '../assets/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { coverageThresholdOf } from '../fleet-settings/index.ts';
import { listScopeUnder } from '../scope/index.ts';
import { boatsUnder, currentSummaries, summaryView } from './days.ts';
import { fleetDaySheet, fleetMonthSheet, type SheetFile } from './xlsx.ts';

/** A date that exists and has begun, or 400. */
function checkedDate(ctx: ServiceContext, date: string, field: string): string {
  try {
    localDayWindow(date);
  } catch {
    fail('VALIDATION_FAILED', `${field} ${date} is not a day of the calendar: write YYYY-MM-DD`, { field });
  }
  if (date > localDateOf(ctx.now()))
    fail('VALIDATION_FAILED', `${date} has not begun yet: ask for today or a past day`, { field });
  return date;
}

/** The boats whose summaries the caller reads: a crew user their own boat; others those in their scope (under unitId). */
async function visibleBoats(
  ctx: ServiceContext,
  who: Principal,
  unitId: string | undefined,
): Promise<Asset[]> {
  const scopePath = await listScopeUnder(ctx, who, unitId, () =>
    fail('UNIT_NOT_FOUND', `No unit with id ${unitId}`, { field: 'unitId' }),
  );
  const boats = await boatsUnder(ctx, scopePath);
  if (who.role !== 'crew') return boats;
  const member = await findAssetByUser(ctx.db, who.userId);
  return boats.filter((b) => b.id === member?.boatId);
}

/** GET /api/assets/:id/days/:date: an asset's day (日汇总), scoped like the asset. */
export async function getAssetDay(
  ctx: ServiceContext,
  who: Principal,
  assetId: string,
  date: string,
): Promise<DaySummaryView> {
  checkedDate(ctx, date, 'date');
  const asset = await getAssetOrThrow(ctx, who, assetId);
  const [row] = await currentSummaries(ctx, [asset], [date]);
  if (!row) return fail('ASSET_NOT_FOUND', `No asset with id ${assetId}`);
  return summaryView(row);
}

/** GET /api/fleet/days/:date: every visible boat's day, by boat code. */
export async function fleetDay(
  ctx: ServiceContext,
  who: Principal,
  date: string,
  unitId?: string,
): Promise<FleetDayView> {
  checkedDate(ctx, date, 'date');
  const boats = await visibleBoats(ctx, who, unitId);
  const rows = await currentSummaries(ctx, boats, [date]);
  return { date, items: rows.map(summaryView) };
}

/**
 * The visible boats' days of several dates, date by date (each as fleetDay gives it): one read
 * of the summaries for all the dates rather than one a date.
 */
export async function fleetDays(
  ctx: ServiceContext,
  who: Principal,
  dates: readonly string[],
  unitId?: string,
): Promise<DaySummaryView[]> {
  for (const date of dates) checkedDate(ctx, date, 'date');
  const boats = await visibleBoats(ctx, who, unitId);
  const byDate = new Map<string, DaySummaryView[]>(dates.map((d) => [d, []]));
  for (const row of await currentSummaries(ctx, boats, dates)) byDate.get(row.date)?.push(summaryView(row));
  return dates.flatMap((d) => byDate.get(d) ?? []);
}

/** GET /api/fleet/days/:date.xlsx: the fleet day as a spreadsheet (Chinese headers, a totals row). */
export async function fleetDayFile(
  ctx: ServiceContext,
  who: Principal,
  date: string,
  unitId?: string,
): Promise<SheetFile> {
  const view = await fleetDay(ctx, who, date, unitId);
  const names = new Map((await visibleBoats(ctx, who, unitId)).map((b) => [b.id, b.name]));
  return fleetDaySheet(view, names);
}

/** GET /api/fleet/months/:month.xlsx: the fleet month as a spreadsheet (Chinese headers, a totals row). */
export async function fleetMonthFile(
  ctx: ServiceContext,
  who: Principal,
  month: string,
  unitId?: string,
): Promise<SheetFile> {
  return fleetMonthSheet(await fleetMonth(ctx, who, month, unitId));
}

/** The local dates of a month 'YYYY-MM' up to today. */
function datesOf(ctx: ServiceContext, month: string): string[] {
  const today = localDateOf(ctx.now());
  const dates: string[] = [];
  for (let d = 1; d <= 31; d++) {
    const date = `${month}-${String(d).padStart(2, '0')}`;
    try {
      localDayWindow(date);
    } catch {
      break;
    }
    if (date > today) break;
    dates.push(date);
  }
  return dates;
}

/**
 * GET /api/fleet/months/:month: per visible boat, the month's totals from its day summaries
 * (never from raw positions); a day missing or out of date is computed first. Days to come are
 * not counted.
 */
export async function fleetMonth(
  ctx: ServiceContext,
  who: Principal,
  month: string,
  unitId?: string,
): Promise<FleetMonthView> {
  const dates = datesOf(ctx, month);
  if (dates.length === 0 && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    fail('VALIDATION_FAILED', `month ${month} is not a month: write YYYY-MM`, { field: 'month' });
  const boats = await visibleBoats(ctx, who, unitId);
  const rows = await currentSummaries(ctx, boats, dates);
  const coverageThreshold = await coverageThresholdOf(ctx);
  const totals = new Map(
    monthTotals(
      rows.map((r) => ({
        assetId: r.asset_id,
        date: r.date,
        distanceM: r.distance_m,
        workS: r.work_s,
        restS: r.rest_s,
        coverage: r.coverage,
        tonnes: r.tonnes,
      })),
      { coverageThreshold },
    ).map((t) => [t.assetId, t]),
  );
  const round = (v: number, k: number) => Math.round(v * 10 ** k) / 10 ** k;
  return {
    month,
    coverageThreshold,
    items: boats.map((b) => {
      const t = totals.get(b.id);
      return {
        assetId: b.id,
        name: b.name,
        month,
        days: t?.days ?? 0,
        distanceM: round(t?.distanceM ?? 0, 1),
        workH: round(t?.workH ?? 0, 3),
        restH: round(t?.restH ?? 0, 3),
        meanCoverage: t?.meanCoverage == null ? null : round(t.meanCoverage, 4),
        daysBelowCoverage: t?.daysBelowCoverage ?? 0,
        tonnes: round(t?.tonnes ?? 0, 3),
      };
    }),
  };
}
