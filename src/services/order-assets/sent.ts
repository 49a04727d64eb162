import type { OrderState } from '../../domain/workorder/model.ts';
import { type Asset, findAssets, listAssets } from '../../store/assets.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import type { ServiceContext } from '../context.ts';

/** The assets an order names: the lead's (dispatch, assignAssets) and its sub-tasks', each once. */
export function namedAssetIds(state: OrderState): string[] {
  return [...new Set([...state.assetIds, ...state.subTasks.flatMap((s) => s.assetIds)])];
}

/** The boats an order's checks look at, and whether they were named or are the handling unit's. */
export interface OrderBoats {
  assets: Asset[];
  assigned: boolean;
}

/**
 * The boats sent to an order: those it names, or, when it names none, the boats of the unit
 * handling it (its subtree), which are "considered". An asset deleted since is left out.
 */
export async function boatsOfOrder(ctx: ServiceContext, state: OrderState): Promise<OrderBoats> {
  const named = namedAssetIds(state);
  if (named.length > 0) {
    const found = await findAssets(ctx.db, named);
    const byId = new Map(found.map((a) => [a.id, a]));
    return { assets: named.flatMap((id) => byId.get(id) ?? []), assigned: true };
  }
  const unit = state.responsibleUnitId ? await findUnit(ctx.db, state.responsibleUnitId) : undefined;
  if (!unit) return { assets: [], assigned: false };
  return { assets: await listAssets(ctx.db, { scopePath: unit.path, kind: 'boat' }), assigned: false };
}
