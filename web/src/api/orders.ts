import type { TimeLimit, TrafficLight } from '../../../src/domain/calendar/time-limit.ts';
import type { ActionType } from '../../../src/domain/workorder/actions.ts';
import type { NewOrderRequest } from '../../../src/domain/workorder/create.ts';
import type { CategoryClass, OrderSource, Satisfaction } from '../../../src/domain/workorder/dictionary.ts';
import type {
  ExtensionRequest as ExtensionRequestState,
  OrderFields,
  ReturnVisit,
  SubTask as SubTaskState,
  Timestamps,
} from '../../../src/domain/workorder/model.ts';
import type { OrderLevel, OrderStatus } from '../../../src/domain/workorder/states.ts';
import { request } from './client.ts';
import type { List, Role } from './types.ts';

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

/** A collaboration sub-task as the API sends it: the domain's, its deadline an ISO time, its unit named. */
export interface SubTask extends Omit<SubTaskState, 'deadline'> {
  /** The unit's name, from the API (null only for a unit that no longer exists). */
  unitName: string | null;
  deadline: string;
}

/** A pending extension request as the API sends it: the domain's, with an ISO time. */
export interface ExtensionRequest extends Omit<ExtensionRequestState, 'requestedAt'> {
  requestedAt: string;
}

/**
 * A work order as GET /api/orders/:id returns it (src/services/orders.view.ts): the stored
 * record's fields and ISO times, its flow state flattened. The API names the units and the
 * person it mentions, whatever the user may read of /api/units and /api/users.
 */
export interface Order extends OrderFields, Timestamps<string> {
  status: OrderStatus;
  level: OrderLevel;
  category: (Pick<CategoryClass, 'type' | 'majorName' | 'minorName'> & { code: string }) | null;
  gridName: string | null;
  communityName: string | null;
  reporterUserId: string | null;
  responsibleUnitId: string | null;
  responsibleUnitName: string | null;
  responsibleUserId: string | null;
  responsibleUserName: string | null;
  dispatcherUnitId: string | null;
  timeLimit: TimeLimit | null;
  dispatchedAt: string | null;
  deadline: string | null;
  light: TrafficLight | null;
  overdue: boolean;
  parked: { at: string; reason: string } | null;
  supervision: { count: number; lastAt: string } | null;
  subTasks: SubTask[];
  extensionRequests: ExtensionRequest[];
  reworkCount: number;
  returnCount: number;
  closedAt: string | null;
  mergedIntoId: string | null;
  returnVisit: (Omit<ReturnVisit, 'at'> & { at: string }) | null;
  version: number;
  /** Only on the single-order read: the buttons the caller may press now. */
  allowedActions?: ActionType[];
}

/** Who acted on an order, named by the API (a resident's name only for those who may read it). */
export interface EventActor {
  userId: string;
  role: Role | 'system';
  unitId: string | null;
  displayName: string | null;
  unitName: string | null;
}

/** One entry of the append-only timeline. */
export interface OrderEvent {
  seq: number;
  action: ActionType | 'report' | 'absorb';
  fromState: OrderStatus | null;
  toState: OrderStatus;
  actor: EventActor;
  /** Where a report, dispatch, escalation or return sent the order. */
  targetUnit: { id: string; name: string | null } | null;
  at: string;
  note: string | null;
  photos: string[];
  data: Record<string, unknown>;
}

/** An open order of the same category nearby, as the API suggests it. */
export interface Duplicate {
  id: string;
  code: string;
  status: OrderStatus;
  description: string;
  address: string | null;
  distanceM: number;
  createdAt: string;
}

/** The list's filters, named as the API's query parameters. */
export interface OrderFilter {
  status?: OrderStatus;
  light?: TrafficLight;
  categoryId?: string;
  source?: OrderSource;
  q?: string;
}

export interface OrderPage extends List<Order> {
  nextCursor?: string;
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

/** A sub-task as a dispatch or addSubTask names it. */
export interface SubTaskInput {
  unitId: string;
  task?: string;
}

/** The body of an action: `version` for optimistic concurrency, plus what the action needs. */
export interface ActionBody {
  version: number;
  note?: string;
  photos?: string[];
  reason?: string;
  unitId?: string;
  intoOrderId?: string;
  subTasks?: SubTaskInput[];
  subTask?: SubTaskInput;
  subTaskId?: string;
  passed?: boolean;
  satisfaction?: Satisfaction;
  solved?: boolean;
  extension?: TimeLimit;
}

/** Takes an action; a stale `version` is refused with 409 VERSION_CONFLICT. */
export function actOnOrder(
  id: string,
  action: ActionType,
  body: ActionBody,
): Promise<{ order: Order; event: OrderEvent }> {
  return request(`${path(id)}/actions/${action}`, { method: 'POST', body });
}

/** What the report form (上报问题) sends: the server's report request. */
export type NewOrder = NewOrderRequest;

/** Reports a problem; the answer carries open orders nearby that may be the same problem. */
export function createOrder(input: NewOrder): Promise<{ order: Order; duplicates: Duplicate[] }> {
  return request('/api/orders', { method: 'POST', body: input });
}
