import { DEFAULT_DOCK_RADIUS_M, type DockView } from '../../api/index.ts';
import { remarkFromDate } from '../../domain/fleet/index.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import type { Db } from '../../store/database.ts';
import { markStoredDaysOf } from '../../store/day-summaries.repository.ts';
import {
  type DockRecord,
  deleteDock,
  findDock,
  insertDock,
  listBoatIdsServedByDock,
  listDocks,
  updateDock,
} from '../../store/docks.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { findUnit } from '../../store/units.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { assertHeldInScope, listScopeUnder } from '../scope/index.ts';

/**
 * Re-marks the recent summaries of the boats a dock serves (their stops at a dock are rest): in
 * the change's transaction, before and after it, so a dock moved to another unit marks both.
 */
async function remarkServed(ctx: ServiceContext, trx: Db, boatIds: readonly string[]): Promise<void> {
  await markStoredDaysOf(trx, [...new Set(boatIds)], remarkFromDate(ctx.now()), ctx.now());
}

/** A dock as the API returns it. */
export function dockView(d: DockRecord): DockView {
  return {
    id: d.id,
    name: d.name,
    lat: d.lat,
    lon: d.lon,
    radiusM: d.radiusM,
    unitId: d.unitId,
    createdAt: new Date(d.createdAt).toISOString(),
    updatedAt: new Date(d.updatedAt).toISOString(),
  };
}

function notFound(id: string): () => never {
  return () => fail('DOCK_NOT_FOUND', `No dock with id ${id}`);
}

/** The dock, if it is held by a unit in the caller's scope (null: a system call); DOCK_NOT_FOUND otherwise. */
export async function getDockOrThrow(
  ctx: ServiceContext,
  who: Principal | null,
  id: string,
): Promise<DockRecord> {
  const dock = await findDock(ctx.db, id);
  if (!dock) return fail('DOCK_NOT_FOUND', `No dock with id ${id}`);
  await assertHeldInScope(ctx, who, dock.unitId, notFound(id));
  return dock;
}

/** The docks held in the caller's scope, or under one unit of it (`unitId`). */
export async function listVisibleDocks(
  ctx: ServiceContext,
  who: Principal,
  filter: { unitId?: string },
): Promise<DockRecord[]> {
  const scopePath = await listScopeUnder(ctx, who, filter.unitId, () =>
    fail('UNIT_NOT_FOUND', `No unit with id ${filter.unitId}`, { field: 'unitId' }),
  );
  return listDocks(ctx.db, { scopePath });
}

async function checkUnit(ctx: ServiceContext, unitId: string | undefined): Promise<void> {
  if (unitId !== undefined && !(await findUnit(ctx.db, unitId))) {
    fail('UNIT_NOT_FOUND', `unitId ${unitId} is not an existing unit`, { field: 'unitId' });
  }
}

/** Adds a dock; its radius defaults to DEFAULT_DOCK_RADIUS_M. */
export async function createDock(
  ctx: ServiceContext,
  input: { name: string; lat: number; lon: number; radiusM?: number; unitId: string },
): Promise<DockRecord> {
  await checkUnit(ctx, input.unitId);
  const now = ctx.now();
  const dock: DockRecord = {
    id: newId(),
    name: input.name,
    lat: input.lat,
    lon: input.lon,
    radiusM: input.radiusM ?? DEFAULT_DOCK_RADIUS_M,
    unitId: input.unitId,
    createdAt: now,
    updatedAt: now,
  };
  await writeTransaction(ctx.db, [], async (trx) => {
    await insertDock(trx, dock);
    await remarkServed(ctx, trx, await listBoatIdsServedByDock(trx, dock.id));
  });
  return dock;
}

/** Changes a dock's name, position, radius or holding unit. */
export async function patchDock(
  ctx: ServiceContext,
  id: string,
  patch: { name?: string; lat?: number; lon?: number; radiusM?: number; unitId?: string },
): Promise<DockRecord> {
  await getDockOrThrow(ctx, null, id);
  await checkUnit(ctx, patch.unitId);
  await writeTransaction(ctx.db, [], async (trx) => {
    const before = await listBoatIdsServedByDock(trx, id);
    await updateDock(trx, id, { ...patch, updatedAt: ctx.now() });
    await remarkServed(ctx, trx, [...before, ...(await listBoatIdsServedByDock(trx, id))]);
  });
  return getDockOrThrow(ctx, null, id);
}

/** Deletes a dock. Unloads logged at it keep its id (their history outlives the dock). */
export async function removeDock(ctx: ServiceContext, id: string): Promise<void> {
  await getDockOrThrow(ctx, null, id);
  await writeTransaction(ctx.db, [], async (trx) => {
    await remarkServed(ctx, trx, await listBoatIdsServedByDock(trx, id));
    await deleteDock(trx, id);
  });
}
