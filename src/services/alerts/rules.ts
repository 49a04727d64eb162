import type { AlertRuleView } from '../../api/index.ts';
import {
  type AlertKind,
  type AlertParams,
  AlertRuleError,
  checkRuleParams,
  DEFAULT_BOAT_RULES,
} from '../../domain/alerts/index.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import {
  type AlertRuleRecord,
  deleteAlertRule,
  findAlertRule,
  insertAlertRule,
  listAlertRules,
  updateAlertRule,
} from '../../store/alerts.repository.ts';
import { findCategory } from '../../store/categories.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { findUnit } from '../../store/units.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { assertHeldInScope, listScopeUnder } from '../scope/index.ts';

/** Bumped on every change to a rule: the live watches reload their rules when it moves. */
let rulesVersion = 0;

/** The version of the rules the live watches compare with theirs. */
export function alertRulesVersion(): number {
  return rulesVersion;
}

/** A rule as the API returns it. */
export function alertRuleView(r: AlertRuleRecord): AlertRuleView {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as AlertKind,
    params: r.params,
    unitId: r.unitId,
    assetKinds: r.assetKinds,
    enabled: r.enabled,
    openOrder: r.openOrder,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

/** The rule, if its unit is in the caller's scope (null: a system call); ALERT_RULE_NOT_FOUND otherwise. */
export async function getAlertRuleOrThrow(
  ctx: ServiceContext,
  who: Principal | null,
  id: string,
): Promise<AlertRuleRecord> {
  const notFound = () => fail('ALERT_RULE_NOT_FOUND', `No alert rule with id ${id}`);
  const rule = await findAlertRule(ctx.db, id);
  if (!rule) return notFound();
  await assertHeldInScope(ctx, who, rule.unitId, notFound);
  return rule;
}

/** The rules held in the caller's scope, or under one unit of it. */
export async function listVisibleAlertRules(
  ctx: ServiceContext,
  who: Principal,
  filter: { unitId?: string },
): Promise<AlertRuleRecord[]> {
  const scopePath = await listScopeUnder(ctx, who, filter.unitId, () =>
    fail('UNIT_NOT_FOUND', `No unit with id ${filter.unitId}`, { field: 'unitId' }),
  );
  return listAlertRules(ctx.db, { scopePath });
}

function checkedParams(kind: AlertKind, params: Record<string, unknown>): AlertParams {
  try {
    return checkRuleParams(kind, params);
  } catch (e) {
    if (e instanceof AlertRuleError) fail('VALIDATION_FAILED', e.message, { field: `body.${e.field}` });
    throw e;
  }
}

async function checkRefs(
  ctx: ServiceContext,
  input: { unitId?: string; openOrder?: { categoryId: string } | null },
): Promise<void> {
  if (input.unitId !== undefined && !(await findUnit(ctx.db, input.unitId))) {
    fail('UNIT_NOT_FOUND', `body.unitId ${input.unitId} is not an existing unit`, { field: 'body.unitId' });
  }
  const categoryId = input.openOrder?.categoryId;
  if (categoryId !== undefined && !(await findCategory(ctx.db, categoryId))) {
    fail('CATEGORY_NOT_FOUND', `body.openOrder.categoryId ${categoryId} is not a category`, {
      field: 'body.openOrder.categoryId',
    });
  }
}

/** What a rule is made of. */
export interface AlertRuleInput {
  name: string;
  kind: AlertKind;
  params: Record<string, unknown>;
  unitId: string;
  assetKinds?: string[] | null;
  enabled?: boolean;
  openOrder?: { categoryId: string; stage: 'before' } | null;
}

/** Adds a rule; its parameters are checked for its kind (400 naming the field). */
export async function createAlertRule(ctx: ServiceContext, input: AlertRuleInput): Promise<AlertRuleRecord> {
  const params = checkedParams(input.kind, input.params);
  await checkRefs(ctx, input);
  const now = ctx.now();
  const rule: AlertRuleRecord = {
    id: newId(),
    name: input.name.trim(),
    kind: input.kind,
    params: { ...params },
    unitId: input.unitId,
    assetKinds: input.assetKinds ?? null,
    enabled: input.enabled ?? true,
    openOrder: input.openOrder ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await writeTransaction(ctx.db, [], (trx) => insertAlertRule(trx, rule));
  rulesVersion++;
  return rule;
}

/** Changes a rule (not its kind). */
export async function patchAlertRule(
  ctx: ServiceContext,
  id: string,
  patch: Partial<Omit<AlertRuleInput, 'kind'>>,
): Promise<AlertRuleRecord> {
  const rule = await getAlertRuleOrThrow(ctx, null, id);
  const params =
    patch.params === undefined ? rule.params : { ...checkedParams(rule.kind as AlertKind, patch.params) };
  await checkRefs(ctx, patch);
  const next: AlertRuleRecord = {
    ...rule,
    name: patch.name?.trim() ?? rule.name,
    params,
    unitId: patch.unitId ?? rule.unitId,
    assetKinds: patch.assetKinds === undefined ? rule.assetKinds : patch.assetKinds,
    enabled: patch.enabled ?? rule.enabled,
    openOrder: patch.openOrder === undefined ? rule.openOrder : patch.openOrder,
    updatedAt: ctx.now(),
  };
  await writeTransaction(ctx.db, [], (trx) => updateAlertRule(trx, next));
  rulesVersion++;
  return next;
}

/** Deletes a rule; its alerts stay as history. */
export async function removeAlertRule(ctx: ServiceContext, id: string): Promise<void> {
  await getAlertRuleOrThrow(ctx, null, id);
  await writeTransaction(ctx.db, [], (trx) => deleteAlertRule(trx, id));
  rulesVersion++;
}

/**
 * The default boat rules (idle 30 min, out of segment 10 min with marginM 10, late start 30 min,
 * coverage 0.9, offline, overspeed, SOS) for a unit's boats, unless it already has rules; the
 * out-of-segment rule opens an order in `categoryId` when one is given.
 */
export async function seedDefaultAlertRules(
  ctx: ServiceContext,
  unitId: string,
  options: { outOfSegmentCategoryId?: string } = {},
): Promise<number> {
  if ((await listAlertRules(ctx.db)).some((r) => r.unitId === unitId)) return 0;
  for (const rule of DEFAULT_BOAT_RULES) {
    const categoryId = rule.kind === 'outOfSegment' ? options.outOfSegmentCategoryId : undefined;
    await createAlertRule(ctx, {
      name: rule.name,
      kind: rule.kind,
      params: { ...rule.params },
      unitId,
      assetKinds: ['boat'],
      openOrder: categoryId ? { categoryId, stage: 'before' } : null,
    });
  }
  return DEFAULT_BOAT_RULES.length;
}
