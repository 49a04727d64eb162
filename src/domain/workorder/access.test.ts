import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OrderAction } from './actions.ts';
import { allowedActions, applyAction } from './apply.ts';
import type { Actor, OrderState } from './model.ts';
import { A, bj, CTX, must, orderIn, play, refused, report } from './test-fixtures.ts';

describe('who may act', () => {
  const atCommunity = (status: 'reported' | 'registered') =>
    orderIn(status, {
      level: 'community',
      responsibleUnitId: 'comm-a',
      dispatcherUnitId: status === 'reported' ? null : 'comm-a',
    });
  const CASES: [name: string, order: OrderState, action: OrderAction, actor: Actor, code: string | null][] = [
    ['a community registers its own problem', atCommunity('reported'), { type: 'register' }, A.commA, null],
    ['another community may not', atCommunity('reported'), { type: 'register' }, A.commB, 'OUT_OF_SCOPE'],
    [
      'a workstation may not register at community level',
      atCommunity('reported'),
      { type: 'register' },
      A.ws,
      'FORBIDDEN',
    ],
    ['the centre may always register', atCommunity('reported'), { type: 'register' }, A.op, null],
    [
      'a community may not register at subdistrict level',
      orderIn('reported'),
      { type: 'register' },
      A.commA,
      'FORBIDDEN',
    ],
    [
      'a workstation may not escalate at community level',
      atCommunity('reported'),
      { type: 'escalate', toUnitId: 'centre' },
      A.ws,
      'FORBIDDEN',
    ],
    ['another department may not sign', orderIn('dispatched'), { type: 'sign' }, A.greening, 'OUT_OF_SCOPE'],
    ['an operator may not sign for a unit', orderIn('dispatched'), { type: 'sign' }, A.op, 'FORBIDDEN'],
    ['a resident may not close', orderIn('verified'), { type: 'close' }, A.resident, 'FORBIDDEN'],
    [
      'a leader may not dispatch',
      orderIn('registered'),
      { type: 'dispatch', unitId: 'x' },
      A.leader,
      'FORBIDDEN',
    ],
    ['a crew may not supervise', orderIn('handling'), { type: 'supervise' }, A.crew, 'FORBIDDEN'],
  ];
  for (const [name, order, action, actor, code] of CASES) {
    it(name, () => {
      const result = applyAction(order, action, actor, bj('2026-03-10 10:00'), CTX);
      if (code === null) assert.ok(result.ok, result.ok ? '' : result.error.message);
      else assert.equal(refused(result).code, code);
    });
  }

  it('keeps a community-registered order at community level, while the centre takes it over', () => {
    const byCommunity = must(applyAction(atCommunity('reported'), { type: 'register' }, A.commA, 1, CTX));
    assert.equal(byCommunity.order.level, 'community');
    assert.equal(byCommunity.order.dispatcherUnitId, 'comm-a');
    const byCentre = must(applyAction(atCommunity('reported'), { type: 'register' }, A.op, 1, CTX));
    assert.equal(byCentre.order.level, 'subdistrict');
    assert.equal(byCentre.order.responsibleUnitId, 'centre');
  });

  it('cannot escalate above the subdistrict', () => {
    const error = refused(
      applyAction(orderIn('reported'), { type: 'escalate', toUnitId: 'x' }, A.commA, 1, CTX),
    );
    assert.equal(error.code, 'FORBIDDEN');
  });

  it('takes the level of the escalation target: straight to the subdistrict where no workstation is', () => {
    const escalate = { type: 'escalate', toUnitId: 'centre', toLevel: 'subdistrict' } as const;
    const direct = must(applyAction(atCommunity('reported'), escalate, A.commA, 1, CTX));
    assert.equal(direct.order.level, 'subdistrict');
    assert.equal(direct.order.responsibleUnitId, 'centre');
    const sideways = { type: 'escalate', toUnitId: 'comm-b', toLevel: 'community' } as const;
    assert.equal(
      refused(applyAction(atCommunity('reported'), sideways, A.commA, 1, CTX)).code,
      'VALIDATION_FAILED',
    );
  });
});

