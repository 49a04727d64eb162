import type { MetricDetailView } from '../../api/index.ts';
import { type MetricFields, metricProblem } from '../../domain/metrics/index.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import type { Db } from '../../store/database.ts';
import {
  deleteMetric,
  findMetric,
  findMetricByCode,
  insertMetric,
  listActuals,
  listMetrics,
  listTargets,
  type Metric,
  type MetricTarget,
  moveTargets,
  replaceMetric,
} from '../../store/metrics.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { findUnit } from '../../store/units.repository.ts';
import { findUser } from '../../store/users.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { filterHeldInScope, listScopeOf, mayReadUnit } from '../scope/index.ts';
import { actualView, metricView, targetView } from './views.ts';

/** What POST /api/metrics takes: the fields, the owner person and source optional. */
export type MetricInput = Omit<MetricFields, 'ownerUserId' | 'source'> &
  Partial<Pick<MetricFields, 'ownerUserId' | 'source'>>;

const notFound = (id: string): never => fail('METRIC_NOT_FOUND', `No metric with id ${id}`);

/**
 * The targets of a metric that a caller may read: those of units in their scope. A metric is
 * visible to whoever sees its owner unit or the unit of one of its targets; to anyone else it
 * is METRIC_NOT_FOUND, exactly as an id that does not exist.
 */
async function visibleTargets(ctx: ServiceContext, who: Principal | null, targets: readonly MetricTarget[]) {
  return who === null ? [...targets] : filterHeldInScope(ctx, who, targets, (t) => t.unitId);
}

/** A metric the caller may see, with the targets they may see; METRIC_NOT_FOUND otherwise. */
export async function getMetricOrThrow(
  ctx: ServiceContext,
  who: Principal | null,
  id: string,
): Promise<{ metric: Metric; targets: MetricTarget[] }> {
  const metric = await findMetric(ctx.db, id);
  if (!metric) return notFound(id);
  const targets = await visibleTargets(ctx, who, await listTargets(ctx.db, id));
  if (who !== null && targets.length === 0) {
    const owner = await filterHeldInScope(ctx, who, [metric.ownerUnitId], (u) => u);
    if (owner.length === 0) notFound(id);
  }
  return { metric, targets };
}

/** One metric with the targets the caller may see and its actuals. */
export async function getMetricDetail(
  ctx: ServiceContext,
  who: Principal,
  id: string,
): Promise<MetricDetailView> {
  const { metric, targets } = await getMetricOrThrow(ctx, who, id);
  const actuals = await listActuals(ctx.db, [id]);
  return { ...metricView(metric), targets: targets.map(targetView), actuals: actuals.map(actualView) };
}

/** The metrics the caller may see, by code. */
export function listVisibleMetrics(ctx: ServiceContext, who: Principal): Promise<Metric[]> {
  return listMetrics(ctx.db, { scopePath: listScopeOf(who) });
}

/** The owner unit in the caller's scope, the owner person in it (or under it), fields that fit, a free code. */
async function checkMetric(ctx: ServiceContext, who: Principal, m: Metric): Promise<void> {
  const problem = metricProblem(m);
  if (problem) fail('VALIDATION_FAILED', `body.kind: ${problem}`, { field: 'body.kind' });
  const owner = await findUnit(ctx.db, m.ownerUnitId);
  if (!owner || !mayReadUnit(who, owner)) {
    fail('UNIT_NOT_FOUND', `ownerUnitId ${m.ownerUnitId} is not a unit you manage`, {
      field: 'body.ownerUnitId',
    });
  }
  if (m.ownerUserId !== null) {
    const user = await findUser(ctx.db, m.ownerUserId);
    if (!user) {
      fail('USER_NOT_FOUND', `ownerUserId ${m.ownerUserId} is not an existing user`, {
        field: 'body.ownerUserId',
      });
    }
    const unit = await findUnit(ctx.db, user.unitId);
    if (!unit?.path.startsWith(owner.path)) {
      fail(
        'VALIDATION_FAILED',
        `body.ownerUserId: ${user.displayName} is not of ${owner.name} or a unit under it`,
        {
          field: 'body.ownerUserId',
        },
      );
    }
  }
  const same = await findMetricByCode(ctx.db, m.code);
  if (same && same.id !== m.id) {
    fail('METRIC_CODE_TAKEN', `Metric code ${m.code} is already "${same.name}"`, { field: 'code' });
  }
}

/** Adds a metric (admins and operators). */
export async function createMetric(ctx: ServiceContext, who: Principal, input: MetricInput): Promise<Metric> {
  const now = ctx.now();
  const metric: Metric = {
    id: newId(),
    ...input,
    ownerUserId: input.ownerUserId ?? null,
    source: input.source ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await checkMetric(ctx, who, metric);
  await writeTransaction(ctx.db, [], (trx) => insertMetric(trx, metric));
  return metric;
}

/** Edits a metric; null clears the owner person or the source. */
export async function patchMetric(
  ctx: ServiceContext,
  who: Principal,
  id: string,
  patch: Partial<MetricInput>,
): Promise<Metric> {
  const { metric } = await getMetricOrThrow(ctx, who, id);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const next: Metric = { ...metric, ...defined, updatedAt: ctx.now() };
  await checkMetric(ctx, who, next);
  if (next.source === null && metric.source !== null) {
    const others = (await listTargets(ctx.db, id)).filter((t) => t.unitId !== metric.ownerUnitId);
    if (others.length > 0) {
      fail(
        'VALIDATION_FAILED',
        `body.source: ${metric.code} has targets for ${others.length} unit(s) besides its owner; an entered ` +
          'metric has its owner’s target only: keep the source, or make a metric per unit',
        { field: 'body.source' },
      );
    }
  }
  await writeTransaction(ctx.db, [], (trx) => saveMetric(trx, metric, next));
  return next;
}

/**
 * Replaces a metric's fields. An entered metric's targets are its owner's, so they follow a
 * change of owner; a computed metric's targets stay with their units.
 */
export async function saveMetric(db: Db, before: Metric, after: Metric): Promise<void> {
  await replaceMetric(db, after);
  if (after.source === null && after.ownerUnitId !== before.ownerUnitId)
    await moveTargets(db, after.id, after.ownerUnitId);
}

/** Deletes a metric with its targets and actuals. */
export async function removeMetric(ctx: ServiceContext, who: Principal, id: string): Promise<void> {
  await getMetricOrThrow(ctx, who, id);
  await writeTransaction(ctx.db, [], (trx) => deleteMetric(trx, id));
}
