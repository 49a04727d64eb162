import type { TrackSettings } from '../../domain/fleet/index.ts';
import { fail } from '../../errors/catalogue.ts';
import type { Asset } from '../../store/assets.repository.ts';
import {
  type AssetTrackRow,
  type AssetTrackTuple,
  listAssetTrack,
  listAssetTrackTuples,
} from '../../store/positions.repository.ts';
import { getAssetOrThrow } from '../assets/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { trackSettingsOf } from '../fleet-settings/index.ts';

/** The longest span one track, trips or stops request may ask for (as GET /api/positions). */
const MAX_RANGE_MS = 31 * 86_400_000;

/** An asset's span of time: both ends inclusive, epoch ms. */
export interface AssetRange {
  assetId: string;
  from: number;
  to: number;
}

/** An asset in the caller's scope with its fixes over a range and the track settings of its kind. */
export interface LoadedTrack {
  asset: Asset;
  settings: TrackSettings;
  from: number;
  to: number;
  /** Every stored fix of its devices in the range, oldest first. */
  rows: AssetTrackRow[];
}

/**
 * Checks the range, then finds the asset within the caller's scope (out of scope reads as
 * unknown: ASSET_NOT_FOUND). The range comes first, so a bad range answers alike for every id.
 */
async function scopedAsset(ctx: ServiceContext, who: Principal, q: AssetRange): Promise<Asset> {
  if (!(q.from <= q.to)) fail('TIME_RANGE_INVALID', '"from" must not be after "to"', { field: 'from' });
  if (q.to - q.from > MAX_RANGE_MS)
    fail('TIME_RANGE_INVALID', 'ask for at most 31 days at a time', { field: 'to' });
  return getAssetOrThrow(ctx, who, q.assetId);
}

/** The asset (scoped as scopedAsset) with its fixes over the range, read in one query. */
export async function loadAssetTrack(
  ctx: ServiceContext,
  who: Principal,
  q: AssetRange,
): Promise<LoadedTrack> {
  const asset = await scopedAsset(ctx, who, q);
  const rows = await listAssetTrack(ctx.db, asset.id, q.from, q.to);
  return { asset, settings: await trackSettingsOf(ctx, asset.kind), from: q.from, to: q.to, rows };
}

/** The asset's fixes (scoped as scopedAsset) as the database's arrays: what the full JSON track writes. */
export async function loadAssetTrackTuples(
  ctx: ServiceContext,
  who: Principal,
  q: AssetRange,
): Promise<AssetTrackTuple[]> {
  const asset = await scopedAsset(ctx, who, q);
  return listAssetTrackTuples(ctx.db, asset.id, q.from, q.to);
}
