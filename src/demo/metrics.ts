// The demo's performance metrics (指标) for the schedule-progress page (序时进度): a handful of
// the subdistrict's annual targets with monthly actuals, one owned by the first community, one
// by 园林绿化所, and the work orders' closure rate, whose actual the platform computes. The values
// are fixed tables, so every demo shows the same figures for the same date.
import { localDayIndex, yearOf } from '../domain/calendar/local-day.ts';
import type { MetricFields } from '../domain/metrics/index.ts';
import { monthEndDay } from '../domain/metrics/index.ts';
import { newId } from '../ids.ts';
import { workingCalendar } from '../services/calendar/index.ts';
import type { ServiceContext } from '../services/context.ts';
import { insertMetric, listMetrics, putActual, putTarget } from '../store/metrics.repository.ts';
import { findUnitByCode } from '../store/units.repository.ts';
import { findUserByUsername } from '../store/users.repository.ts';
import { DEMO_LAYOUT } from './layout.ts';
import { DEMO_DEPARTMENTS } from './organisations.ts';

/** Who owns a demo metric: the subdistrict, the first community or 园林绿化所, and the account that enters it. */
type Owner = 'subdistrict' | 'community' | 'greening';

/** A demo metric: its fields, annual target and the twelve month-end actuals of its year. */
export interface DemoMetric {
  fields: Omit<MetricFields, 'ownerUnitId' | 'ownerUserId'>;
  owner: Owner;
  annual: number;
  /** The actual as of each month's end, January first; computed metrics have none. */
  actuals: readonly number[];
  /** Targets for other units (a computed metric only), by owner key. */
  otherTargets?: readonly { owner: Owner; annual: number }[];
}

const ENTERED = { source: null } as const;

/** The demo's metrics. 地区生产总值 stands at 45.67 of 100 at the end of May: 4.00 points ahead of 5/12. */
export const DEMO_METRICS: readonly DemoMetric[] = [
  {
    fields: {
      ...ENTERED,
      code: 'ECO-01',
      name: '地区生产总值',
      unitOfMeasure: '亿元',
      kind: 'cumulative',
      direction: 'up',
      scheduleBasis: 'months',
    },
    owner: 'subdistrict',
    annual: 100,
    actuals: [8.12, 15.9, 24.6, 34.2, 45.67, 53.8, 61.9, 70.3, 78.6, 86.4, 94.1, 101.2],
  },
  {
    fields: {
      ...ENTERED,
      code: 'ECO-02',
      name: '固定资产投资',
      unitOfMeasure: '亿元',
      kind: 'cumulative',
      direction: 'up',
      scheduleBasis: 'months',
    },
    owner: 'subdistrict',
    annual: 60,
    actuals: [3.1, 7.4, 12.2, 17.0, 21.5, 27.9, 32.6, 37.8, 43.0, 48.9, 54.2, 59.1],
  },
  {
    fields: {
      ...ENTERED,
      code: 'ECO-03',
      name: '招商引资到位资金',
      unitOfMeasure: '亿元',
      kind: 'cumulative',
      direction: 'up',
      scheduleBasis: 'days',
    },
    owner: 'subdistrict',
    annual: 30,
    actuals: [2.0, 3.1, 5.2, 6.9, 8.0, 10.5, 13.9, 16.2, 19.8, 22.4, 25.1, 29.3],
  },
  {
    fields: {
      ...ENTERED,
      code: 'SAFE-01',
      name: '安全生产事故起数',
      unitOfMeasure: '起',
      kind: 'cumulative',
      direction: 'down',
      scheduleBasis: 'workingDays',
    },
    owner: 'subdistrict',
    annual: 12,
    actuals: [0, 1, 1, 2, 3, 3, 4, 5, 5, 6, 7, 8],
  },
  {
    fields: {
      ...ENTERED,
      code: 'ENV-01',
      name: '生活垃圾分类准确率',
      unitOfMeasure: '%',
      kind: 'level',
      direction: 'up',
      scheduleBasis: 'months',
    },
    owner: 'subdistrict',
    annual: 95,
    actuals: [88.2, 89.0, 90.5, 91.2, 92.0, 92.8, 93.1, 93.6, 94.0, 94.4, 94.9, 95.3],
  },
  {
    fields: {
      ...ENTERED,
      code: 'COM-01',
      name: '新增注册志愿者',
      unitOfMeasure: '人',
      kind: 'cumulative',
      direction: 'up',
      scheduleBasis: 'months',
    },
    owner: 'community',
    annual: 120,
    actuals: [10, 18, 30, 41, 52, 63, 70, 81, 92, 101, 112, 124],
  },
  {
    fields: {
      ...ENTERED,
      code: 'GRN-01',
      name: '新增绿化面积',
      unitOfMeasure: '万平方米',
      kind: 'cumulative',
      direction: 'up',
      scheduleBasis: 'workingDays',
    },
    owner: 'greening',
    annual: 5,
    actuals: [0.1, 0.2, 0.6, 1.1, 1.5, 1.9, 2.2, 2.6, 3.1, 3.6, 4.2, 4.9],
  },
  {
    fields: {
      code: 'ORD-01',
      name: '工单办结率',
      unitOfMeasure: '%',
      kind: 'level',
      direction: 'up',
      scheduleBasis: 'months',
      source: 'orders:closureRate',
    },
    owner: 'subdistrict',
    annual: 95,
    actuals: [],
    otherTargets: [{ owner: 'community', annual: 90 }],
  },
];

