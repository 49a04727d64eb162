import type { FastifyBaseLogger } from 'fastify';
import type { LiveBus } from '../../live/bus.ts';
import type { OrderRecord } from '../../store/orders.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import type { ServiceContext } from '../context.ts';

/**
 * Tells live consoles whose scope holds the responsible unit that an order changed (the event's
 * unit path is what the live feed's scope filter tests), and logs the action's calendar warnings.
 */
export async function announceOrder(
  ctx: ServiceContext,
  bus: LiveBus,
  type: 'order.created' | 'order.updated',
  order: OrderRecord,
  log: FastifyBaseLogger,
  warnings: readonly string[] = [],
): Promise<void> {
  for (const warning of warnings) log.warn({ orderId: order.id }, warning);
  const unitId = order.state.responsibleUnitId;
  const unit = unitId ? await findUnit(ctx.db, unitId) : undefined;
  if (!unit) return;
  const data = { id: order.id, code: order.code, status: order.state.status, version: order.state.version };
  bus.publish({ type, unitPath: unit.path, data });
}
