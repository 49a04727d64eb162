import { type Failure, invalid } from './errors.ts';
import { handlerCheck, isCentre } from './guards.ts';
import type { ActionSpecs } from './spec.ts';

/** The most boats one order or sub-task names: more is a mistake, not a deployment. */
export const MAX_ORDER_ASSETS = 20;

/** Asset ids named by a dispatch, a sub-task or assignAssets: distinct non-empty strings, a few at most. */
export function assetIdsProblem(value: unknown, what: string): Failure | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'string' && id !== ''))
    return invalid(`${what} must be a list of asset ids`);
  if (new Set(value).size !== value.length) return invalid(`${what} names an asset twice`);
  if (value.length > MAX_ORDER_ASSETS) return invalid(`${what} names more than ${MAX_ORDER_ASSETS} assets`);
  return undefined;
}

/**
 * During handling (事中): the unit holding the order, or the centre, names the boats it sends.
 * The service has checked the ids are assets of the holding unit; an empty list goes back to
 * "the handling unit's boats are considered".
 */
export const ASSET_SPECS: ActionSpecs<'assignAssets'> = {
  assignAssets: {
    check: (order, actor) => (isCentre(actor) ? undefined : handlerCheck(order, actor)),
    apply: (order, action) =>
      assetIdsProblem(action.assetIds ?? null, 'assetIds') ?? {
        ok: true,
        order: { ...order, assetIds: [...action.assetIds] },
        data: { assetIds: [...action.assetIds], previousAssetIds: [...order.assetIds] },
      },
  },
};
