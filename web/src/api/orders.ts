import type { Static } from 'typebox';
import type {
  ActionBodySchema,
  DuplicateView,
  FieldCheckView,
  OrderAssetsView,
  OrderEventView,
  OrderPageView,
  OrderSubTaskView,
  OrderView,
  SubTaskBodySchema,
} from '../../../src/api/index.ts';
import type { TrafficLight } from '../../../src/domain/calendar/time-limit.ts';
import type { ActionType } from '../../../src/domain/workorder/actions.ts';
import type { NewOrderRequest } from '../../../src/domain/workorder/create.ts';
import type { OrderSource } from '../../../src/domain/workorder/dictionary.ts';
import type { OrderStatus } from '../../../src/domain/workorder/states.ts';
import { request } from './client.ts';
import type { List } from './types.ts';

// The order vocabulary is the server's, imported from its pure domain modules rather than copied:
// states in flow order, levels, sources (and who reports with which), stages, category types,
// traffic lights, return-visit answers, sub-task states and the actions, in the rules' order.
export {
  type TimeLimit,
  TRAFFIC_LIGHTS,
  type TrafficLight,
} from '../../../src/domain/calendar/time-limit.ts';
export type { ActionType } from '../../../src/domain/workorder/actions.ts';
export {
  type CategoryType,
  ORDER_SOURCES,
  type OrderSource,
  SATISFACTIONS,
  type Satisfaction,
  type Stage,
  sourcesFor,
} from '../../../src/domain/workorder/dictionary.ts';
export type { SubTaskStatus } from '../../../src/domain/workorder/model.ts';
export { ORDER_STATUSES, type OrderLevel, type OrderStatus } from '../../../src/domain/workorder/states.ts';

// The answers' shapes are the server's response schemas (src/api/orders.ts), types only: the
// server's views are typed from the same schemas, so neither side can drift from the other.

/**
 * A work order as GET /api/orders/:id returns it: its flow state flattened, ISO times, and the
 * names of the units and the person it mentions, whatever the user may read of /api/units and
 * /api/users. `allowedActions` (the buttons the caller may press now) only on the single read.
 */
export type Order = OrderView;

/** A collaboration sub-task as the API sends it, its unit named. */
export type SubTask = OrderSubTaskView;

/** One entry of the append-only timeline. */
export type OrderEvent = OrderEventView;

/** An open order of the same category nearby, as the API suggests it. */
export type Duplicate = DuplicateView;

/** A page of the order list; `nextCursor` asks for the next one. */
export type OrderPage = OrderPageView;

/** The list's filters, named as the API's query parameters. */
export interface OrderFilter {
  status?: OrderStatus;
  light?: TrafficLight;
  categoryId?: string;
  source?: OrderSource;
  q?: string;
}

const path = (id: string) => `/api/orders/${encodeURIComponent(id)}`;

/** One page of the orders the caller may see, newest first. */
export function fetchOrders(
  filter: OrderFilter,
  page: { limit: number; cursor?: string },
  signal?: AbortSignal,
): Promise<OrderPage> {
  return request('/api/orders', { query: { ...filter, ...page }, signal });
}

/** One order with the actions the caller may take on it now. */
export function fetchOrder(id: string, signal?: AbortSignal): Promise<Order> {
  return request(path(id), { signal });
}

/** The order's timeline, oldest first. */
export async function fetchOrderEvents(id: string, signal?: AbortSignal): Promise<OrderEvent[]> {
  return (await request<List<OrderEvent>>(`${path(id)}/events`, { signal })).items;
}

/** Open orders of the same category near this one (candidates to merge into). */
export async function fetchDuplicates(id: string, signal?: AbortSignal): Promise<Duplicate[]> {
  return (await request<List<Duplicate>>(`${path(id)}/duplicates`, { signal })).items;
}

/** The boats sent to an order (or the handling unit's), with distance and arrival while it is handled. */
export type OrderBoats = OrderAssetsView;
/** The field check (事后): did a boat's track reach the order's point between sending and feedback. */
export type FieldCheck = FieldCheckView;

/** GET /api/orders/:id/assets. */
export function fetchOrderBoats(id: string, signal?: AbortSignal): Promise<OrderBoats> {
  return request(`${path(id)}/assets`, { signal });
}

/** GET /api/orders/:id/field-check at the default radius. */
export function fetchFieldCheck(id: string, signal?: AbortSignal): Promise<FieldCheck> {
  return request(`${path(id)}/field-check`, { signal });
}

/** A sub-task as a dispatch or addSubTask names it. */
/** A sub-task as the dispatch form names it. */
export type SubTaskInput = Static<typeof SubTaskBodySchema>;

/** The body of an action, as its schema declares it: the console always sends the `version` it saw. */
export type ActionBody = Static<typeof ActionBodySchema> & { version: number };

/**
 * Takes an action; a stale `version` is refused with 409 VERSION_CONFLICT. With an idempotency
 * key, sending it again (a phone's outbox after a lost answer) gets the first answer back.
 */
export function actOnOrder(
  id: string,
  action: ActionType,
  body: ActionBody,
  idempotencyKey?: string,
): Promise<{ order: Order; event: OrderEvent }> {
  return request(`${path(id)}/actions/${action}`, { method: 'POST', body, idempotencyKey });
}

/** What the report form (上报问题) sends: the server's report request. */
export type NewOrder = NewOrderRequest;

/**
 * Reports a problem; the answer carries open orders nearby that may be the same problem. With an
 * idempotency key, sending it again gets the first answer back instead of a second order.
 */
export function createOrder(
  input: NewOrder,
  idempotencyKey?: string,
): Promise<{ order: Order; duplicates: Duplicate[] }> {
  return request('/api/orders', { method: 'POST', body: input, idempotencyKey });
}

/** How many orders the caller may see match the list's query parameters (the list's `total`, one row fetched). */
export async function countOrders(
  query: Record<string, string | boolean | undefined>,
  signal?: AbortSignal,
): Promise<number> {
  const page = await request<OrderPage>('/api/orders', { query: { ...query, limit: 1 }, signal });
  return page.total ?? 0;
}
