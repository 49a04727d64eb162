import { PEOPLE_READERS, type Role } from '../../domain/auth/roles.ts';
import type { OrderEvent } from '../../domain/workorder/model.ts';
import { findAlertsOfOrders } from '../../store/alerts.repository.ts';
import type { Db } from '../../store/database.ts';
import type { OrderRecord } from '../../store/orders.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import { findUser } from '../../store/users.repository.ts';
import type { Principal } from '../context.ts';
import { mayReadUnit } from '../scope/index.ts';

/**
 * The unit an event sent the order to: the receiving unit of a report, the lead unit of a
 * dispatch, the unit above for an escalation, the dispatcher a return goes back to, the unit
 * that ran a reopened order (reopens recorded before it was named say nothing).
 */
export function targetUnitIdOf(event: OrderEvent): string | null {
  const key =
    event.action === 'report' || event.action === 'dispatch'
      ? 'unitId'
      : event.action === 'escalate' || event.action === 'return' || event.action === 'reopen'
        ? 'toUnitId'
        : null;
  const id = key === null ? undefined : event.data[key];
  return typeof id === 'string' && id !== '' ? id : null;
}

/**
 * The names of the units and people the orders and events of one response mention, so that the
 * console needs no directory a role may not read (a department names the command centre and
 * its sub-task partners). Each distinct id is read once per response (findUnit and findUser are
 * cached per process as well). Names are display data for ids the caller already sees in an
 * order it may see; a resident's name goes only to the resident and to those who may read them
 * through /api/users (staff of a scope holding the resident's unit), as before.
 */
export class OrderNames {
  private readonly units = new Map<string, string | null>();
  private readonly people = new Map<string, string | null>();
  /** Order id → the alert that raised it (orders of source `alert` only). */
  private readonly alerts = new Map<string, string | null>();

  constructor(
    private readonly db: Db,
    private readonly viewer: Principal,
  ) {}

  /** Reads the names these orders and events need and this book does not hold yet. */
  async load(orders: readonly OrderRecord[], events: readonly OrderEvent[] = []): Promise<this> {
    const unitIds = new Set<string>();
    const personIds = new Set<string>();
    const unit = (id: string | null) => {
      if (id !== null && !this.units.has(id)) unitIds.add(id);
    };
    const person = (id: string | null) => {
      if (id !== null && !this.people.has(id)) personIds.add(id);
    };
    for (const o of orders) {
      unit(o.state.responsibleUnitId);
      unit(o.gridId);
      unit(o.communityId);
      for (const t of o.state.subTasks) unit(t.unitId);
      for (const c of o.state.consultations) unit(c.unitId);
      person(o.state.responsibleUserId);
    }
    for (const e of events) {
      unit(e.actor.unitId);
      unit(targetUnitIdOf(e));
      if (e.actor.role !== 'system') person(e.actor.userId);
    }
    const alerted = orders.filter((o) => o.source === 'alert' && !this.alerts.has(o.id)).map((o) => o.id);
    for (const id of alerted) this.alerts.set(id, null);
    for (const a of await findAlertsOfOrders(this.db, alerted))
      if (a.orderId) this.alerts.set(a.orderId, a.id);
    await Promise.all([
      ...[...unitIds].map(async (id) => this.units.set(id, (await findUnit(this.db, id))?.name ?? null)),
      ...[...personIds].map(async (id) => this.people.set(id, await this.personName(id))),
    ]);
    return this;
  }

  /** A loaded unit's name; null for none, or a unit that no longer exists. */
  unit(id: string | null): string | null {
    return id === null ? null : (this.units.get(id) ?? null);
  }

  /** The alert that raised a loaded order, if any. */
  alertOf(orderId: string): string | null {
    return this.alerts.get(orderId) ?? null;
  }

  /** A loaded person's display name; null for none, a user that no longer exists, or a resident kept private. */
  person(id: string | null): string | null {
    return id === null ? null : (this.people.get(id) ?? null);
  }

  private async personName(id: string): Promise<string | null> {
    const user = await findUser(this.db, id);
    if (!user) return null;
    if (user.role !== 'resident' || user.id === this.viewer.userId) return user.displayName;
    if (!PEOPLE_READERS.includes(this.viewer.role as Role)) return null;
    const home = await findUnit(this.db, user.unitId);
    return home && mayReadUnit(this.viewer, home) ? user.displayName : null;
  }
}

/** The names one response needs, read at once. */
export function loadOrderNames(
  db: Db,
  viewer: Principal,
  orders: readonly OrderRecord[],
  events: readonly OrderEvent[] = [],
): Promise<OrderNames> {
  return new OrderNames(db, viewer).load(orders, events);
}
