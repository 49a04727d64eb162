import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OrderAction } from './actions.ts';
import { computeIndicators } from './indicators.ts';
import type { Actor } from './model.ts';
import { A, bj, CAL, play, type Run, report } from './test-fixtures.ts';

type Steps = [Actor, OrderAction, string][];
const H = 3_600_000;

function order(id: string, reporter: Actor, reportedAt: string, steps: Steps, level?: 'community'): Run {
  const timed = steps.map(([who, action, at]): [Actor, OrderAction, number] => [who, action, bj(at)]);
  return play(report(id, reporter, bj(reportedAt), level), timed);
}

const dispatch = (deadline: string): OrderAction => ({
  type: 'dispatch',
  unitId: 'contractor-trim',
  deadline: bj(deadline),
});
const feedback: OrderAction = { type: 'feedback', photos: ['p'] };
const pass: OrderAction = { type: 'verify', passed: true };

// A fixed month of eight orders. The comments give each one's contribution.
const DATA: Run[] = [
  // A: registered, on time, satisfied. Response 10:00 → 10:30 = 0.5 h; handling Mon 10:30 → Tue
  // 10:30 = 1.5 + 4 + 2 = 7.5 h.
  order('o-A', A.resident, '2026-03-02 09:00', [
    [A.op, { type: 'register' }, '2026-03-02 09:30'],
    [A.op, dispatch('2026-03-05 17:30'), '2026-03-02 10:00'],
    [A.crew, { type: 'sign' }, '2026-03-02 10:30'],
    [A.crew, { type: 'startHandling' }, '2026-03-02 11:00'],
    [A.crew, feedback, '2026-03-03 10:30'],
    [A.wang, pass, '2026-03-03 14:00'],
    [A.op, { type: 'close' }, '2026-03-03 15:00'],
    [A.op, { type: 'returnVisit', satisfaction: 'satisfied', solved: true }, '2026-03-04 10:00'],
  ]),
  // B: one rework, closed late, dissatisfied and unsolved. Response 1 h; handling Mon 11:00 →
  // Tue 09:00 = 1 + 4 + 0.5 = 5.5 h (the feedback after rework is not a new handling time).
  order('o-B', A.resident, '2026-03-09 09:00', [
    [A.op, { type: 'register' }, '2026-03-09 09:30'],
    [A.op, dispatch('2026-03-10 17:30'), '2026-03-09 10:00'],
    [A.crew, { type: 'sign' }, '2026-03-09 11:00'],
    [A.crew, { type: 'startHandling' }, '2026-03-09 11:30'],
    [A.crew, feedback, '2026-03-10 09:00'],
    [A.wang, { type: 'verify', passed: false, note: '未清理干净' }, '2026-03-10 10:00'],
    [A.crew, feedback, '2026-03-12 09:00'],
    [A.wang, pass, '2026-03-12 14:00'],
    [A.op, { type: 'close' }, '2026-03-12 15:00'],
    [A.op, { type: 'returnVisit', satisfaction: 'dissatisfied', solved: false }, '2026-03-13 10:00'],
  ]),
  // C: still being handled after its deadline: due and overdue. Response Mon 10:00 → Tue 09:00
  // = 2 + 4 + 0.5 = 6.5 h.
  order('o-C', A.resident, '2026-03-16 09:00', [
    [A.op, { type: 'register' }, '2026-03-16 09:30'],
    [A.op, dispatch('2026-03-18 17:30'), '2026-03-16 10:00'],
    [A.crew, { type: 'sign' }, '2026-03-17 09:00'],
    [A.crew, { type: 'startHandling' }, '2026-03-17 10:00'],
  ]),
  // D: fixed on the spot by the grid worker: registered and closed, never due.
  order(
    'o-D',
    A.wang,
    '2026-03-20 09:00',
    [[A.wang, { type: 'selfHandle', photos: ['p'] }, '2026-03-20 09:30']],
    'community',
  ),
  // E: registered then voided: not a case, counted nowhere.
  order('o-E', A.resident, '2026-03-23 09:00', [
    [A.op, { type: 'register' }, '2026-03-23 09:30'],
    [A.op, { type: 'void', reason: '重复测试' }, '2026-03-23 10:00'],
  ]),
  // F: registered in February, due and closed on time in March, basically satisfied. Its sign is
  // in February, so no response time in March; handling Wed 25 Feb 10:30 → Mon 2 Mar 10:00 =
  // 5.5 + 7.5 (Thu) + 7.5 (Fri) + 7.5 (Sat 28 Feb, a make-up working day) + 1.5 = 29.5 h.
  order('o-F', A.resident, '2026-02-12 09:00', [
    [A.op, { type: 'register' }, '2026-02-12 09:30'],
    [A.op, dispatch('2026-03-03 17:30'), '2026-02-25 10:00'],
    [A.crew, { type: 'sign' }, '2026-02-25 10:30'],
    [A.crew, { type: 'startHandling' }, '2026-02-25 11:00'],
    [A.crew, feedback, '2026-03-02 10:00'],
    [A.wang, pass, '2026-03-02 11:00'],
    [A.op, { type: 'close' }, '2026-03-02 14:00'],
    [A.op, { type: 'returnVisit', satisfaction: 'basicallySatisfied', solved: true }, '2026-03-03 10:00'],
  ]),
  // G: a duplicate merged into A: not a case.
  order('o-G', A.resident, '2026-03-25 09:00', [
    [A.op, { type: 'merge', intoOrderId: 'o-A' }, '2026-03-25 09:10'],
  ]),
  // H: registered at the end of March, due in April. Response 0.25 h.
  order('o-H', A.resident, '2026-03-30 09:00', [
    [A.op, { type: 'register' }, '2026-03-30 09:30'],
    [A.op, dispatch('2026-04-02 17:30'), '2026-03-30 10:00'],
    [A.crew, { type: 'sign' }, '2026-03-30 10:15'],
  ]),
];

