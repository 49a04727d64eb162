import type { Order, OrderEvent } from '../../api/orders.ts';

/**
 * The unit names an order and its timeline carry, by id: the API names every unit it mentions
 * (the place, the responsible unit, each sub-task unit, each actor's unit, where events sent it),
 * including units the user may not read through /api/units.
 */
export function unitNamesOf(order: Order | null, events: readonly OrderEvent[]): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  const add = (id: string | null, name: string | null) => {
    if (id !== null && name !== null) names.set(id, name);
  };
  if (order) {
    add(order.gridId, order.gridName);
    add(order.communityId, order.communityName);
    add(order.responsibleUnitId, order.responsibleUnitName);
    for (const s of order.subTasks) add(s.unitId, s.unitName);
    for (const c of order.consultations) add(c.unitId, c.unitName);
  }
  for (const e of events) {
    add(e.actor.unitId, e.actor.unitName);
    if (e.targetUnit) add(e.targetUnit.id, e.targetUnit.name);
  }
  return names;
}