/** The demo owners: unit code and the account that enters actuals. */
const OWNERS: Record<Owner, { unitCode: string; username: string }> = {
  subdistrict: { unitCode: DEMO_LAYOUT.code, username: 'operator' },
  community: { unitCode: DEMO_LAYOUT.gridAreas[0]?.communities[0]?.code ?? '', username: 'community' },
  greening: { unitCode: DEMO_DEPARTMENTS[0]?.code ?? '', username: 'department' },
};

/**
 * Seeds the demo metrics with targets for the current year (Beijing time) and the actuals of
 * every month that ended before today, as their owners would have entered them the day after.
 * A database that is not the demo world, or already has metrics, is left alone; returns the
 * counts seeded, or undefined.
 */
export async function seedDemoMetrics(
  ctx: ServiceContext,
): Promise<{ metrics: number; actuals: number } | undefined> {
  const units = new Map<Owner, string>();
  const enterers = new Map<Owner, string | null>();
  for (const [owner, { unitCode, username }] of Object.entries(OWNERS) as [Owner, (typeof OWNERS)[Owner]][]) {
    const unit = await findUnitByCode(ctx.db, unitCode);
    if (!unit) return undefined;
    units.set(owner, unit.id);
    enterers.set(owner, (await findUserByUsername(ctx.db, username))?.id ?? null);
  }
  if ((await listMetrics(ctx.db, { scopePath: null })).length > 0) return undefined;
  const { utcOffsetMs } = await workingCalendar(ctx);
  const now = ctx.now();
  const today = localDayIndex(utcOffsetMs, now);
  const year = yearOf(today);
  let actuals = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const m of DEMO_METRICS) {
      const ownerUnitId = units.get(m.owner) ?? '';
      const ownerUserId = enterers.get(m.owner) ?? null;
      const metric = { id: newId(), ...m.fields, ownerUnitId, ownerUserId, createdAt: now, updatedAt: now };
      await insertMetric(trx, metric);
      for (const t of [{ owner: m.owner, annual: m.annual }, ...(m.otherTargets ?? [])]) {
        await putTarget(trx, {
          metricId: metric.id,
          year,
          unitId: units.get(t.owner) ?? '',
          annual: t.annual,
          monthly: null,
          updatedBy: enterers.get('subdistrict') ?? null,
          updatedAt: now,
        });
      }
      for (const [i, value] of m.actuals.entries()) {
        if (monthEndDay(year, i + 1) >= today) break;
        await putActual(trx, {
          metricId: metric.id,
          period: `${year}-${String(i + 1).padStart(2, '0')}`,
          value,
          note: null,
          enteredBy: enterers.get(m.owner) ?? null,
          enteredAt: now,
        });
        actuals++;
      }
    }
  });
  return { metrics: DEMO_METRICS.length, actuals };
}
