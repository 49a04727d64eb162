import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyAction } from './apply.ts';
import { A, bj, CTX, must, orderIn, play, refused, report } from './test-fixtures.ts';

const DAY = 86_400_000;

describe('rework (返工)', () => {
  it('sends a failed check back to handling and counts every failure', () => {
    let run = play(report('o-rw', A.resident, bj('2026-03-09 09:00')), [
      [A.op, { type: 'register' }, bj('2026-03-09 09:30')],
      [
        A.op,
        { type: 'dispatch', unitId: 'contractor-trim', deadline: bj('2026-03-13 17:30') },
        bj('2026-03-09 10:00'),
      ],
      [A.crew, { type: 'sign' }, bj('2026-03-09 10:30')],
      [A.crew, { type: 'startHandling' }, bj('2026-03-09 11:00')],
      [A.crew, { type: 'feedback', photos: ['p-1'] }, bj('2026-03-09 15:00')],
      [A.wang, { type: 'verify', passed: false, note: '枝条仍搭线' }, bj('2026-03-10 09:00')],
    ]);
    assert.equal(run.order.status, 'handling');
    assert.equal(run.order.reworkCount, 1);
    assert.deepEqual(run.events.at(-1)?.data, { passed: false, reworkCount: 1 });
    run = play(run, [
      [A.crew, { type: 'feedback', photos: ['p-2'] }, bj('2026-03-10 15:00')],
      [A.wang, { type: 'verify', passed: false, note: '仍未清理' }, bj('2026-03-11 09:00')],
      [A.crew, { type: 'feedback', photos: ['p-3'] }, bj('2026-03-11 15:00')],
      [A.wang, { type: 'verify', passed: true }, bj('2026-03-12 09:00')],
    ]);
    assert.equal(run.order.status, 'verified');
    assert.equal(run.order.reworkCount, 2);
  });

  const REFUSALS: [
    name: string,
    action: Parameters<typeof applyAction>[1],
    who: typeof A.wang,
    code: string,
  ][] = [
    ['a failed check without a note', { type: 'verify', passed: false }, A.wang, 'VALIDATION_FAILED'],
    ['a check without an outcome', { type: 'verify' } as never, A.wang, 'VALIDATION_FAILED'],
    [
      'the handling unit checking its own work',
      { type: 'verify', passed: true },
      { userId: 'u-crew-gw', role: 'gridWorker', unitId: 'contractor-trim' },
      'FORBIDDEN',
    ],
  ];
  for (const [name, action, who, code] of REFUSALS) {
    it(`refuses ${name}`, () =>
      assert.equal(refused(applyAction(orderIn('handled'), action, who, 0, CTX)).code, code));
  }
});

describe('reopen (重办)', () => {
  const closedAt = bj('2026-03-10 09:00');
  const closed = orderIn('closed', {
    closedAt,
    returnVisit: { satisfaction: 'dissatisfied', solved: false, at: closedAt + DAY, byUserId: 'u-op' },
  });
  const CASES: [
    name: string,
    who: typeof A.op,
    at: number,
    window: number | undefined,
    code: string | null,
  ][] = [
    ['by the centre on the day after closing', A.op, closedAt + DAY, undefined, null],
    ['by the reporting resident on day 15', A.resident, closedAt + 15 * DAY, undefined, null],
    [
      'by the reporting resident on day 15 and one minute',
      A.resident,
      closedAt + 15 * DAY + 60_000,
      undefined,
      'REOPEN_WINDOW_PASSED',
    ],
    ['with a 1-day window configured, after 2 days', A.op, closedAt + 2 * DAY, DAY, 'REOPEN_WINDOW_PASSED'],
    ['by a resident who did not report it', A.otherResident, closedAt + DAY, undefined, 'FORBIDDEN'],
    ['by the leader, who is neither centre nor reporter', A.leader, closedAt + DAY, undefined, 'FORBIDDEN'],
  ];
  for (const [name, who, at, window, code] of CASES) {
    it(`${code ? 'refused' : 'allowed'} ${name}`, () => {
      const ctx = { ...CTX, ...(window === undefined ? {} : { reopenWindowMs: window }) };
      const result = applyAction(closed, { type: 'reopen', reason: '问题复发' }, who, at, ctx);
      if (code) {
        assert.equal(refused(result).code, code);
        return;
      }
      const { order, event } = must(result);
      assert.equal(order.status, 'registered');
      assert.equal(order.reopenCount, 1);
      assert.equal(order.responsibleUnitId, 'centre');
      assert.equal(order.closedAt, null);
      assert.equal(order.returnVisit, null, 'a new closure gets a new return visit');
      assert.deepEqual(event.data, { reopenCount: 1, toUnitId: 'centre', deadline: null });
    });
  }
  it('needs a reason', () => {
    const error = refused(applyAction(closed, { type: 'reopen', reason: ' ' }, A.op, closedAt + DAY, CTX));
    assert.equal(error.code, 'VALIDATION_FAILED');
  });
});

describe('return visit (回访)', () => {
  it('is recorded once per closure', () => {
    const first = must(
      applyAction(
        orderIn('closed'),
        { type: 'returnVisit', satisfaction: 'basicallySatisfied', solved: false },
        A.resident,
        1,
        CTX,
      ),
    );
    assert.deepEqual(first.event.data, { satisfaction: 'basicallySatisfied', solved: false });
    const again = refused(
      applyAction(
        first.order,
        { type: 'returnVisit', satisfaction: 'satisfied', solved: true },
        A.op,
        2,
        CTX,
      ),
    );
    assert.equal(again.code, 'RETURN_VISIT_DONE');
  });
  it('refuses an unknown satisfaction and another resident', () => {
    const bad = { type: 'returnVisit', satisfaction: 'happy', solved: true } as never;
    assert.equal(refused(applyAction(orderIn('closed'), bad, A.op, 1, CTX)).code, 'VALIDATION_FAILED');
    const visit = { type: 'returnVisit', satisfaction: 'satisfied', solved: true } as const;
    assert.equal(refused(applyAction(orderIn('closed'), visit, A.otherResident, 1, CTX)).code, 'FORBIDDEN');
  });
  it('is not open on a merged order', () => {
    const visit = { type: 'returnVisit', satisfaction: 'satisfied', solved: true } as const;
    assert.equal(refused(applyAction(orderIn('merged'), visit, A.op, 1, CTX)).code, 'TRANSITION_NOT_ALLOWED');
  });
});
