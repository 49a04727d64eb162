import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyAction } from './apply.ts';
import { A, bj, CTX, must, orderIn, refused } from './test-fixtures.ts';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

describe('extensions (延期)', () => {
  // orderIn('handling') is due Thu 12 March 17:30 Beijing.
  const handling = orderIn('handling');

  it('moves the deadline by the approved working time', () => {
    const asked = must(
      applyAction(
        handling,
        { type: 'requestExtension', extension: { amount: 4, unit: 'hours' }, reason: '材料未到' },
        A.crew,
        bj('2026-03-11 10:00'),
        CTX,
      ),
    );
    assert.equal(asked.order.extensionRequests.length, 1);
    assert.equal(asked.order.deadline, handling.deadline, 'a request alone moves nothing');
    const approved = must(
      applyAction(asked.order, { type: 'approveExtension' }, A.op, bj('2026-03-11 11:00'), CTX),
    );
    // Thu 17:30 + 4 working hours: Fri 13 March 08:30–12:00 gives 3.5 h, then 13:30 + 0.5 h = 14:00.
    assert.equal(iso(approved.order.deadline), '2026-03-13T06:00:00.000Z');
    assert.equal(approved.order.extensionCount, 1);
    assert.deepEqual(approved.order.extensionRequests, []);
    assert.equal(approved.event.data.deadline, bj('2026-03-13 14:00'));
  });

  it('lets the approver set a date of their own, but only a later one', () => {
    const asked = { ...handling, extensionRequests: [request()] };
    const own = must(
      applyAction(asked, { type: 'approveExtension', deadline: bj('2026-03-20 17:30') }, A.op, 0, CTX),
    );
    assert.equal(own.order.deadline, bj('2026-03-20 17:30'));
    const earlier = refused(
      applyAction(asked, { type: 'approveExtension', deadline: bj('2026-03-12 12:00') }, A.op, 0, CTX),
    );
    assert.equal(earlier.code, 'VALIDATION_FAILED');
  });

  it('leaves the deadline alone when denied', () => {
    const asked = { ...handling, extensionRequests: [request()] };
    const denied = must(applyAction(asked, { type: 'denyExtension', reason: '时限充足' }, A.op, 0, CTX));
    assert.equal(denied.order.deadline, handling.deadline);
    assert.deepEqual(denied.order.extensionRequests, []);
    assert.equal(denied.event.note, '时限充足');
  });

  it('moves a sub-task deadline, and the order deadline only when the sub-task would end later', () => {
    const sub = {
      id: 's-power',
      unitId: 'dept-power',
      task: null,
      status: 'signed' as const,
      plannedAt: null,
      closeReason: null,
      assetIds: [],
    };
    const early = { ...handling, subTasks: [{ ...sub, deadline: bj('2026-03-10 17:30') }] };
    const ask = {
      type: 'requestExtension',
      subTaskId: 's-power',
      extension: { amount: 1, unit: 'days' },
      reason: '停电报批',
    } as const;
    const step1 = must(applyAction(early, ask, A.power, bj('2026-03-10 09:00'), CTX));
    const step2 = must(
      applyAction(
        step1.order,
        { type: 'approveExtension', subTaskId: 's-power' },
        A.op,
        bj('2026-03-10 10:00'),
        CTX,
      ),
    );
    // Tue 17:30 + 7.5 working hours = Wed 11 March 17:30, still before the order's Thursday deadline.
    assert.equal(iso(step2.order.subTasks[0]?.deadline ?? null), '2026-03-11T09:30:00.000Z');
    assert.equal(step2.order.deadline, handling.deadline);
    assert.equal('deadline' in step2.event.data, false);
  });

  const REFUSALS: [name: string, run: () => ReturnType<typeof applyAction>, code: string][] = [
    [
      'a second request while one waits',
      () =>
        applyAction(
          { ...handling, extensionRequests: [request()] },
          { type: 'requestExtension', extension: { amount: 1, unit: 'days' }, reason: 'again' },
          A.crew,
          0,
          CTX,
        ),
      'EXTENSION_PENDING',
    ],
    [
      'approving with nothing pending',
      () => applyAction(handling, { type: 'approveExtension' }, A.op, 0, CTX),
      'NO_EXTENSION_REQUEST',
    ],
    [
      'a request without a reason',
      () =>
        applyAction(
          handling,
          { type: 'requestExtension', extension: { amount: 1, unit: 'days' }, reason: '' },
          A.crew,
          0,
          CTX,
        ),
      'VALIDATION_FAILED',
    ],
    [
      'a request of zero hours',
      () =>
        applyAction(
          handling,
          { type: 'requestExtension', extension: { amount: 0, unit: 'hours' }, reason: 'x' },
          A.crew,
          0,
          CTX,
        ),
      'VALIDATION_FAILED',
    ],
    [
      'a request from a unit that is neither lead nor collaborator',
      () =>
        applyAction(
          handling,
          { type: 'requestExtension', extension: { amount: 1, unit: 'days' }, reason: 'x' },
          A.greening,
          0,
          CTX,
        ),
      'OUT_OF_SCOPE',
    ],
    [
      'approval by a crew member',
      () =>
        applyAction(
          { ...handling, extensionRequests: [request()] },
          { type: 'approveExtension' },
          A.crew,
          0,
          CTX,
        ),
      'FORBIDDEN',
    ],
  ];
  for (const [name, run, code] of REFUSALS) {
    it(`refuses ${name} with ${code}`, () => assert.equal(refused(run()).code, code));
  }
});

function request() {
  return {
    subTaskId: null,
    extension: { amount: 1, unit: 'days' as const },
    reason: '材料未到',
    requestedBy: 'u-crew',
    requestedAt: bj('2026-03-11 10:00'),
  };
}
