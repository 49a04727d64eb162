import type { WorkingCalendar } from '../../domain/calendar/calendar.ts';
import type { OrderHistory } from '../../domain/workorder/indicators.ts';
import { orderFacts, orderRollupRows, rollupDelta, rollupKeysOf } from '../../domain/workorder/rollup.ts';
import type { Db } from '../../store/database.ts';
import {
  addRollups,
  type KeyedRollupRow,
  orderRollupInput,
  unitPathsOf,
} from '../../store/order-rollups.repository.ts';

type TimelineEvent = OrderHistory['events'][number];

/**
 * Adds what one order event changes to the rollups, inside the transaction that writes the event
 * (call it before the units the event brings are linked, with their ids in `newUnitIds`): the
 * change of the order's facts for every unit path it counted for already, and its whole timeline
 * for each path it counts for from now on (rankings and indicators use today's involvement).
 */
export async function recordOrderRollups(
  trx: Db,
  orderId: string,
  event: TimelineEvent,
  newUnitIds: readonly (string | null)[],
  calendar: WorkingCalendar,
): Promise<void> {
  const { events, paths } = await orderRollupInput(trx, orderId, event.seq);
  const keys = rollupKeysOf(paths);
  const timeline = [...events, event];
  const delta = rollupDelta(
    orderFacts(events, calendar),
    orderFacts(timeline, calendar),
    event,
    calendar.utcOffsetMs,
  );
  const rows: KeyedRollupRow[] = [...keys].flatMap((unitPath) => delta.map((r) => ({ ...r, unitPath })));
  const ids = newUnitIds.filter((id): id is string => typeof id === 'string' && id !== '');
  const added = [...rollupKeysOf(await unitPathsOf(trx, ids))].filter((k) => !keys.has(k));
  if (added.length > 0) {
    const whole = orderRollupRows(timeline, calendar);
    rows.push(...added.flatMap((unitPath) => whole.map((r) => ({ ...r, unitPath }))));
  }
  if (rows.length > 0) await addRollups(trx, rows);
}
