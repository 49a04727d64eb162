import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCalendar } from './cn-2026.ts';
import { deadlineFor, extendDeadline, type TimeLimit, timeRemaining, trafficLight } from './time-limit.ts';

const cal = defaultCalendar();
const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();
const H = 3_600_000;

// Start Mon 2026-03-09 08:30 Beijing (00:30Z) with 10 working hours: Monday gives 7.5 h, so the
// deadline is Tue 10 March 08:30 + 2.5 h = 11:00 Beijing = 03:00Z. 80 % of 10 h is 8 h: Monday's
// 7.5 h plus 0.5 h on Tuesday, i.e. Tue 09:00 Beijing = 01:00Z.
const START = ms('2026-03-09T00:30:00Z');
const DEADLINE = ms('2026-03-10T03:00:00Z');

describe('trafficLight', () => {
  const CASES: [now: string, light: 'green' | 'yellow' | 'red', why: string][] = [
    ['2026-03-09T00:00:00Z', 'green', 'before the start'],
    ['2026-03-10T00:59:59.999Z', 'green', 'one millisecond short of 80 %'],
    ['2026-03-10T01:00:00Z', 'yellow', 'exactly 80 %'],
    ['2026-03-10T02:00:00Z', 'yellow', '90 %'],
    ['2026-03-10T03:00:00Z', 'yellow', 'exactly 100 %: due now, not yet late'],
    ['2026-03-10T03:00:00.001Z', 'red', 'one millisecond past the deadline'],
    ['2026-03-14T02:00:00Z', 'red', 'a Saturday after the deadline: late even though no working time passed'],
  ];
  for (const [now, light, why] of CASES) {
    it(`${light} at ${now} (${why})`, () => assert.equal(trafficLight(cal, START, DEADLINE, ms(now)), light));
  }
  it('is yellow from the start when the deadline leaves no working time', () => {
    const friday = ms('2026-03-13T10:00:00Z'); // 18:00 Beijing, after hours
    assert.equal(trafficLight(cal, friday, ms('2026-03-14T02:00:00Z'), friday), 'yellow');
  });
});

describe('timeRemaining', () => {
  it('counts the working time left: Mon 17:00 → Tue 11:00 is 0.5 h + 2.5 h', () => {
    assert.deepEqual(timeRemaining(cal, ms('2026-03-09T09:00:00Z'), DEADLINE), {
      workingMs: 3 * H,
      overdue: false,
    });
  });
  it('is negative once overdue: Tue 11:00 → 14:00 is 1 h + 0.5 h of working time late', () => {
    assert.deepEqual(timeRemaining(cal, ms('2026-03-10T06:00:00Z'), DEADLINE), {
      workingMs: -1.5 * H,
      overdue: true,
    });
  });
});

describe('deadlineFor and extendDeadline', () => {
  const CASES: [name: string, start: string, limit: TimeLimit, expected: string][] = [
    // Mon 10:00 + 4 h: 10:00–12:00 (2 h) + 13:30–15:30 (2 h).
    ['4 working hours', '2026-03-09T02:00:00Z', { amount: 4, unit: 'hours' }, '2026-03-09T07:30:00.000Z'],
    // Mon 10:00 + 3 working days: close of Thursday 12 March.
    ['3 working days', '2026-03-09T02:00:00Z', { amount: 3, unit: 'days' }, '2026-03-12T09:30:00.000Z'],
  ];
  for (const [name, start, limit, expected] of CASES) {
    it(name, () => assert.equal(iso(deadlineFor(cal, ms(start), limit)), expected));
  }
  it('moves a close-of-business deadline by 2 days to a close of business', () => {
    // Thu 12 March 17:30 + 15 working hours: Fri 13 (7.5 h) and Mon 16 (7.5 h) → Mon 17:30.
    assert.equal(
      iso(extendDeadline(cal, ms('2026-03-12T09:30:00Z'), { amount: 2, unit: 'days' })),
      '2026-03-16T09:30:00.000Z',
    );
  });
  it('keeps the time of day when extending a mid-day deadline by days', () => {
    // Tue 10 March 11:00 + 15 working hours → Thu 12 March 11:00.
    assert.equal(iso(extendDeadline(cal, DEADLINE, { amount: 2, unit: 'days' })), '2026-03-12T03:00:00.000Z');
  });
  it('refuses a zero or unknown limit', () => {
    assert.throws(() => deadlineFor(cal, START, { amount: 0, unit: 'hours' }), { code: 'CALENDAR_INVALID' });
    assert.throws(() => extendDeadline(cal, START, { amount: 1, unit: 'weeks' as 'days' }), {
      code: 'CALENDAR_INVALID',
    });
  });
});
