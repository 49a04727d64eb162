import type { FastifyBaseLogger } from 'fastify';
import type { LiveBus } from '../../live/bus.ts';
import type { Db } from '../../store/database.ts';
import type { OrderRecord } from '../../store/orders.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import type { ServiceContext } from '../context.ts';
import { orderReaderPaths } from '../scope/index.ts';

/**
 * Publishes a change of an order to the live feed, scoped to its responsible unit and, through
 * the scope owner, to every unit it involves (a unit consulted or given a sub-task reads it too).
 * `extra` adds to the usual id, code, status and version (the time-limit job's light).
 */
export async function publishOrderChange(
  db: Db,
  bus: LiveBus,
  type: 'order.created' | 'order.updated',
  order: OrderRecord,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const unitId = order.state.responsibleUnitId;
  const holderPath = unitId ? (await findUnit(db, unitId))?.path : undefined;
  const readerPaths = await orderReaderPaths(db, order.id);
  const unitPath = holderPath ?? readerPaths[0];
  if (unitPath === undefined) return;
  const data = { id: order.id, code: order.code, status: order.state.status, version: order.state.version };
  bus.publish({ type, unitPath, readerPaths, data: { ...data, ...extra } });
}

/**
 * Tells live consoles that may read the order that it changed (see publishOrderChange), and logs
 * the action's calendar warnings.
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
  await publishOrderChange(ctx.db, bus, type, order);
}
