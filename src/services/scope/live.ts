import { POSITION_READERS, type Role, STAFF_ROLES } from '../../domain/auth/roles.ts';
import { inScope } from '../../domain/auth/scope.ts';
import type { LiveEvent } from '../../live/bus.ts';
import type { Db } from '../../store/database.ts';
import { listOrderUnitIds } from '../../store/order-links.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import type { Principal } from '../context.ts';

/**
 * Whether a live event may reach this caller: the same rules as the REST routes that show the
 * same data, on top of the unit scope. Notifications go to their recipient only; alerts to a crew
 * member only for `crewBoatId`, the boat it works on (see crewBoatOf).
 */
export function mayReceive(who: Principal, event: LiveEvent, crewBoatId: string | null = null): boolean {
  // "Refetch over REST": this process's own notice (e.g. after the live channel reconnected), no data.
  if (event.type === 'resync') return true;
  if (event.type === 'notification') return (event.data as { userId?: string } | null)?.userId === who.userId;
  if (event.unitPath !== null && !inScope(who.scopePath, event.unitPath)) {
    // An order's event also reaches every unit the order involves, as GET /api/orders/:id would.
    if (!event.readerPaths?.some((path) => inScope(who.scopePath, path))) return false;
  }
  const role = who.role as Role;
  // Alerts go where their asset's positions go; a crew member hears of its own boat's only.
  if (event.type === 'alert' && role === 'crew')
    return crewBoatId !== null && (event.data as { assetId?: string } | null)?.assetId === crewBoatId;
  if (event.type === 'position' || event.type === 'device.status' || event.type === 'alert')
    return POSITION_READERS.includes(role);
  return STAFF_ROLES.includes(role);
}

/**
 * The unit paths of every unit an order involves (its grid and community, each unit that held
 * it, each sub-task's unit, each unit consulted): a live event about the order carries them as
 * `readerPaths`, so it reaches whoever may read the order (visibilityOf) and no one else.
 */
export async function orderReaderPaths(db: Db, orderId: string): Promise<string[]> {
  const paths: string[] = [];
  for (const unitId of await listOrderUnitIds(db, orderId)) {
    const path = (await findUnit(db, unitId))?.path;
    if (path) paths.push(path);
  }
  return paths;
}
