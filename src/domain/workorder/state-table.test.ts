import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROLES } from '../auth/roles.ts';
import type { ActionType, OrderAction } from './actions.ts';
import { allowedActions, applyAction } from './apply.ts';
import type { Actor, OrderState } from './model.ts';
import { ACTION_RULES, ACTION_TYPES, stateAllows } from './rules.ts';
import { ORDER_STATUSES } from './states.ts';
import { A, bj, CTX, orderIn, refused } from './test-fixtures.ts';

const NOW = bj('2026-03-10 10:00');
const pendingOrderExtension = {
  subTaskId: null,
  extension: { amount: 4, unit: 'hours' as const },
  reason: '材料未到',
  requestedBy: 'u-crew',
  requestedAt: NOW - 60_000,
};
const pendingPark = {
  reason: '等待业主配合',
  until: bj('2026-03-20 17:30'),
  requestedBy: 'u-crew',
  requestedAt: NOW - 60_000,
};
const openQuestion = {
  id: 'q-green',
  unitId: 'dept-greening',
  question: '可否修剪行道树？',
  dueAt: bj('2026-03-11 17:30'),
  askedByUserId: 'u-op',
  askedByUnitId: 'centre',
  askedAt: NOW - 60_000,
  answer: null,
};
const subTask = (status: 'dispatched' | 'signed') => ({
  id: 's-power',
  unitId: 'dept-power',
  task: null,
  status,
  deadline: bj('2026-03-12 17:30'),
  plannedAt: null,
  closeReason: null,
  assetIds: [],
});

/**
 * For each action: an actor whose role and unit may take it, a valid payload, and what the
 * order needs besides its state (a pending request, a sub-task...), so that whether it
 * succeeds depends on the state alone.
 */
const CASES: Record<ActionType, { actor: Actor; action: OrderAction; patch?: Partial<OrderState> }> = {
  register: { actor: A.op, action: { type: 'register' } },
  reject: { actor: A.op, action: { type: 'reject', reason: '不属于受理范围' } },
  void: { actor: A.op, action: { type: 'void', reason: '测试数据' } },
  escalate: {
    actor: A.commA,
    action: { type: 'escalate', toUnitId: 'ws-1' },
    patch: { level: 'community', responsibleUnitId: 'comm-a', dispatcherUnitId: null },
  },
  selfHandle: {
    actor: A.wang,
    action: { type: 'selfHandle', photos: ['p'] },
    patch: { reporterUserId: 'u-wang' },
  },
  merge: { actor: A.op, action: { type: 'merge', intoOrderId: 'o-0' } },
  dispatch: { actor: A.op, action: { type: 'dispatch', unitId: 'contractor-trim' } },
  sign: { actor: A.crew, action: { type: 'sign' } },
  return: { actor: A.crew, action: { type: 'return', reason: '不属于本单位职责' } },
  startHandling: { actor: A.crew, action: { type: 'startHandling' } },
  assignAssets: { actor: A.crew, action: { type: 'assignAssets', assetIds: ['boat-1'] } },
  feedback: { actor: A.crew, action: { type: 'feedback', photos: ['p'] } },
  verify: { actor: A.wang, action: { type: 'verify', passed: true } },
  close: { actor: A.op, action: { type: 'close' } },
  returnVisit: { actor: A.op, action: { type: 'returnVisit', satisfaction: 'satisfied', solved: true } },
  reopen: { actor: A.op, action: { type: 'reopen', reason: '居民反映问题复发' } },
  requestExtension: {
    actor: A.crew,
    action: { type: 'requestExtension', extension: { amount: 1, unit: 'days' }, reason: '等待材料' },
  },
  approveExtension: {
    actor: A.op,
    action: { type: 'approveExtension' },
    patch: { extensionRequests: [pendingOrderExtension] },
  },
  denyExtension: {
    actor: A.op,
    action: { type: 'denyExtension', reason: '时限充足' },
    patch: { extensionRequests: [pendingOrderExtension] },
  },
  supervise: { actor: A.leader, action: { type: 'supervise' } },
  park: { actor: A.op, action: { type: 'park', reason: '需纳入年度改造计划' } },
  resume: {
    actor: A.op,
    action: { type: 'resume' },
    patch: { parked: { at: NOW - 3_600_000, reason: 'x', until: null } },
  },
  addSubTask: {
    actor: A.op,
    action: { type: 'addSubTask', subTask: { id: 's-new', unitId: 'dept-greening' } },
  },
  signSubTask: {
    actor: A.power,
    action: { type: 'signSubTask', subTaskId: 's-power' },
    patch: { subTasks: [subTask('dispatched')] },
  },
  feedbackSubTask: {
    actor: A.power,
    action: { type: 'feedbackSubTask', subTaskId: 's-power' },
    patch: { subTasks: [subTask('signed')] },
  },
  closeSubTask: {
    actor: A.crew,
    action: { type: 'closeSubTask', subTaskId: 's-power', reason: '无需停电' },
    patch: { subTasks: [subTask('signed')] },
  },
  requestPark: {
    actor: A.crew,
    action: { type: 'requestPark', reason: '等待业主配合', until: bj('2026-03-20 17:30') },
  },
  approvePark: { actor: A.op, action: { type: 'approvePark' }, patch: { parkRequest: pendingPark } },
  denyPark: {
    actor: A.op,
    action: { type: 'denyPark', reason: '请先联系业主' },
    patch: { parkRequest: pendingPark },
  },
  consult: {
    actor: A.op,
    action: {
      type: 'consult',
      asks: [{ id: 'q-new', unitId: 'dept-greening' }],
      question: '可否修剪行道树？',
      dueAt: bj('2026-03-11 17:30'),
    },
  },
  consultReply: {
    actor: A.greening,
    action: { type: 'consultReply', agree: true },
    patch: { consultations: [openQuestion] },
  },
  comment: { actor: A.op, action: { type: 'comment', note: '已电话联系居民' } },
};

