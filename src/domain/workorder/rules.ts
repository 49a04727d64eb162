import { ROLES, type Role } from '../auth/roles.ts';
import type { ActionType } from './actions.ts';
import { IN_HAND_STATUSES, type OrderStatus } from './states.ts';

/** One row of the action table: where an action may start, where it leads, who may take it. */
export interface ActionRule {
  /** 中文 name for messages and buttons. */
  label: string;
  from: readonly OrderStatus[];
  /** The resulting state; 'same' for side actions; a list when the outcome decides (verify). */
  to: OrderStatus | 'same' | readonly OrderStatus[];
  roles: readonly Role[];
  /** Whether the action is refused ('no'), allowed ('yes') or required ('only') while parked. */
  whileParked: 'no' | 'yes' | 'only';
  /** The scheduler may take it (automatic supervision on overdue). */
  system?: true;
}

/** The command centre: operators on duty, and administrators who may stand in for them. */
const CENTRE: readonly Role[] = ['admin', 'operator'];
/**
 * Who registers, dispatches and closes: the centre, or a community / workstation for an order
 * still at its own level (guards.ts checks the level and the unit).
 */
const RUNNERS: readonly Role[] = [...CENTRE, 'workstation', 'community'];
/** Units an order or a sub-task can be dispatched to; guards.ts checks it is the right unit. */
const HANDLERS: readonly Role[] = ['workstation', 'community', 'gridWorker', 'department', 'crew'];
const SUPERVISORS: readonly Role[] = [...CENTRE, 'leader'];
/** Verification (核查) is done on site by a grid worker or by the runners, never by the handler itself. */
const VERIFIERS: readonly Role[] = [...RUNNERS, 'gridWorker'];

const OPEN: readonly OrderStatus[] = ['registered', ...IN_HAND_STATUSES, 'handled', 'verified'];
/** Every state but the final ones (closed, rejected, voided, merged): the order is still a live case. */
const LIVE: readonly OrderStatus[] = ['reported', ...OPEN];
/** Units a consultation may ask: any unit that takes part in orders, the centre included. */
const CONSULTED: readonly Role[] = [...CENTRE, ...HANDLERS];
const PARKABLE: readonly OrderStatus[] = ['registered', ...IN_HAND_STATUSES];

function rule(
  label: string,
  from: readonly OrderStatus[],
  to: ActionRule['to'],
  roles: readonly Role[],
  whileParked: ActionRule['whileParked'] = 'no',
): ActionRule {
  return { label, from, to, roles, whileParked };
}

/** The action table: every action, the states it is allowed from, its result and its roles. */
export const ACTION_RULES: Readonly<Record<ActionType, ActionRule>> = {
  register: rule('立案', ['reported'], 'registered', RUNNERS),
  reject: rule('不予立案', ['reported'], 'rejected', RUNNERS),
  void: rule('作废', ['reported', 'registered'], 'voided', RUNNERS, 'yes'),
  escalate: rule('上报上级', ['reported'], 'same', ['community', 'workstation']),
  // The grid worker who found it fixes it on the spot: straight from reported to closed.
  selfHandle: rule('自处理', ['reported'], 'closed', ['gridWorker']),
  merge: rule('合并', ['reported', ...PARKABLE], 'merged', CENTRE, 'yes'),
  dispatch: rule('派遣', ['registered'], 'dispatched', RUNNERS),
  sign: rule('签收', ['dispatched'], 'signed', HANDLERS),
  return: rule('退单', ['dispatched', 'signed'], 'registered', HANDLERS),
  startHandling: rule('开始处置', ['signed'], 'handling', HANDLERS),
  // The boats sent (事中): the unit holding the order changes them, or the centre for it.
  assignAssets: rule('指派船只', IN_HAND_STATUSES, 'same', [...CENTRE, ...HANDLERS]),
  feedback: rule('反馈', ['handling'], 'handled', HANDLERS),
  verify: rule('核查', ['handled'], ['verified', 'handling'], VERIFIERS),
  close: rule('结案', ['verified'], 'closed', RUNNERS),
  returnVisit: rule('回访', ['closed'], 'same', [...CENTRE, 'resident']),
  // Any role: guards.ts lets the reporter (whatever their role) and the centre reopen.
  reopen: rule('重办', ['closed'], 'registered', ROLES),
  requestExtension: rule('申请延期', IN_HAND_STATUSES, 'same', HANDLERS),
  approveExtension: rule('批准延期', IN_HAND_STATUSES, 'same', RUNNERS),
  denyExtension: rule('驳回延期', IN_HAND_STATUSES, 'same', RUNNERS),
  supervise: { ...rule('督办', OPEN, 'same', SUPERVISORS, 'yes'), system: true },
  park: rule('挂账', PARKABLE, 'same', SUPERVISORS),
  // The scheduler resumes an order whose approved wait is over (挂账 until a date).
  resume: { ...rule('恢复', PARKABLE, 'same', SUPERVISORS, 'only'), system: true },
  // Waiting on someone outside (an owner, another authority): the holding unit asks, the centre decides.
  requestPark: rule('申请挂账', IN_HAND_STATUSES, 'same', HANDLERS),
  approvePark: rule('批准挂账', IN_HAND_STATUSES, 'same', CENTRE),
  denyPark: rule('驳回挂账', IN_HAND_STATUSES, 'same', CENTRE),
  addSubTask: rule('增派协办', IN_HAND_STATUSES, 'same', RUNNERS),
  signSubTask: rule('协办签收', IN_HAND_STATUSES, 'same', HANDLERS),
  feedbackSubTask: rule('协办反馈', IN_HAND_STATUSES, 'same', HANDLERS),
  // The lead unit closes a sub-task it no longer needs; the centre may too.
  closeSubTask: rule('关闭协办', IN_HAND_STATUSES, 'same', [...CENTRE, ...HANDLERS]),
  // Asking departments before dispatch (征询): the centre, or a workstation running the order.
  consult: rule('征询意见', ['reported', 'registered'], 'same', [...CENTRE, 'workstation'], 'yes'),
  // The asked unit answers while the order is live; dispatch does not wait for it.
  consultReply: rule('答复征询', LIVE, 'same', CONSULTED, 'yes'),
  // Any role: the service lets only those who may see the order (everyone involved) reach it.
  comment: rule('备注', LIVE, 'same', ROLES, 'yes'),
};

/** Every action name, in table order. */
export const ACTION_TYPES = Object.keys(ACTION_RULES) as ActionType[];

/** Whether the table allows an action from a state, the parked flag included. */
export function stateAllows(type: ActionType, status: OrderStatus, parked: boolean): boolean {
  const r = ACTION_RULES[type];
  if (!r.from.includes(status)) return false;
  return parked ? r.whileParked !== 'no' : r.whileParked !== 'only';
}

/** Whether the table lets this role take the action at all. */
export function roleAllows(type: ActionType, role: Role | 'system'): boolean {
  const r = ACTION_RULES[type];
  return role === 'system' ? r.system === true : r.roles.includes(role);
}
