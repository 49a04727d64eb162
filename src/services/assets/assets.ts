import type { AssetView } from '../../api/index.ts';
import type { AssetKind } from '../../domain/assets/kinds.ts';
import { remarkFromDate } from '../../domain/fleet/index.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import {
  type Asset,
  countDevicesOfAsset,
  deleteAsset,
  findAsset,
  findAssetByUser,
  insertAsset,
  listAssets,
  updateAsset,
} from '../../store/assets.repository.ts';
import { markStoredDaysOf } from '../../store/day-summaries.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { findSegment } from '../../store/segments.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import { findUser } from '../../store/users.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { assertHeldInScope, listScopeOf } from '../scope/index.ts';

/** What an asset may be, for the routes' request schemas. */
export { ASSET_KINDS } from '../../domain/assets/kinds.ts';

/** An asset as the API returns it. The store holds only kinds it was given as such. */
export function assetView(a: Asset): AssetView {
  return {
    id: a.id,
    kind: a.kind as AssetKind,
    code: a.code,
    name: a.name,
    unitId: a.unitId,
    segmentId: a.segmentId,
    segmentIds: a.segmentIds,
    userId: a.userId,
    boatId: a.boatId,
    createdAt: new Date(a.createdAt).toISOString(),
    updatedAt: new Date(a.updatedAt).toISOString(),
  };
}

export async function getAssetOrThrow(
  ctx: ServiceContext,
  who: Principal | null,
  id: string,
): Promise<Asset> {
  const asset = await findAsset(ctx.db, id);
  if (!asset) fail('ASSET_NOT_FOUND', `No asset with id ${id}`);
  await assertHeldInScope(ctx, who, asset.unitId, () => fail('ASSET_NOT_FOUND', `No asset with id ${id}`));
  return asset;
}

/** The segments a request gives: `segmentIds`, or the one `segmentId` of older clients (null: none). */
function segmentsOf(input: { segmentId?: string | null; segmentIds?: string[] }): string[] | undefined {
  if (input.segmentIds !== undefined && input.segmentId !== undefined) {
    fail('VALIDATION_FAILED', 'Give segmentIds or segmentId, not both', { field: 'segmentIds' });
  }
  if (input.segmentIds !== undefined) return input.segmentIds;
  if (input.segmentId !== undefined) return input.segmentId === null ? [] : [input.segmentId];
  return undefined;
}

async function checkRefs(ctx: ServiceContext, unitId?: string, segmentIds: string[] = []): Promise<void> {
  if (unitId && !(await findUnit(ctx.db, unitId))) {
    fail('UNIT_NOT_FOUND', `unitId ${unitId} is not an existing unit`, { field: 'unitId' });
  }
  for (const segmentId of segmentIds) {
    if (!(await findSegment(ctx.db, segmentId))) {
      fail('SEGMENT_NOT_FOUND', `segment ${segmentId} is not an existing river segment`, {
        field: 'segmentIds',
      });
    }
  }
}

async function checkCode(ctx: ServiceContext, code: string, exceptId?: string): Promise<void> {
  const clash = (await listAssets(ctx.db, { scopePath: null })).find(
    (a) => a.code === code && a.id !== exceptId,
  );
  if (clash)
    fail('ASSET_CODE_TAKEN', `Asset code ${code} is already used by "${clash.name}"`, { field: 'code' });
}

/** What an asset is created with; its river segments as `segmentIds` or, from older clients, one `segmentId`. */
export interface NewAsset {
  kind: string;
  code: string;
  name: string;
  unitId: string;
  segmentId?: string | null;
  segmentIds?: string[];
  /** A crew member's login: a user with role crew, linked to no other crew member. */
  userId?: string | null;
}

/** Refuses a login link unless the asset is a crew member and the user a crew user linked to no one else. */
async function checkLogin(
  ctx: ServiceContext,
  kind: string,
  userId: string,
  exceptId?: string,
): Promise<void> {
  if (kind !== 'crew') {
    fail('ASSET_KIND_WRONG', `Only a crew member (kind crew) has a login; this asset is a ${kind}`, {
      field: 'userId',
    });
  }
  const user = await findUser(ctx.db, userId);
  if (!user) fail('USER_NOT_FOUND', `userId ${userId} is not an existing user`, { field: 'userId' });
  if (user.role !== 'crew') {
    fail(
      'USER_ROLE_WRONG',
      `${user.username} has the role ${user.role}; a crew member's login needs the role crew`,
      {
        field: 'userId',
      },
    );
  }
  const linked = await findAssetByUser(ctx.db, userId);
  if (linked && linked.id !== exceptId) {
    fail('CREW_LOGIN_TAKEN', `${user.username} is already the login of crew member "${linked.name}"`, {
      field: 'userId',
      assetId: linked.id,
    });
  }
}

export async function createAsset(ctx: ServiceContext, input: NewAsset): Promise<Asset> {
  const segmentIds = segmentsOf(input) ?? [];
  await checkRefs(ctx, input.unitId, segmentIds);
  await checkCode(ctx, input.code);
  if (input.userId) await checkLogin(ctx, input.kind, input.userId);
  const now = ctx.now();
  const asset: Asset = {
    id: newId(),
    kind: input.kind,
    code: input.code,
    name: input.name,
    unitId: input.unitId,
    segmentId: segmentIds[0] ?? null,
    segmentIds,
    userId: input.userId ?? null,
    boatId: null,
    createdAt: now,
    updatedAt: now,
  };
  await writeTransaction(ctx.db, [], (trx) => insertAsset(trx, asset));
  return asset;
}

export async function patchAsset(
  ctx: ServiceContext,
  id: string,
  patch: Omit<NewAsset, 'kind' | 'code' | 'name' | 'unitId'> & {
    code?: string;
    name?: string;
    unitId?: string;
  },
): Promise<Asset> {
  const asset = await getAssetOrThrow(ctx, null, id);
  const segmentIds = segmentsOf(patch);
  await checkRefs(ctx, patch.unitId, segmentIds);
  if (patch.code !== undefined) await checkCode(ctx, patch.code, id);
  if (patch.userId) await checkLogin(ctx, asset.kind, patch.userId, id);
  const { code, name, unitId, userId } = patch;
  await writeTransaction(ctx.db, [], async (trx) => {
    await updateAsset(trx, id, { code, name, unitId, segmentIds, userId, updatedAt: ctx.now() });
    // Its segments (coverage) or its unit (the docks it may stop at) changed: its recent days are computed again.
    if (segmentIds !== undefined || unitId !== undefined)
      await markStoredDaysOf(trx, [id], remarkFromDate(ctx.now()), ctx.now());
  });
  return getAssetOrThrow(ctx, null, id);
}

export async function removeAsset(ctx: ServiceContext, id: string): Promise<void> {
  const asset = await getAssetOrThrow(ctx, null, id);
  const devices = await countDevicesOfAsset(ctx.db, id);
  if (devices > 0)
    fail('ASSET_IN_USE', `"${asset.name}" still has ${devices} device(s); move or delete them first`);
  await writeTransaction(ctx.db, [], (trx) => deleteAsset(trx, id));
}

export function listVisibleAssets(ctx: ServiceContext, who: Principal, filter: { kind?: string }) {
  return listAssets(ctx.db, { scopePath: listScopeOf(who), ...filter });
}
