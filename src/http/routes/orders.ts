import {
  ActedSchema,
  ActionBodySchema,
  ActionParams,
  CreatedOrderSchema,
  DuplicatesSchema,
  FieldCheckQuery,
  FieldCheckSchema,
  IdParams,
  ListQuery,
  MergeBody,
  MergedSchema,
  NewOrderBody,
  OrderAssetsSchema,
  OrderEventsSchema,
  OrderPageSchema,
  OrderSchema,
} from '../../api/index.ts';
import type { Role } from '../../domain/auth/roles.ts';
import { publishAlertsOfOrder } from '../../services/alerts/index.ts';
import { publishNotifications } from '../../services/notifications/index.ts';
import { fieldCheckFor, orderAssetsFor } from '../../services/order-assets/index.ts';
import {
  actOnOrder,
  announceOrder,
  createOrder,
  eventView,
  findDuplicatesOfOrder,
  getOrderForCaller,
  listTimeline,
  listVisibleOrders,
  loadOrderNames,
  mergeOrder,
  orderViewFor,
} from '../../services/orders/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';

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

/**
 * Who reads the boats on an order and their tracks' field check: staff and crews, the grid worker
 * who verifies on site included; a resident follows the order, not the boats.
 */
const ORDER_FLEET_READERS: Role[] = REPORTERS.filter((r) => r !== 'resident').concat('leader');
/** How a client makes a retry safe, on the routes a phone's outbox replays. */
const IDEMPOTENT =
  'Send `Idempotency-Key: <a UUID made when the request was first made>` to make a retry safe: for 24 hours the ' +
  'same key with the same body gets the first answer again (its status, `Idempotent-Replayed: true`) without a ' +
  'second change; the same key with another body is 409 IDEMPOTENCY_KEY_REUSED.';

/** Work orders: report, list, read, act, follow the timeline, merge duplicates. */
export async function orderRoutes(app: App, p: Platform): Promise<void> {
  app.post(
    '/api/orders',
    {
      config: { access: REPORTERS, idempotent: true },
      schema: {
        tags: ['orders'],
        summary: 'Report a problem (上报): located to its grid, routed by source, with duplicate suggestions',
        description: IDEMPOTENT,
        body: NewOrderBody,
        response: { 201: CreatedOrderSchema },
      },
    },
    async (request, reply) => {
      const who = principal(request);
      const created = await createOrder(p.ctx, who, request.body);
      await announceOrder(p.ctx, p.bus, 'order.created', created.order, request.log);
      publishNotifications(p.bus, created.deliveries);
      const names = await loadOrderNames(p.ctx.db, who, [created.order]);
      return reply.status(201).send({
        order: await orderViewFor(p.ctx, who, created.order, names),
        duplicates: created.duplicates,
      });
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
      schema: {
        tags: ['orders'],
        summary: 'Open orders of the same category nearby',
        params: IdParams,
        response: { 200: DuplicatesSchema },
      },
    },
    async (request) => ({
      items: await findDuplicatesOfOrder(p.ctx, principal(request), request.params.id),
    }),
  );

  app.get(
    '/api/orders/:id/assets',
    {
      config: { access: ORDER_FLEET_READERS },
      schema: {
        tags: ['orders'],
        summary:
          'The boats sent to the order (or the handling unit’s): while it is handled, where each is, how far and when it may arrive',
        params: IdParams,
        response: { 200: OrderAssetsSchema },
      },
    },
    async (request) => orderAssetsFor(p.ctx, principal(request), request.params.id),
  );

  app.get(
    '/api/orders/:id/field-check',
    {
      config: { access: ORDER_FLEET_READERS },
      schema: {
        tags: ['orders'],
        summary:
          'Field check (事后): did a boat’s track come within radiusM of the order between dispatch (or assignAssets) and feedback',
        params: IdParams,
        querystring: FieldCheckQuery,
        response: { 200: FieldCheckSchema },
      },
    },
    async (request) => fieldCheckFor(p.ctx, principal(request), request.params.id, request.query.radiusM),
  );

  app.post(
    '/api/orders/:id/actions/:action',
    {
      config: { access: 'authenticated', idempotent: true },
      schema: {
        tags: ['orders'],
        summary:
          'Take an action (register, dispatch, sign, feedback, verify, close…); send the version you saw',
        description: IDEMPOTENT,
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
      await announceOrder(p.ctx, p.bus, 'order.updated', acted.order, request.log, acted.warnings);
      publishNotifications(p.bus, acted.deliveries);
      // Its closure resolved the alert that raised it (in its transaction): the consoles hear of it.
      if (acted.event.action === 'close' && acted.order.source === 'alert') {
        await publishAlertsOfOrder(p.ctx, p.bus, acted.order.id);
      }
      const names = await loadOrderNames(p.ctx.db, who, [acted.order], [acted.event]);
      return {
        order: await orderViewFor(p.ctx, who, acted.order, names),
        event: eventView(acted.event, names),
        warnings: acted.warnings,
      };
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
      await announceOrder(p.ctx, p.bus, 'order.updated', merged.order, request.log);
      await announceOrder(p.ctx, p.bus, 'order.updated', merged.into, request.log);
      publishNotifications(p.bus, merged.deliveries);
      const names = await loadOrderNames(p.ctx.db, who, [merged.order, merged.into], [merged.event]);
      return {
        order: await orderViewFor(p.ctx, who, merged.order, names),
        into: await orderViewFor(p.ctx, who, merged.into, names),
        event: eventView(merged.event, names),
      };
    },
  );
}
