import { request } from './client.ts';
import type { List, Role } from './types.ts';

/** Order states (src/domain/workorder/states.ts), in flow order. */
export const ORDER_STATUSES = [
  'reported',
  'registered',
  'rejected',
  'voided',
  'dispatched',
  'signed',
  'handling',
  'handled',
  'verified',
  'closed',
  'merged',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Where an order came from (src/domain/workorder/dictionary.ts). */
export const ORDER_SOURCES = [
  'resident',
  'gridWorker',
  'community',
  'patrol',
  'alert',
  'hotline',
  'open311',
] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];

/** The sources a role reports with; the centre names the source of calls and alerts it takes in. */
export function sourcesFor(role: Role): readonly OrderSource[] {
  if (role === 'admin' || role === 'operator') return ORDER_SOURCES;
  if (role === 'resident' || role === 'gridWorker' || role === 'community') return [role];
  return role === 'leader' ? [] : ['patrol'];
}

export type TrafficLight = 'green' | 'yellow' | 'red';
export const LIGHTS: readonly TrafficLight[] = ['green', 'yellow', 'red'];
export type OrderLevel = 'community' | 'workstation' | 'subdistrict';
export type Stage = 'before' | 'during' | 'after';
export type Satisfaction = 'satisfied' | 'basicallySatisfied' | 'dissatisfied';
export const SATISFACTIONS: readonly Satisfaction[] = ['satisfied', 'basicallySatisfied', 'dissatisfied'];
export type SubTaskStatus = 'dispatched' | 'signed' | 'handled' | 'closed';
export interface TimeLimit {
  amount: number;
  unit: 'hours' | 'days';
}

/** Actions on an order (src/domain/workorder/rules.ts), in the table's order. */
export type ActionType =
  | 'register'
  | 'reject'
  | 'void'
  | 'escalate'
  | 'selfHandle'
  | 'merge'
  | 'dispatch'
  | 'sign'
  | 'return'
  | 'startHandling'
  | 'feedback'
  | 'verify'
  | 'close'
  | 'returnVisit'
  | 'reopen'
  | 'requestExtension'
  | 'approveExtension'
  | 'denyExtension'
  | 'supervise'
  | 'park'
  | 'resume'
  | 'addSubTask'
  | 'signSubTask'
  | 'feedbackSubTask'
  | 'closeSubTask';

export interface SubTask {
  id: string;
  unitId: string;
  /** The unit's name, from the API (null only for a unit that no longer exists). */
  unitName: string | null;
  task: string | null;
  status: SubTaskStatus;
  deadline: string;
  closeReason: string | null;
}

export interface ExtensionRequest {
  subTaskId: string | null;
  extension: TimeLimit;
  reason: string;
  requestedBy: string;
  requestedAt: string;
}

/**
 * A work order as GET /api/orders/:id returns it (src/services/orders.view.ts). The API names
 * the units and the person it mentions, whatever the user may read of /api/units and /api/users.
 */
export interface Order {
  id: string;
  code: string;
  status: OrderStatus;
  level: OrderLevel;
  categoryId: string;
  category: { code: string; type: 'component' | 'event'; majorName: string; minorName: string } | null;
  stage: Stage;
  source: OrderSource;
  description: string;
  address: string | null;
  lat: number;
  lon: number;
  gridId: string | null;
  gridName: string | null;
  communityId: string | null;
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
  returnVisit: { satisfaction: Satisfaction; solved: boolean; at: string; byUserId: string } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
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

/** What the report form (上报问题) sends. */
export interface NewOrder {
  categoryId: string;
  lat: number;
  lon: number;
  description: string;
  address?: string;
  source?: OrderSource;
  photos?: string[];
}

/** Reports a problem; the answer carries open orders nearby that may be the same problem. */
export function createOrder(input: NewOrder): Promise<{ order: Order; duplicates: Duplicate[] }> {
  return request('/api/orders', { method: 'POST', body: input });
}