const MARCH = { from: bj('2026-03-01 00:00'), to: bj('2026-04-01 00:00') };

describe('indicators on a fixed month', () => {
  it('computes March after the month is over', () => {
    assert.deepEqual(computeIndicators(DATA, MARCH, bj('2026-04-10 00:00'), CAL), {
      registered: 5, // A, B, C, D, H
      closed: 3, // A, B, D
      closureRate: 3 / 5,
      due: 4, // A (5 Mar), B (10 Mar), C (18 Mar), F (3 Mar)
      closedOnTime: 2, // A, F
      onTimeClosureRate: 2 / 4,
      overdueCount: 2, // B closed late, C still open
      verifications: 4, // A, B fail, B pass, F
      reworks: 1,
      reworkRate: 1 / 4,
      avgResponseMs: ((0.5 + 1 + 6.5 + 0.25) / 4) * H, // A, B, C, H
      avgHandlingMs: ((7.5 + 5.5 + 29.5) / 3) * H, // A, B, F
      visited: 3, // A, B, F
      satisfied: 2, // A satisfied, F basically satisfied
      solved: 2, // A, F
      satisfactionRate: 2 / 3,
      solvedRate: 2 / 3,
    });
  });

  it('computes March as it stood on 10 March at noon', () => {
    assert.deepEqual(computeIndicators(DATA, MARCH, bj('2026-03-10 12:00'), CAL), {
      registered: 2, // A, B
      closed: 1, // A; B is in rework
      closureRate: 1 / 2,
      due: 2, // A, F; B is due only at 17:30
      closedOnTime: 2,
      onTimeClosureRate: 1,
      overdueCount: 0,
      verifications: 3, // F, A, B fail
      reworks: 1,
      reworkRate: 1 / 3,
      avgResponseMs: 0.75 * H, // A 0.5 h, B 1 h
      avgHandlingMs: ((7.5 + 5.5 + 29.5) / 3) * H,
      visited: 2, // F, A
      satisfied: 2,
      solved: 2,
      satisfactionRate: 1,
      solvedRate: 1,
    });
  });

  it('gives nulls, not zeros, for rates over nothing', () => {
    const empty = computeIndicators([], MARCH, bj('2026-04-10 00:00'), CAL);
    assert.equal(empty.registered, 0);
    assert.equal(empty.closureRate, null);
    assert.equal(empty.onTimeClosureRate, null);
    assert.equal(empty.avgResponseMs, null);
    assert.equal(empty.satisfactionRate, null);
  });
});
