import type { DutyEventListView } from '../../api/index.ts';
import { localDateOf, localDayWindow } from '../../domain/fleet/index.ts';
import { listClockEvents } from '../../store/clock-events.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { clockEventView } from './clock.ts';
import { boatsFor, checkedDate } from './day.ts';

/**
 * GET /api/duty/events: a local day's clock-ins and clock-outs (打卡记录) with their time,
 * position, distance, flags and photo, of the boats the caller reads (a crew user: their own
 * boat's), oldest first; of one boat (`assetId`) or one crew login (`userId`) if asked. A boat
 * outside the caller's scope filters to nothing, as an unknown one does.
 */
export async function listDutyEvents(
  ctx: ServiceContext,
  who: Principal,
  query: { date?: string; assetId?: string; userId?: string },
): Promise<DutyEventListView> {
  const date = query.date === undefined ? localDateOf(ctx.now()) : checkedDate(query.date);
  const window = localDayWindow(date);
  const boatIds = (await boatsFor(ctx, who, undefined))
    .map((b) => b.id)
    .filter((id) => query.assetId === undefined || id === query.assetId);
  const events = await listClockEvents(ctx.db, { boatIds, from: window.from, to: window.to });
  return {
    date,
    items: events.filter((e) => query.userId === undefined || e.userId === query.userId).map(clockEventView),
  };
}
