import { FLEET_READERS, type Role } from '../../domain/auth/roles.ts';
import { findAsset, findAssetByUser } from '../../store/assets.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { mayReadUnit } from './units.ts';

/**
 * Whether the caller reads a boat's records (duty, clock events, unloads, their photos): a fleet
 * reader whose scope holds the boat's unit; a crew user only their own boat — as GET /api/duty does.
 */
export async function mayReadBoatRecords(
  ctx: ServiceContext,
  who: Principal,
  boatId: string,
): Promise<boolean> {
  if (!FLEET_READERS.includes(who.role as Role)) return false;
  const boat = await findAsset(ctx.db, boatId);
  if (!boat) return false;
  if (who.role === 'crew') return (await findAssetByUser(ctx.db, who.userId))?.boatId === boat.id;
  if (who.scopePath === null) return true;
  const unit = await findUnit(ctx.db, boat.unitId);
  return unit !== undefined && mayReadUnit(who, unit);
}
