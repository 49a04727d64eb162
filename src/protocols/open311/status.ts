import type { OrderEvent } from '../../domain/workorder/model.ts';
import { ORDER_STATUS_LABEL, type OrderStatus } from '../../domain/workorder/states.ts';

// How the work-order flow shows through GeoReport v2, which knows only `open` and `closed`
// (GET Service Requests, "status"). The finer vocabularies are those of the widely used
// extensions: `detailed_status` (extensions=true) in upper case, and the lower-case statuses of
// FixMyStreet's servicerequestupdates (Open311 "FMS extended": open, investigating,
// action_scheduled, in_progress, fixed, duplicate, no_further_action, reopen …).

/** The two GeoReport v2 statuses. */
export type Open311Status = 'open' | 'closed';

/** States that end an order for the public: 结案, 不予立案, 作废 and 已合并 (a duplicate). */
export const CLOSED_STATES: readonly OrderStatus[] = ['closed', 'rejected', 'voided', 'merged'];

/** open or closed for one of our states. */
export function open311Status(state: OrderStatus): Open311Status {
  return CLOSED_STATES.includes(state) ? 'closed' : 'open';
}

/** Our states behind each GeoReport v2 status, for the `status` filter of GET requests. */
export function statesFor(status: Open311Status): OrderStatus[] {
  return (Object.keys(ORDER_STATUS_LABEL) as OrderStatus[]).filter((s) => open311Status(s) === status);
}

const EXTENDED: Record<OrderStatus, string> = {
  reported: 'open',
  registered: 'investigating',
  dispatched: 'action_scheduled',
  signed: 'action_scheduled',
  handling: 'in_progress',
  handled: 'in_progress',
  verified: 'fixed',
  closed: 'fixed',
  rejected: 'no_further_action',
  voided: 'no_further_action',
  merged: 'duplicate',
};

/** The `detailed_status` of an order in a state (extensions=true), e.g. ACTION_SCHEDULED. */
export function detailedStatus(state: OrderStatus): string {
  return EXTENDED[state].toUpperCase();
}

/** The status a servicerequestupdates entry carries: the state it led to, or `reopen` for a reopening. */
export function updateStatus(event: Pick<OrderEvent, 'action' | 'toState'>): string {
  return event.action === 'reopen' ? 'reopen' : EXTENDED[event.toState];
}

// Public wording of each step. Staff notes never leave the platform: they may name people or
// carry internal reasons, and the spec's status_notes is meant for anyone to read.
const PUBLIC_TEXT: Partial<Record<OrderEvent['action'], string>> = {
  report: '已受理上报',
  register: '已立案',
  reject: '不予立案',
  void: '已作废',
  escalate: '已上报上级处理',
  selfHandle: '已现场处置并结案',
  merge: '与其他工单重复，已合并处理',
  dispatch: '已派遣至处置单位',
  sign: '处置单位已签收',
  return: '已退回指挥中心重新派遣',
  startHandling: '正在处置',
  feedback: '处置单位已反馈结果，待核查',
  close: '已结案',
  reopen: '已重新办理',
};

/** Whether an event is a step the public sees (a change of state, or an escalation), not an internal one. */
export function isPublicStep(event: Pick<OrderEvent, 'action' | 'fromState' | 'toState'>): boolean {
  return event.fromState !== event.toState || event.action === 'escalate' || event.action === 'report';
}

/** What a public step says, in the words shown to residents. */
export function publicText(event: Pick<OrderEvent, 'action' | 'toState'>): string {
  if (event.action === 'verify') return event.toState === 'verified' ? '核查通过' : '核查未通过，返工处置';
  return PUBLIC_TEXT[event.action] ?? ORDER_STATUS_LABEL[event.toState];
}

/** The kind of a note in the `notes` extension: opened, closed, or activity in between. */
export function noteType(event: Pick<OrderEvent, 'action' | 'toState'>): 'opened' | 'closed' | 'activity' {
  if (event.action === 'report') return 'opened';
  return CLOSED_STATES.includes(event.toState) ? 'closed' : 'activity';
}
