import type { AssetView } from '../../api/index.ts';
import type { AssetKind } from '../../domain/assets/kinds.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import {
  type Asset,
  countDevicesOfAsset,
  deleteAsset,
  findAsset,
  insertAsset,
  listAssets,
  updateAsset,
} from '../../store/assets.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { findSegment, listSegments } from '../../store/segments.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { assertHeldInScope, filterHeldInScope, listScopeOf } from '../scope/index.ts';

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

async function checkRefs(ctx: ServiceContext, unitId?: string, segmentId?: string | null): Promise<void> {
  if (unitId !== undefined && !(await findUnit(ctx.db, unitId))) {
    fail('UNIT_NOT_FOUND', `unitId ${unitId} is not an existing unit`, { field: 'unitId' });
  }
  if (segmentId != null && !(await findSegment(ctx.db, segmentId))) {
    fail('SEGMENT_NOT_FOUND', `segmentId ${segmentId} is not an existing river segment`, {
      field: 'segmentId',
    });
  }
}

async function checkCode(ctx: ServiceContext, code: string, exceptId?: string): Promise<void> {
  const clash = (await listAssets(ctx.db, { scopePath: null })).find(
    (a) => a.code === code && a.id !== exceptId,
  );
  if (clash)
    fail('ASSET_CODE_TAKEN', `Asset code ${code} is already used by "${clash.name}"`, { field: 'code' });
}

export async function createAsset(
  ctx: ServiceContext,
  input: { kind: string; code: string; name: string; unitId: string; segmentId?: string | null },
): Promise<Asset> {
  await checkRefs(ctx, input.unitId, input.segmentId);
  await checkCode(ctx, input.code);
  const now = ctx.now();
  const asset: Asset = {
    id: newId(),
    ...input,
    segmentId: input.segmentId ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await writeTransaction(ctx.db, [], (trx) => insertAsset(trx, asset));
  return asset;
}

export async function patchAsset(
  ctx: ServiceContext,
  id: string,
  patch: { code?: string; name?: string; unitId?: string; segmentId?: string | null },
): Promise<Asset> {
  await getAssetOrThrow(ctx, null, id);
  await checkRefs(ctx, patch.unitId, patch.segmentId);
  if (patch.code !== undefined) await checkCode(ctx, patch.code, id);
  await writeTransaction(ctx.db, [], (trx) => updateAsset(trx, id, { ...patch, updatedAt: ctx.now() }));
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

/** River segments (责任河段) as GeoJSON lines, for the map: those held by a unit in the caller's scope. */
export async function listSegmentViews(ctx: ServiceContext, who: Principal) {
  const segments = await filterHeldInScope(ctx, who, await listSegments(ctx.db, {}), (s) => s.unitId);
  return {
    items: segments.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      geometry: s.geometry,
      halfWidthM: s.halfWidthM,
      unitId: s.unitId,
    })),
  };
}
