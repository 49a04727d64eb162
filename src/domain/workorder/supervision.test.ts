import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyAction } from './apply.ts';
import { autoSupervise, needsAutoSupervision, orderLight } from './overdue.ts';
import { A, bj, CTX, must, orderIn, refused } from './test-fixtures.ts';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

describe('park and resume (挂账)', () => {
  // Dispatched Mon 9 March 10:00, due Wed 11 March 17:30; parked Mon 11:00 with 20 working hours
  // left (Mon 11–12 and 13:30–17:30 = 5 h, Tue 7.5 h, Wed 7.5 h).
  const order = orderIn('handling', {
    dispatchedAt: bj('2026-03-09 10:00'),
    deadline: bj('2026-03-11 17:30'),
  });
  const parked = must(
    applyAction(order, { type: 'park', reason: '需纳入改造计划' }, A.leader, bj('2026-03-09 11:00'), CTX),
  );

  it('keeps the state and refuses handling while parked', () => {
    assert.equal(parked.order.status, 'handling');
    assert.deepEqual(parked.order.parked, {
      at: bj('2026-03-09 11:00'),
      reason: '需纳入改造计划',
      until: null,
    });
    const error = refused(
      applyAction(parked.order, { type: 'feedback', photos: ['p'] }, A.crew, bj('2026-03-10 09:00'), CTX),
    );
    assert.equal(error.code, 'TRANSITION_NOT_ALLOWED');
    assert.deepEqual(
      error.details?.allowedActions,
      ['comment'],
      'a note is all the holder may add while parked',
    );
    assert.equal(orderLight(parked.order, bj('2026-03-12 09:00'), CTX), null, 'the clock stops');
    assert.equal(needsAutoSupervision(parked.order, bj('2026-03-20 09:00')), false);
  });

  it('gives the deadline back the working time it had left when resumed', () => {
    const resumed = must(applyAction(parked.order, { type: 'resume' }, A.op, bj('2026-03-16 09:00'), CTX));
    // Mon 16 March 09:00 + 20 h: Mon 3 + 4 = 7 h, Tue 7.5 h (14.5), Wed 08:30–12:00 (18) and 13:30 + 2 h → Wed 15:30.
    assert.equal(iso(resumed.order.deadline), '2026-03-18T07:30:00.000Z');
    assert.equal(resumed.order.parked, null);
    assert.equal(resumed.event.data.deadline, bj('2026-03-18 15:30'));
  });

  it('cannot park twice', () => {
    const again = refused(
      applyAction(parked.order, { type: 'park', reason: 'x' }, A.op, bj('2026-03-10 09:00'), CTX),
    );
    assert.equal(again.code, 'TRANSITION_NOT_ALLOWED');
  });
});

describe('supervision (督办)', () => {
  const order = orderIn('signed', { dispatchedAt: bj('2026-03-09 10:00'), deadline: bj('2026-03-11 17:30') });

  it('is raised by hand and counted', () => {
    const once = must(
      applyAction(order, { type: 'supervise', note: '请加快' }, A.leader, bj('2026-03-10 09:00'), CTX),
    );
    const twice = must(applyAction(once.order, { type: 'supervise' }, A.op, bj('2026-03-10 15:00'), CTX));
    assert.deepEqual(twice.order.supervision, {
      count: 2,
      lastAt: bj('2026-03-10 15:00'),
      autoForDeadline: null,
    });
    assert.deepEqual(twice.event.data, { auto: false, count: 2 });
  });

  it('is raised automatically once per passed deadline', () => {
    assert.equal(autoSupervise(order, bj('2026-03-11 17:30'), CTX), null, 'due now is not overdue yet');
    const auto = autoSupervise(order, bj('2026-03-11 17:31'), CTX);
    assert.ok(auto?.ok);
    assert.equal(auto.event.actor.role, 'system');
    assert.deepEqual(auto.event.data, { auto: true, count: 1 });
    assert.equal(autoSupervise(auto.order, bj('2026-03-12 09:00'), CTX), null, 'not twice for one deadline');
    const extended = { ...auto.order, deadline: bj('2026-03-12 17:30') };
    assert.equal(needsAutoSupervision(extended, bj('2026-03-12 12:00')), false);
    assert.equal(needsAutoSupervision(extended, bj('2026-03-13 09:00')), true, 'the new deadline passed too');
  });

  it('does not chase an order the unit has already reported back', () => {
    assert.equal(needsAutoSupervision(orderIn('handled'), bj('2026-04-01 09:00')), false);
  });

  const LIGHTS: [now: string, light: 'green' | 'yellow' | 'red'][] = [
    // 10:00 Mon → 17:30 Wed is 2 + 4 + 7.5 + 7.5 = 21 h; 80 % = 16.8 h. Mon and Tue give
    // 13.5 h, the remaining 3.3 h = 3 h 18 min from Wed 08:30 end at 11:48.
    ['2026-03-11 11:47', 'green'],
    ['2026-03-11 11:48', 'yellow'],
    ['2026-03-11 17:31', 'red'],
  ];
  for (const [now, light] of LIGHTS) {
    it(`shows ${light} at ${now}`, () => assert.equal(orderLight(order, bj(now), CTX), light));
  }
});
