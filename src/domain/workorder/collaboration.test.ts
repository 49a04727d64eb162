import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyAction } from './apply.ts';
import type { SubTask } from './model.ts';
import { A, bj, CTX, must, orderIn, refused } from './test-fixtures.ts';

const sub = (id: string, unitId: string, status: SubTask['status']): SubTask => ({
  id,
  unitId,
  task: null,
  status,
  deadline: bj('2026-03-12 17:30'),
  plannedAt: null,
  closeReason: null,
  assetIds: [],
});

describe('collaboration sub-tasks (协办)', () => {
  const handling = orderIn('handling', {
    subTasks: [sub('s-green', 'dept-greening', 'handled'), sub('s-power', 'dept-power', 'signed')],
  });
  const feedback = { type: 'feedback', photos: ['p-after'] } as const;

  it('blocks the order’s feedback while a sub-task is open', () => {
    const error = refused(applyAction(handling, feedback, A.crew, 0, CTX));
    assert.equal(error.code, 'SUBTASKS_OPEN');
    assert.deepEqual(error.details, { subTaskIds: ['s-power'] });
  });

  it('lets the lead close an open sub-task with a reason, which unblocks feedback', () => {
    const closed = must(
      applyAction(
        handling,
        { type: 'closeSubTask', subTaskId: 's-power', reason: '改用绝缘作业，无需停电' },
        A.crew,
        1,
        CTX,
      ),
    );
    assert.equal(closed.order.subTasks[1]?.status, 'closed');
    assert.equal(closed.order.subTasks[1]?.closeReason, '改用绝缘作业，无需停电');
    assert.equal(must(applyAction(closed.order, feedback, A.crew, 2, CTX)).order.status, 'handled');
  });

  it('unblocks feedback once the sub-task unit reports back', () => {
    const done = must(
      applyAction(handling, { type: 'feedbackSubTask', subTaskId: 's-power' }, A.power, 1, CTX),
    );
    assert.equal(done.order.subTasks[1]?.status, 'handled');
    assert.equal(must(applyAction(done.order, feedback, A.crew, 2, CTX)).order.status, 'handled');
  });

  it('adds a sub-task after dispatch with the order’s deadline', () => {
    const added = must(
      applyAction(
        handling,
        { type: 'addSubTask', subTask: { id: 's-comm', unitId: 'comm-a', task: '通知居民' } },
        A.op,
        1,
        CTX,
      ),
    );
    assert.deepEqual(added.order.subTasks[2], { ...sub('s-comm', 'comm-a', 'dispatched'), task: '通知居民' });
  });

  const REFUSALS: [name: string, run: () => ReturnType<typeof applyAction>, code: string][] = [
    [
      'closing without a reason',
      () => applyAction(handling, { type: 'closeSubTask', subTaskId: 's-power', reason: '' }, A.crew, 1, CTX),
      'VALIDATION_FAILED',
    ],
    [
      'closing by a collaborator instead of the lead',
      () =>
        applyAction(
          handling,
          { type: 'closeSubTask', subTaskId: 's-power', reason: 'x' },
          A.greening,
          1,
          CTX,
        ),
      'OUT_OF_SCOPE',
    ],
    [
      'closing a sub-task that already reported back',
      () =>
        applyAction(handling, { type: 'closeSubTask', subTaskId: 's-green', reason: 'x' }, A.crew, 1, CTX),
      'TRANSITION_NOT_ALLOWED',
    ],
    [
      'signing another unit’s sub-task',
      () =>
        applyAction(
          orderIn('dispatched', { subTasks: [sub('s-power', 'dept-power', 'dispatched')] }),
          { type: 'signSubTask', subTaskId: 's-power' },
          A.greening,
          1,
          CTX,
        ),
      'OUT_OF_SCOPE',
    ],
    [
      'feeding back a sub-task that nobody signed',
      () =>
        applyAction(
          orderIn('dispatched', { subTasks: [sub('s-power', 'dept-power', 'dispatched')] }),
          { type: 'feedbackSubTask', subTaskId: 's-power' },
          A.power,
          1,
          CTX,
        ),
      'TRANSITION_NOT_ALLOWED',
    ],
    [
      'an unknown sub-task',
      () => applyAction(handling, { type: 'closeSubTask', subTaskId: 's-nope', reason: 'x' }, A.crew, 1, CTX),
      'SUBTASK_NOT_FOUND',
    ],
    [
      'a sub-task for the lead unit itself',
      () =>
        applyAction(
          orderIn('registered'),
          {
            type: 'dispatch',
            unitId: 'contractor-trim',
            subTasks: [{ id: 's-1', unitId: 'contractor-trim' }],
          },
          A.op,
          bj('2026-03-10 10:00'),
          CTX,
        ),
      'VALIDATION_FAILED',
    ],
    [
      'two sub-tasks with one id',
      () =>
        applyAction(
          handling,
          { type: 'addSubTask', subTask: { id: 's-green', unitId: 'comm-a' } },
          A.op,
          bj('2026-03-10 10:00'),
          CTX,
        ),
      'VALIDATION_FAILED',
    ],
    [
      'a community adding a sub-task to an order the centre runs',
      () =>
        applyAction(
          orderIn('dispatched', { responsibleUnitId: 'dept-greening' }),
          { type: 'addSubTask', subTask: { id: 's-x', unitId: 'dept-power' } },
          A.commA,
          1,
          CTX,
        ),
      'FORBIDDEN',
    ],
    [
      'another community adding a sub-task to a community-run order',
      () =>
        applyAction(
          orderIn('dispatched', { level: 'community', dispatcherUnitId: 'comm-a' }),
          { type: 'addSubTask', subTask: { id: 's-x', unitId: 'dept-power' } },
          A.commB,
          1,
          CTX,
        ),
      'OUT_OF_SCOPE',
    ],
    [
      'the lead handler adding a sub-task instead of the runner',
      () =>
        applyAction(
          handling,
          { type: 'addSubTask', subTask: { id: 's-x', unitId: 'dept-power' } },
          A.crew,
          1,
          CTX,
        ),
      'FORBIDDEN',
    ],
  ];
  for (const [name, run, code] of REFUSALS) {
    it(`refuses ${name} with ${code}`, () => assert.equal(refused(run()).code, code));
  }
});
