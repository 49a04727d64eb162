import type { ShiftPlanView } from '../../api/index.ts';
import { checkShiftPlan, FleetError, remarkFromDate, type ShiftPlan } from '../../domain/fleet/index.ts';
import { fail } from '../../errors/catalogue.ts';
import { type Asset, listAssets } from '../../store/assets.repository.ts';
import type { Db } from '../../store/database.ts';
import { markStoredDaysOf } from '../../store/day-summaries.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import {
  deleteShiftPlan,
  findShiftPlans,
  putShiftPlan,
  type ShiftPlanRecord,
} from '../../store/shift-plans.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import { getAssetOrThrow } from '../assets/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { assertHeldInScope } from '../scope/index.ts';

/** An asset's plan and whose it is: its own, the nearest unit's above it, or none. */
export interface ResolvedPlan {
  plan: ShiftPlan | undefined;
  source: 'asset' | 'unit' | 'none';
  unitId: string | null;
  updatedAt: number | null;
}

const NO_PLAN: ResolvedPlan = { plan: undefined, source: 'none', unitId: null, updatedAt: null };

function shiftView(r: ResolvedPlan): ShiftPlanView {
  return {
    weekly: r.plan?.weekly ?? [],
    exceptions: r.plan?.exceptions ?? [],
    followsCalendar: r.plan?.followsCalendar ?? false,
    source: r.source,
    unitId: r.unitId,
    updatedAt: r.updatedAt === null ? null : new Date(r.updatedAt).toISOString(),
  };
}

/** The plan as stored: validated (400 FLEET_SETTINGS_INVALID naming the entry at fault), sorted, without empty fields. */
function checkedPlan(input: ShiftPlan): ShiftPlan {
  try {
    checkShiftPlan(input);
  } catch (e) {
    if (e instanceof FleetError) fail(e.code, e.message);
    throw e;
  }
  return {
    weekly: input.weekly
      .map(({ weekday, start, end }) => ({ weekday, start, end }))
      .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)),
    exceptions: input.exceptions
      .map((e) =>
        e.off
          ? { date: e.date, off: true as const }
          : { date: e.date, start: e.start ?? '', end: e.end ?? '' },
      )
      .sort((a, b) => a.date.localeCompare(b.date)),
    followsCalendar: input.followsCalendar,
  };
}

/** The unit ids from a unit up to the root: the order in which a default plan is looked for. */
async function unitChain(ctx: ServiceContext, unitId: string): Promise<string[]> {
  const unit = await findUnit(ctx.db, unitId);
  return unit ? unit.path.split('/').filter(Boolean).reverse() : [unitId];
}

/**
 * The shift plan of each asset: its own, else the default of its unit or the nearest unit above
 * (the contractor's plan for all its boats), else none.
 */
export async function resolvePlans(
  ctx: ServiceContext,
  assets: readonly Asset[],
): Promise<Map<string, ResolvedPlan>> {
  const chains = new Map<string, string[]>();
  for (const unitId of new Set(assets.map((a) => a.unitId))) chains.set(unitId, await unitChain(ctx, unitId));
  const owners = [...assets.map((a) => a.id), ...new Set([...chains.values()].flat())];
  const stored = await findShiftPlans(ctx.db, owners);
  const resolved = (r: ShiftPlanRecord, source: 'asset' | 'unit'): ResolvedPlan => ({
    plan: r.plan,
    source,
    unitId: source === 'unit' ? r.ownerId : null,
    updatedAt: r.updatedAt,
  });
  const out = new Map<string, ResolvedPlan>();
  for (const a of assets) {
    const own = stored.get(a.id);
    const inherited = (chains.get(a.unitId) ?? [])
      .map((id) => stored.get(id))
      .find((r) => r?.ownerKind === 'unit');
    out.set(a.id, own ? resolved(own, 'asset') : inherited ? resolved(inherited, 'unit') : NO_PLAN);
  }
  return out;
}

/** GET /api/assets/:id/shifts: the plan the asset works to and whose it is. */
export async function getAssetShifts(
  ctx: ServiceContext,
  who: Principal | null,
  assetId: string,
): Promise<ShiftPlanView> {
  const asset = await getAssetOrThrow(ctx, who, assetId);
  return shiftView((await resolvePlans(ctx, [asset])).get(asset.id) ?? NO_PLAN);
}

/**
 * Re-marks the recent summaries of assets whose plan changed (their derived duty, work and rest
 * follow it), in the change's transaction.
 */
async function remark(ctx: ServiceContext, trx: Db, assetIds: readonly string[]): Promise<void> {
  await markStoredDaysOf(trx, assetIds, remarkFromDate(ctx.now()), ctx.now());
}

/** PUT /api/assets/:id/shifts: the asset's own plan. */
export async function putAssetShifts(
  ctx: ServiceContext,
  assetId: string,
  input: ShiftPlan,
): Promise<ShiftPlanView> {
  const asset = await getAssetOrThrow(ctx, null, assetId);
  const plan = checkedPlan(input);
  await writeTransaction(ctx.db, [], async (trx) => {
    await putShiftPlan(trx, { ownerId: asset.id, ownerKind: 'asset', plan, updatedAt: ctx.now() });
    await remark(ctx, trx, [asset.id]);
  });
  return getAssetShifts(ctx, null, assetId);
}

/** DELETE /api/assets/:id/shifts: the asset follows its unit's default again. */
export async function clearAssetShifts(ctx: ServiceContext, assetId: string): Promise<void> {
  const asset = await getAssetOrThrow(ctx, null, assetId);
  await writeTransaction(ctx.db, [], async (trx) => {
    await deleteShiftPlan(trx, asset.id);
    await remark(ctx, trx, [asset.id]);
  });
}

async function getUnitInScopeOrThrow(ctx: ServiceContext, who: Principal | null, unitId: string) {
  const unit = await findUnit(ctx.db, unitId);
  const notFound = () => fail('UNIT_NOT_FOUND', `No unit with id ${unitId}`);
  if (!unit) return notFound();
  await assertHeldInScope(ctx, who, unit.id, notFound);
  return unit;
}

/** GET /api/units/:id/shifts: the unit's default plan for its assets (source "none" without one). */
export async function getUnitShifts(
  ctx: ServiceContext,
  who: Principal | null,
  unitId: string,
): Promise<ShiftPlanView> {
  const unit = await getUnitInScopeOrThrow(ctx, who, unitId);
  const stored = (await findShiftPlans(ctx.db, [unit.id])).get(unit.id);
  return shiftView(
    stored
      ? { plan: stored.plan, source: 'unit', unitId: unit.id, updatedAt: stored.updatedAt }
      : { ...NO_PLAN, unitId: unit.id },
  );
}

/** PUT /api/units/:id/shifts: the unit's default plan, for its assets (and those of units under it) without their own. */
export async function putUnitShifts(
  ctx: ServiceContext,
  unitId: string,
  input: ShiftPlan,
): Promise<ShiftPlanView> {
  const unit = await getUnitInScopeOrThrow(ctx, null, unitId);
  const plan = checkedPlan(input);
  await writeTransaction(ctx.db, [], async (trx) => {
    await putShiftPlan(trx, { ownerId: unit.id, ownerKind: 'unit', plan, updatedAt: ctx.now() });
    // Every boat under the unit may follow it (those with their own plan are marked needlessly: cheap).
    await remark(
      ctx,
      trx,
      (await listAssets(trx, { scopePath: unit.path, kind: 'boat' })).map((a) => a.id),
    );
  });
  return getUnitShifts(ctx, null, unit.id);
}
