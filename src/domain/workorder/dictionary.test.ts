import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orderCode, orderCodeDay } from './code.ts';
import { levelForSource, ORDER_SOURCES, sourcesFor } from './dictionary.ts';
import { absorbDuplicate } from './merge.ts';
import { lightTimes, orderLight } from './overdue.ts';
import { A, bj, CTX, orderIn } from './test-fixtures.ts';

describe('order codes', () => {
  it('follow C/E + major + minor + Beijing date + 4-digit daily sequence', () => {
    // 2026-03-08 23:30 UTC is already 9 March in Beijing.
    const at = Date.parse('2026-03-08T23:30:00Z');
    assert.equal(orderCodeDay(at), '20260309');
    assert.equal(orderCode('component', '04', '01', at, 7), 'C0401202603090007');
    assert.equal(orderCode('event', '01', '05', at, 12345), 'E01052026030912345');
  });
});

describe('sources and levels', () => {
  it('lets staff report only as what they are and the centre as anyone', () => {
    assert.deepEqual(sourcesFor('gridWorker'), ['gridWorker']);
    assert.deepEqual(sourcesFor('resident'), ['resident']);
    assert.deepEqual(sourcesFor('operator'), ORDER_SOURCES);
    assert.deepEqual(sourcesFor('leader'), []);
  });

  it('puts what a community finds on its problem list and the rest on the centre’s desk', () => {
    assert.equal(levelForSource('gridWorker'), 'community');
    assert.equal(levelForSource('community'), 'community');
    for (const s of ['resident', 'patrol', 'alert', 'hotline', 'open311'] as const) {
      assert.equal(levelForSource(s), 'subdistrict', s);
    }
  });
});

describe('lightTimes', () => {
  it('agrees with orderLight at every quarter hour of the order’s life', () => {
    const order = orderIn('signed', {
      dispatchedAt: bj('2026-03-09 10:00'),
      deadline: bj('2026-03-12 17:30'),
    });
    const times = lightTimes(order, CTX);
    assert.ok(times);
    for (let t = bj('2026-03-09 09:00'); t < bj('2026-03-14 09:00'); t += 900_000) {
      const stored: string = t > times.redAt ? 'red' : t >= times.yellowAt ? 'yellow' : 'green';
      assert.equal(stored, orderLight(order, t, CTX), new Date(t).toISOString());
    }
    // Mon 10:00 → Thu 17:30 is 6 + 3 × 7.5 = 28.5 working hours; 80 % = 22.8 h: Thursday 10:18.
    assert.equal(times.yellowAt, bj('2026-03-12 10:18'));
  });

  it('is null when no time limit runs', () => {
    assert.equal(lightTimes(orderIn('handled'), CTX), null);
    assert.equal(lightTimes(orderIn('signed', { parked: { at: 0, reason: 'x', until: null } }), CTX), null);
  });
});

describe('absorbDuplicate', () => {
  it('records the merge on the survivor for the centre only, and not into a dead order', () => {
    const survivor = orderIn('handling');
    const done = absorbDuplicate(survivor, 'o-dup', A.op, bj('2026-03-10 11:00'));
    assert.ok(done.ok);
    assert.equal(done.order.version, survivor.version + 1);
    assert.equal(done.order.status, 'handling');
    assert.deepEqual(
      [done.event.action, done.event.fromState, done.event.toState],
      ['absorb', 'handling', 'handling'],
    );
    assert.deepEqual(done.event.data, { fromOrderId: 'o-dup' });
    const byCommunity = absorbDuplicate(survivor, 'o-dup', A.commA, 0);
    assert.equal(byCommunity.ok || byCommunity.error.code, 'FORBIDDEN');
    const intoVoided = absorbDuplicate(orderIn('voided'), 'o-dup', A.op, 0);
    assert.equal(intoVoided.ok || intoVoided.error.code, 'TRANSITION_NOT_ALLOWED');
    const self = absorbDuplicate(survivor, survivor.id, A.op, 0);
    assert.equal(self.ok || self.error.code, 'VALIDATION_FAILED');
  });
});