describe('optimistic concurrency and input', () => {
  it('refuses a stale version with VERSION_CONFLICT and accepts the current one', () => {
    const order = orderIn('dispatched');
    const stale = refused(applyAction(order, { type: 'sign', expectedVersion: 6 }, A.crew, 1, CTX));
    assert.equal(stale.code, 'VERSION_CONFLICT');
    assert.deepEqual(stale.details, { currentVersion: 7 });
    assert.equal(
      must(applyAction(order, { type: 'sign', expectedVersion: 7 }, A.crew, 1, CTX)).order.version,
      8,
    );
  });
  it('refuses an unknown action and malformed photos', () => {
    assert.equal(
      refused(applyAction(orderIn('dispatched'), { type: 'fly' } as never, A.crew, 1, CTX)).code,
      'VALIDATION_FAILED',
    );
    const photos = { type: 'sign', photos: [''] } as const;
    assert.equal(
      refused(applyAction(orderIn('dispatched'), photos, A.crew, 1, CTX)).code,
      'VALIDATION_FAILED',
    );
  });
  it('refuses a dispatch without deadline when the category has no time limit', () => {
    const order = orderIn('registered', { timeLimit: null });
    const error = refused(applyAction(order, { type: 'dispatch', unitId: 'contractor-trim' }, A.op, 1, CTX));
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.match(error.message, /deadline/);
  });
});

describe('return (退单)', () => {
  it('goes back to the dispatcher with the reason, and a new dispatch starts a new deadline', () => {
    const run = play(report('o-ret', A.resident, bj('2026-03-09 09:00')), [
      [A.op, { type: 'register' }, bj('2026-03-09 09:30')],
      [
        A.op,
        { type: 'dispatch', unitId: 'dept-greening', deadline: bj('2026-03-11 17:30') },
        bj('2026-03-09 10:00'),
      ],
      [A.greening, { type: 'return', reason: '属供电公司职责' }, bj('2026-03-09 10:30')],
    ]);
    assert.equal(run.order.status, 'registered');
    assert.equal(run.order.responsibleUnitId, 'centre');
    assert.equal(run.order.deadline, null);
    assert.equal(run.order.returnCount, 1);
    assert.equal(run.events.at(-1)?.note, '属供电公司职责');
    const again = play(run, [[A.op, { type: 'dispatch', unitId: 'dept-power' }, bj('2026-03-09 11:00')]]);
    // The category's 3 working days count again from the new dispatch: close of Thursday.
    assert.equal(again.order.deadline, bj('2026-03-12 17:30'));
  });
  it('needs a reason', () => {
    assert.equal(
      refused(applyAction(orderIn('dispatched'), { type: 'return', reason: '' }, A.crew, 1, CTX)).code,
      'VALIDATION_FAILED',
    );
  });
});

describe('allowedActions (the console’s buttons)', () => {
  const CASES: [name: string, order: OrderState, actor: Actor, expected: string[]][] = [
    [
      'the lead crew on a dispatched order',
      orderIn('dispatched'),
      A.crew,
      ['sign', 'return', 'assignAssets', 'requestExtension', 'requestPark', 'comment'],
    ],
    [
      'an operator on a dispatched order',
      orderIn('dispatched'),
      A.op,
      ['merge', 'assignAssets', 'supervise', 'park', 'addSubTask', 'comment'],
    ],
    [
      'an operator on a reported order',
      orderIn('reported'),
      A.op,
      ['register', 'reject', 'void', 'merge', 'consult', 'comment'],
    ],
    ['the reporting resident on a closed order', orderIn('closed'), A.resident, ['returnVisit', 'reopen']],
    ['another resident on a closed order', orderIn('closed'), A.otherResident, []],
    ['a grid worker on a handled order', orderIn('handled'), A.wang, ['verify', 'comment']],
    [
      'a leader on a parked order',
      orderIn('signed', { parked: { at: 0, reason: 'x', until: null } }),
      A.leader,
      ['supervise', 'resume', 'comment'],
    ],
  ];
  for (const [name, order, actor, expected] of CASES) {
    it(name, () => assert.deepEqual(allowedActions(order, actor, bj('2026-03-10 10:00'), CTX), expected));
  }
});