describe('every state × action against the table', () => {
  for (const type of ACTION_TYPES) {
    const { actor, action, patch } = CASES[type];
    const rule = ACTION_RULES[type];
    for (const status of ORDER_STATUSES) {
      const parked = patch?.parked != null;
      const allowed = stateAllows(type, status, parked);
      it(`${type} from ${status}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const order = orderIn(status, patch);
        const result = applyAction(order, action, actor, NOW, CTX);
        if (allowed) {
          assert.ok(result.ok, result.ok ? '' : `${result.error.code}: ${result.error.message}`);
          const expected = rule.to === 'same' ? status : typeof rule.to === 'string' ? rule.to : rule.to[0];
          assert.equal(result.event.fromState, status);
          assert.equal(result.event.toState, expected);
          assert.equal(result.order.status, expected);
          assert.equal(result.order.version, order.version + 1);
          assert.equal(result.event.seq, order.version + 1);
        } else {
          const error = refused(result);
          assert.equal(error.code, 'TRANSITION_NOT_ALLOWED');
          assert.match(error.message, new RegExp(`order that is ${status} `));
          assert.equal(error.details?.state, status);
          assert.deepEqual(error.details?.allowedActions, allowedActions(order, actor, NOW, CTX));
        }
      });
    }
  }
});

describe('the parked flag (挂账)', () => {
  const parked = { parked: { at: NOW - 3_600_000, reason: '需纳入年度改造计划', until: null } };
  for (const type of ACTION_TYPES) {
    const { actor, action, patch } = CASES[type];
    const allowed = ACTION_RULES[type].whileParked !== 'no';
    it(`${type} on a parked handling order: ${allowed ? 'allowed' : 'refused'}`, () => {
      const result = applyAction(orderIn('handling', { ...patch, ...parked }), action, actor, NOW, CTX);
      const fromHandling = ACTION_RULES[type].from.includes('handling');
      if (allowed && fromHandling) {
        assert.ok(result.ok, result.ok ? '' : result.error.message);
      } else {
        const error = refused(result);
        assert.equal(error.code, 'TRANSITION_NOT_ALLOWED');
        assert.match(error.message, /handling \(处置中\), parked \(挂账\)/);
      }
    });
  }
});

describe('every action × role', () => {
  for (const type of ACTION_TYPES) {
    const { action } = CASES[type];
    const rule = ACTION_RULES[type];
    const status = rule.from[0] ?? 'reported';
    for (const role of ROLES.filter((r) => !rule.roles.includes(r))) {
      it(`a ${role} may not ${type}`, () => {
        const actor: Actor = { userId: `u-${role}`, role, unitId: 'contractor-trim' };
        const error = refused(applyAction(orderIn(status, CASES[type].patch), action, actor, NOW, CTX));
        assert.equal(error.code, 'FORBIDDEN');
        assert.match(error.message, new RegExp(`A ${role} may not ${type}`));
      });
    }
  }
});
