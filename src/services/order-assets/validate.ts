import { inScope } from '../../domain/auth/scope.ts';
import { fail } from '../../errors/catalogue.ts';
import { findUnit } from '../../store/units.repository.ts';
import { getAssetOrThrow } from '../assets/index.ts';
import type { Principal, ServiceContext } from '../context.ts';

/**
 * Assets named for an order or a sub-task: each must exist and be one the caller may see
 * (ASSET_NOT_FOUND otherwise, an unseen one like an unknown one), and belong to the unit the
 * work goes to or a unit under it (ASSET_NOT_IN_UNIT): a unit sends its own boats. A null caller
 * is the system (an alert's own dispatch), which sees every asset.
 */
export async function requireAssetsOfUnit(
  ctx: ServiceContext,
  who: Principal | null,
  assetIds: readonly string[] | undefined,
  unitId: string | null | undefined,
  field: string,
): Promise<void> {
  if (!assetIds || assetIds.length === 0) return;
  const unit = unitId ? await findUnit(ctx.db, unitId) : undefined;
  for (const [i, id] of assetIds.entries()) {
    const asset = await getAssetOrThrow(ctx, who, id).catch((error: unknown) => {
      if (error instanceof Error && 'code' in error && error.code === 'ASSET_NOT_FOUND')
        fail('ASSET_NOT_FOUND', `${field}.${i} ${id} is not an asset you can see`, {
          field: `${field}.${i}`,
        });
      throw error;
    });
    const holder = await findUnit(ctx.db, asset.unitId);
    if (!unit || !holder || !inScope(unit.path, holder.path)) {
      fail(
        'ASSET_NOT_IN_UNIT',
        `${field}.${i}: ${asset.name} (${asset.code}) belongs to ${holder?.name ?? asset.unitId}, ` +
          `not to ${unit?.name ?? 'the unit the order goes to'}: send that unit's own boats`,
        { field: `${field}.${i}`, assetId: asset.id },
      );
    }
  }
}
