import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyAction } from './apply.ts';
import { reportOrder } from './create.ts';
import { computeIndicators } from './indicators.ts';
import { A, bj, CAL, CTX, must, play, type Run, refused } from './test-fixtures.ts';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

// DESIGN.md's overhanging-branches case, issue 3's end-to-end story, at the domain level.
describe('the overhanging-branches story', () => {
  const created = reportOrder(
    {
      id: 'o-branches',
      level: 'community',
      responsibleUnitId: 'comm-a',
      timeLimit: { amount: 3, unit: 'days' },
      note: '樟树枝搭在高压线上',
      photos: ['p-1', 'p-2'],
    },
    A.wang,
    bj('2026-03-09 09:00'),
  );
  if (!created.ok) throw new Error(created.error.message);
  let run: Run = { order: created.order, events: [created.event] };

  it('is escalated twice, registered and dispatched with three sub-tasks', () => {
    run = play(run, [
      [A.commA, { type: 'escalate', toUnitId: 'ws-1', note: '社区无法处理' }, bj('2026-03-09 09:10')],
      [A.ws, { type: 'escalate', toUnitId: 'centre' }, bj('2026-03-09 09:20')],
      [A.op, { type: 'register' }, bj('2026-03-09 09:30')],
      [
        A.op,
        {
          type: 'dispatch',
          unitId: 'contractor-trim',
          subTasks: [
            { id: 's-green', unitId: 'dept-greening', task: '审批修剪' },
            { id: 's-power', unitId: 'dept-power', task: '安排停电' },
            { id: 's-comm', unitId: 'comm-a', task: '通知居民挪车' },
          ],
        },
        bj('2026-03-09 10:00'),
      ],
    ]);
    assert.equal(run.order.status, 'dispatched');
    assert.equal(run.order.level, 'subdistrict');
    assert.equal(run.order.responsibleUnitId, 'contractor-trim');
    // 3 working days from Monday: close of business on Thursday 12 March.
    assert.equal(iso(run.order.deadline), '2026-03-12T09:30:00.000Z');
    assert.deepEqual(
      run.order.subTasks.map((s) => [s.id, s.status, iso(s.deadline)]),
      [
        ['s-green', 'dispatched', '2026-03-12T09:30:00.000Z'],
        ['s-power', 'dispatched', '2026-03-12T09:30:00.000Z'],
        ['s-comm', 'dispatched', '2026-03-12T09:30:00.000Z'],
      ],
    );
  });

  it('is signed by every unit, and power supply gets a 2-working-day extension', () => {
    run = play(run, [
      [A.greening, { type: 'signSubTask', subTaskId: 's-green' }, bj('2026-03-09 10:30')],
      [A.power, { type: 'signSubTask', subTaskId: 's-power' }, bj('2026-03-09 10:40')],
      [A.commA, { type: 'signSubTask', subTaskId: 's-comm' }, bj('2026-03-09 10:50')],
      [A.crew, { type: 'sign' }, bj('2026-03-09 11:00')],
      [
        A.power,
        {
          type: 'requestExtension',
          subTaskId: 's-power',
          extension: { amount: 2, unit: 'days' },
          reason: '停电需提前报批',
        },
        bj('2026-03-09 14:00'),
      ],
      [A.op, { type: 'approveExtension', subTaskId: 's-power' }, bj('2026-03-09 14:30')],
    ]);
    // Thu 12 March 17:30 + 2 × 7.5 working hours = Fri 13 and Mon 16 → Mon 16 March 17:30,
    // and the order's deadline follows because the lead cannot finish before power supply.
    assert.equal(iso(run.order.subTasks[1]?.deadline ?? null), '2026-03-16T09:30:00.000Z');
    assert.equal(iso(run.order.deadline), '2026-03-16T09:30:00.000Z');
    assert.equal(run.order.responsibleUserId, 'u-crew');
    assert.equal(run.order.extensionCount, 1);
  });

  it('cannot be reported handled until the sub-tasks are done', () => {
    run = play(run, [[A.crew, { type: 'startHandling' }, bj('2026-03-10 08:40')]]);
    const blocked = refused(
      applyAction(run.order, { type: 'feedback', photos: ['p-3'] }, A.crew, bj('2026-03-11 10:00'), CTX),
    );
    assert.equal(blocked.code, 'SUBTASKS_OPEN');
    assert.match(blocked.message, /s-green \(signed\), s-power \(signed\), s-comm \(signed\)/);
    run = play(run, [
      [
        A.greening,
        { type: 'feedbackSubTask', subTaskId: 's-green', note: '同意修剪' },
        bj('2026-03-10 09:00'),
      ],
      [A.commA, { type: 'feedbackSubTask', subTaskId: 's-comm', note: '已通知' }, bj('2026-03-10 09:30')],
      [
        A.power,
        { type: 'feedbackSubTask', subTaskId: 's-power', note: '周五上午停电' },
        bj('2026-03-13 10:00'),
      ],
      [A.crew, { type: 'feedback', photos: ['p-3', 'p-4'], note: '已修剪' }, bj('2026-03-13 16:00')],
    ]);
    assert.equal(run.order.status, 'handled');
  });

  it('is verified by the grid worker, closed, and visited', () => {
    run = play(run, [
      [A.wang, { type: 'verify', passed: true, photos: ['p-5'] }, bj('2026-03-16 09:00')],
      [A.op, { type: 'close' }, bj('2026-03-16 10:00')],
      [A.op, { type: 'returnVisit', satisfaction: 'satisfied', solved: true }, bj('2026-03-17 10:00')],
    ]);
    assert.equal(run.order.status, 'closed');
    assert.deepEqual(run.order.returnVisit, {
      satisfaction: 'satisfied',
      solved: true,
      at: bj('2026-03-17 10:00'),
      byUserId: 'u-op',
    });
  });

  it('has every step in its timeline with who, from-state, to-state, note and photos', () => {
    assert.deepEqual(
      run.events.map((e) => [e.seq, e.action, e.fromState, e.toState, e.actor.userId]),
      [
        [1, 'report', null, 'reported', 'u-wang'],
        [2, 'escalate', 'reported', 'reported', 'u-comm-a'],
        [3, 'escalate', 'reported', 'reported', 'u-ws'],
        [4, 'register', 'reported', 'registered', 'u-op'],
        [5, 'dispatch', 'registered', 'dispatched', 'u-op'],
        [6, 'signSubTask', 'dispatched', 'dispatched', 'u-green'],
        [7, 'signSubTask', 'dispatched', 'dispatched', 'u-power'],
        [8, 'signSubTask', 'dispatched', 'dispatched', 'u-comm-a'],
        [9, 'sign', 'dispatched', 'signed', 'u-crew'],
        [10, 'requestExtension', 'signed', 'signed', 'u-power'],
        [11, 'approveExtension', 'signed', 'signed', 'u-op'],
        [12, 'startHandling', 'signed', 'handling', 'u-crew'],
        [13, 'feedbackSubTask', 'handling', 'handling', 'u-green'],
        [14, 'feedbackSubTask', 'handling', 'handling', 'u-comm-a'],
        [15, 'feedbackSubTask', 'handling', 'handling', 'u-power'],
        [16, 'feedback', 'handling', 'handled', 'u-crew'],
        [17, 'verify', 'handled', 'verified', 'u-wang'],
        [18, 'close', 'verified', 'closed', 'u-op'],
        [19, 'returnVisit', 'closed', 'closed', 'u-op'],
      ],
    );
    assert.equal(run.order.version, 19);
    const [reported, escalated, , , , , , , , requested, approved, , , , , fed] = run.events;
    assert.deepEqual(reported?.photos, ['p-1', 'p-2']);
    assert.equal(reported?.note, '樟树枝搭在高压线上');
    assert.deepEqual(escalated?.data, { fromLevel: 'community', toLevel: 'workstation', toUnitId: 'ws-1' });
    assert.equal(requested?.note, '停电需提前报批');
    assert.deepEqual(approved?.data, {
      subTaskId: 's-power',
      extension: { amount: 2, unit: 'days' },
      requestedBy: 'u-power',
      subTaskDeadline: bj('2026-03-16 17:30'),
      deadline: bj('2026-03-16 17:30'),
    });
    assert.deepEqual(fed?.photos, ['p-3', 'p-4']);
    assert.equal(run.events.at(-1)?.at, bj('2026-03-17 10:00'));
  });

  it('ends with these indicators for March', () => {
    const march = { from: bj('2026-03-01 00:00'), to: bj('2026-04-01 00:00') };
    const got = computeIndicators([run], march, bj('2026-04-10 00:00'), CAL);
    assert.deepEqual(got, {
      registered: 1,
      closed: 1,
      closureRate: 1,
      due: 1,
      closedOnTime: 1,
      onTimeClosureRate: 1,
      overdueCount: 0,
      verifications: 1,
      reworks: 0,
      reworkRate: 0,
      // Dispatch Mon 10:00 → sign Mon 11:00.
      avgResponseMs: 3_600_000,
      // Sign Mon 11:00 → feedback Fri 16:00: Mon 5 h + Tue–Thu 3 × 7.5 h + Fri 6 h = 33.5 h.
      avgHandlingMs: 33.5 * 3_600_000,
      visited: 1,
      satisfied: 1,
      solved: 1,
      satisfactionRate: 1,
      solvedRate: 1,
    });
  });
});

describe('self-handling (自处理)', () => {
  it('lets the reporting grid worker close a report on the spot with photos', () => {
    const r = reportOrder(
      { id: 'o-2', level: 'community', responsibleUnitId: 'comm-a' },
      A.wang,
      bj('2026-03-09 09:00'),
    );
    assert.ok(r.ok);
    const noPhoto = refused(
      applyAction(r.order, { type: 'selfHandle' }, A.wang, bj('2026-03-09 09:20'), CTX),
    );
    assert.equal(noPhoto.code, 'VALIDATION_FAILED');
    const done = must(
      applyAction(r.order, { type: 'selfHandle', photos: ['p-after'] }, A.wang, bj('2026-03-09 09:20')),
    );
    assert.equal(done.order.status, 'closed');
    assert.equal(done.order.resolution, 'selfHandled');
    assert.deepEqual(done.event.photos, ['p-after']);
    const other = refused(
      applyAction(r.order, { type: 'selfHandle', photos: ['p'] }, A.otherGridWorker, 0, CTX),
    );
    assert.equal(other.code, 'FORBIDDEN');
  });
});
