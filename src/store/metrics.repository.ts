import type { MetricDirection, MetricKind, MetricSource, ScheduleBasis } from '../domain/metrics/model.ts';
import type { Db } from './database.ts';
import { parseJson, toJson } from './dialect/json.ts';
import type { MetricActualTable, MetricTable, MetricTargetTable } from './schema.ts';
import { unitPathUnder } from './scope.ts';

/** A performance metric as stored. */
export interface Metric {
  id: string;
  code: string;
  name: string;
  unitOfMeasure: string;
  ownerUnitId: string;
  ownerUserId: string | null;
  kind: MetricKind;
  direction: MetricDirection;
  scheduleBasis: ScheduleBasis;
  source: MetricSource | null;
  createdAt: number;
  updatedAt: number;
}

/** A metric's annual target for a year and unit. */
export interface MetricTarget {
  metricId: string;
  year: number;
  unitId: string;
  annual: number;
  monthly: number[] | null;
  updatedBy: string | null;
  updatedAt: number;
}

/** A month's actual. */
export interface MetricActual {
  metricId: string;
  period: string;
  value: number;
  note: string | null;
  enteredBy: string | null;
  enteredAt: number;
}

// The columns hold only values the services wrote from the domain's lists.
function toMetric(r: MetricTable): Metric {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    unitOfMeasure: r.unit_of_measure,
    ownerUnitId: r.owner_unit_id,
    ownerUserId: r.owner_user_id,
    kind: r.kind as MetricKind,
    direction: r.direction as MetricDirection,
    scheduleBasis: r.schedule_basis as ScheduleBasis,
    source: r.source as MetricSource | null,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

function metricRow(m: Metric): MetricTable {
  return {
    id: m.id,
    code: m.code,
    name: m.name,
    unit_of_measure: m.unitOfMeasure,
    owner_unit_id: m.ownerUnitId,
    owner_user_id: m.ownerUserId,
    kind: m.kind,
    direction: m.direction,
    schedule_basis: m.scheduleBasis,
    source: m.source,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
  };
}

const toTarget = (r: MetricTargetTable): MetricTarget => ({
  metricId: r.metric_id,
  year: Number(r.year),
  unitId: r.unit_id,
  annual: Number(r.annual),
  monthly: parseJson<number[]>(r.monthly),
  updatedBy: r.updated_by,
  updatedAt: Number(r.updated_at),
});

const toActual = (r: MetricActualTable): MetricActual => ({
  metricId: r.metric_id,
  period: r.period,
  value: Number(r.value),
  note: r.note,
  enteredBy: r.entered_by,
  enteredAt: Number(r.entered_at),
});

export async function findMetric(db: Db, id: string): Promise<Metric | undefined> {
  const row = await db.selectFrom('metrics').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMetric(row) : undefined;
}

export async function findMetricByCode(db: Db, code: string): Promise<Metric | undefined> {
  const row = await db.selectFrom('metrics').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toMetric(row) : undefined;
}

/**
 * Metrics by code; with a scope path, those owned by a unit under it or with a target for one
 * (a community sees the closure-rate metric the subdistrict set it a target on).
 */
export async function listMetrics(db: Db, filter: { scopePath: string | null }): Promise<Metric[]> {
  let q = db
    .selectFrom('metrics')
    .innerJoin('units', 'units.id', 'metrics.owner_unit_id')
    .selectAll('metrics');
  const scope = filter.scopePath;
  if (scope !== null) {
    q = q.where((eb) =>
      eb.or([
        unitPathUnder('units.path', scope),
        eb.exists(
          eb
            .selectFrom('metric_targets')
            .innerJoin('units as target_units', 'target_units.id', 'metric_targets.unit_id')
            .select('metric_targets.metric_id')
            .whereRef('metric_targets.metric_id', '=', 'metrics.id')
            .where(unitPathUnder('target_units.path', scope)),
        ),
      ]),
    );
  }
  return (await q.orderBy('metrics.code').execute()).map(toMetric);
}

export async function insertMetric(db: Db, m: Metric): Promise<void> {
  await db.insertInto('metrics').values(metricRow(m)).execute();
}

export async function replaceMetric(db: Db, m: Metric): Promise<void> {
  const { id, created_at, ...rest } = metricRow(m);
  await db.updateTable('metrics').set(rest).where('id', '=', id).execute();
}

/** Deletes a metric; its targets and actuals go with it (ON DELETE CASCADE). */
export async function deleteMetric(db: Db, id: string): Promise<void> {
  await db.deleteFrom('metrics').where('id', '=', id).execute();
}

/** A metric's targets, newest year first. */
export async function listTargets(db: Db, metricId: string): Promise<MetricTarget[]> {
  const rows = await db
    .selectFrom('metric_targets')
    .selectAll()
    .where('metric_id', '=', metricId)
    .orderBy('year', 'desc')
    .orderBy('unit_id')
    .execute();
  return rows.map(toTarget);
}

/** Every target of a year. */
export async function listTargetsOfYear(db: Db, year: number): Promise<MetricTarget[]> {
  const rows = await db.selectFrom('metric_targets').selectAll().where('year', '=', year).execute();
  return rows.map(toTarget);
}

/** Sets the target of a year and unit (insert or replace). */
export async function putTarget(db: Db, t: MetricTarget): Promise<void> {
  const values = {
    metric_id: t.metricId,
    year: t.year,
    unit_id: t.unitId,
    annual: t.annual,
    monthly: toJson(t.monthly),
    updated_by: t.updatedBy,
    updated_at: t.updatedAt,
  };
  await db
    .insertInto('metric_targets')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['metric_id', 'year', 'unit_id']).doUpdateSet({
        annual: values.annual,
        monthly: values.monthly,
        updated_by: values.updated_by,
        updated_at: values.updated_at,
      }),
    )
    .execute();
}

/** Moves a metric's targets to another unit: an entered metric's targets follow its owner. */
export async function moveTargets(db: Db, metricId: string, toUnitId: string): Promise<void> {
  await db
    .updateTable('metric_targets')
    .set({ unit_id: toUnitId })
    .where('metric_id', '=', metricId)
    .execute();
}

/** Actuals of some metrics, oldest period first. */
export async function listActuals(db: Db, metricIds: readonly string[]): Promise<MetricActual[]> {
  if (metricIds.length === 0) return [];
  const rows = await db
    .selectFrom('metric_actuals')
    .selectAll()
    .where('metric_id', 'in', [...metricIds])
    .orderBy('metric_id')
    .orderBy('period')
    .execute();
  return rows.map(toActual);
}

/** Sets a month's actual (insert or replace). */
export async function putActual(db: Db, a: MetricActual): Promise<void> {
  const values = {
    metric_id: a.metricId,
    period: a.period,
    value: a.value,
    note: a.note,
    entered_by: a.enteredBy,
    entered_at: a.enteredAt,
  };
  await db
    .insertInto('metric_actuals')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['metric_id', 'period']).doUpdateSet({
        value: values.value,
        note: values.note,
        entered_by: values.entered_by,
        entered_at: values.entered_at,
      }),
    )
    .execute();
}
