import type { FastifyBaseLogger } from 'fastify';
import type { Role } from '../../domain/auth/roles.ts';
import { allowedActions } from '../../domain/workorder/apply.ts';
import { workingCalendar } from '../../services/calendar/index.ts';
import type { Principal } from '../../services/context.ts';
import { publishNotifications } from '../../services/notifications/index.ts';
import {
  actOnOrder,
  actorOf,
  createOrder,
  eventView,
  findDuplicates,
  getOrderForCaller,
  getVisibleOrderOrThrow,
  listTimeline,
  listVisibleOrders,
  loadOrderNames,
  mergeOrder,
  type OrderNames,
  orderView,
} from '../../services/orders/index.ts';
import { findCategory } from '../../store/categories.repository.ts';
import type { OrderRecord } from '../../store/orders.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';
import { IdParams } from '../schemas.ts';
import {
  ActedSchema,
  ActionBodySchema,
  ActionParams,
  ListQuery,
  MergeBody,
  MergedSchema,
  NewOrderBody,
  OrderEventsSchema,
  OrderPageSchema,
  OrderSchema,
} from './orders.schemas.ts';

/** Everyone who may report a problem: a leader reads and supervises but does not report. */
const REPORTERS: Role[] = [
  'admin',
  'operator',
  'workstation',
  'community',
  'gridWorker',
  'department',
  'crew',
  'resident',
];

/** Work orders: report, list, read, act, follow the timeline, merge duplicates. */
export async function orderRoutes(app: App, p: Platform): Promise<void> {
  /** The order as the caller now sees it, with the buttons it may press; `names` loaded for it. */
  async function viewFor(who: Principal, order: OrderRecord, names: OrderNames) {
    const calendar = await workingCalendar(p.ctx);
    const now = p.ctx.now();
    const category = await findCategory(p.ctx.db, order.categoryId);
    return orderView(
      order,
      category,
      now,
      calendar,
      names,
      allowedActions(order.state, actorOf(who), now, { calendar }),
    );
  }

  /** Logs calendar warnings and tells live consoles whose scope holds the responsible unit. */
  async function announce(type: string, order: OrderRecord, log: FastifyBaseLogger, warnings: string[] = []) {
    for (const warning of warnings) log.warn({ orderId: order.id }, warning);
    const unitId = order.state.responsibleUnitId;
    const unit = unitId ? await findUnit(p.ctx.db, unitId) : undefined;
    if (!unit) return;
    const data = { id: order.id, code: order.code, status: order.state.status, version: order.state.version };
    p.bus.publish({ type, unitPath: unit.path, data });
  }

  app.post(
    '/api/orders',
    {
      config: { access: REPORTERS },
      schema: {
        tags: ['orders'],
        summary: 'Report a problem (上报): located to its grid, routed by source, with duplicate suggestions',
        body: NewOrderBody,
      },
    },
    async (request, reply) => {
      const who = principal(request);
      const created = await createOrder(p.ctx, who, request.body);
      await announce('order.created', created.order, request.log);
      publishNotifications(p.bus, created.deliveries);
      const names = await loadOrderNames(p.ctx.db, who, [created.order]);
      return reply
        .status(201)
        .send({ order: await viewFor(who, created.order, names), duplicates: created.duplicates });
    },
  );

  app.get(
    '/api/orders',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['orders'],
        summary: 'Orders you may see, filtered, sorted and paged, with the names of their units',
        querystring: ListQuery,
        response: { 200: OrderPageSchema },
      },
    },
    async (request) => listVisibleOrders(p.ctx, principal(request), request.query),
  );

  app.get(
    '/api/orders/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['orders'],
        summary: 'One order with the names of its units and person, and the actions you may take now',
        params: IdParams,
        response: { 200: OrderSchema },
      },
    },
    async (request) => getOrderForCaller(p.ctx, principal(request), request.params.id),
  );

  app.get(
    '/api/orders/:id/events',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['orders'],
        summary: 'The order’s timeline, oldest first, naming each actor and where the order was sent',
        params: IdParams,
        response: { 200: OrderEventsSchema },
      },
    },
    async (request) => ({ items: await listTimeline(p.ctx, principal(request), request.params.id) }),
  );

  app.get(
    '/api/orders/:id/duplicates',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['orders'], summary: 'Open orders of the same category nearby', params: IdParams },
    },
    async (request) => {
      const who = principal(request);
      const order = await getVisibleOrderOrThrow(p.ctx, who, request.params.id);
      const category = await findCategory(p.ctx.db, order.categoryId);
      return { items: await findDuplicates(p.ctx, who, order, category?.duplicateRadiusM ?? 0) };
    },
  );

  app.post(
    '/api/orders/:id/actions/:action',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['orders'],
        summary:
          'Take an action (register, dispatch, sign, feedback, verify, close…); send the version you saw',
        params: ActionParams,
        body: ActionBodySchema,
        response: { 200: ActedSchema },
      },
    },
    async (request) => {
      const who = principal(request);
      const acted = await actOnOrder(
        p.ctx,
        who,
        request.params.id,
        request.params.action,
        request.body ?? {},
      );
      await announce('order.updated', acted.order, request.log, acted.warnings);
      publishNotifications(p.bus, acted.deliveries);
      const names = await loadOrderNames(p.ctx.db, who, [acted.order], [acted.event]);
      return { order: await viewFor(who, acted.order, names), event: eventView(acted.event, names) };
    },
  );

  app.post(
    '/api/orders/:id/merge',
    {
      config: { access: ['admin', 'operator'] },
      schema: {
        tags: ['orders'],
        summary: 'Merge a duplicate into another order: it closes as merged, its reporter follows the other',
        params: IdParams,
        body: MergeBody,
        response: { 200: MergedSchema },
      },
    },
    async (request) => {
      const who = principal(request);
      const merged = await mergeOrder(p.ctx, who, request.params.id, request.body);
      await announce('order.updated', merged.order, request.log);
      await announce('order.updated', merged.into, request.log);
      publishNotifications(p.bus, merged.deliveries);
      const names = await loadOrderNames(p.ctx.db, who, [merged.order, merged.into], [merged.event]);
      return {
        order: await viewFor(who, merged.order, names),
        into: await viewFor(who, merged.into, names),
        event: eventView(merged.event, names),
      };
    },
  );
}
