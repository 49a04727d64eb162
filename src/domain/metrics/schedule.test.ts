import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCalendar } from '../calendar/calendar.ts';
import { defaultCalendar } from '../calendar/cn-2026.ts';
import { parseDayKey } from '../calendar/local-day.ts';
import type { ScheduleBasis } from './model.ts';
import { plannedShare, scheduleShare } from './schedule.ts';

const cn2026 = defaultCalendar();
const weekendsOnly = createCalendar();

/** date, basis, expected share as a fraction written out, why. */
const CASES: [string, ScheduleBasis, number, string][] = [
  // Months: complete months ÷ 12, moving at each month's end.
  ['2026-01-01', 'months', 0, 'no month complete yet'],
  ['2026-05-30', 'months', 4 / 12, 'May not over yet'],
  ['2026-05-31', 'months', 5 / 12, "the seed's example: five months complete"],
  ['2026-06-29', 'months', 5 / 12, 'still five'],
  ['2026-06-30', 'months', 6 / 12, 'exactly half at the end of June'],
  ['2026-12-31', 'months', 1, 'the whole year'],
  ['2024-02-28', 'months', 1 / 12, 'leap year: February not over on the 28th'],
  ['2024-02-29', 'months', 2 / 12, 'leap year: February ends on the 29th'],
  ['2023-02-28', 'months', 2 / 12, 'common year: February ends on the 28th'],
  // Days: days elapsed, the day included, ÷ days in the year.
  ['2026-01-01', 'days', 1 / 365, 'the first day done'],
  ['2026-03-01', 'days', 60 / 365, 'common year: 31 + 28 + 1'],
  ['2026-05-31', 'days', 151 / 365, '31 + 28 + 31 + 30 + 31'],
  ['2026-12-31', 'days', 1, 'the whole year'],
  ['2024-02-29', 'days', 60 / 366, 'leap year: the leap day is day 60 of 366'],
  ['2024-03-01', 'days', 61 / 366, 'leap year: 31 + 29 + 1'],
  ['2024-07-01', 'days', 183 / 366, 'leap year: half of 366 is reached on 1 July'],
  ['2024-12-31', 'days', 1, 'leap year: 366 of 366'],
  // Working days on the 2026 calendar: 261 weekdays − 19 weekday holidays + 6 make-up days = 248.
  ['2026-01-03', 'workingDays', 0, '1–3 January are the New Year holiday'],
  ['2026-01-04', 'workingDays', 1 / 248, 'Sunday 4 January is a make-up working day'],
  ['2026-01-09', 'workingDays', 6 / 248, 'the make-up Sunday and the week of 5–9 January'],
  [
    '2026-06-30',
    'workingDays',
    120 / 248,
    '129 weekdays to June − 13 holidays + 4 make-up days: short of half',
  ],
  ['2026-12-31', 'workingDays', 1, 'the whole year'],
];

describe('scheduleShare (序时进度) on the three bases', () => {
  for (const [date, basis, expected, why] of CASES) {
    it(`${date} on ${basis}: ${why}`, () => {
      const share = scheduleShare(basis, parseDayKey(date), cn2026);
      assert.ok(Math.abs(share - expected) < 1e-12, `${share} ≠ ${expected}`);
    });
  }

  it('counts weekends only in a year with no holiday calendar (2027: 261 weekdays)', () => {
    // 2027-01-01 is a Friday: 1 January and 4–8 January are six weekdays.
    const share = scheduleShare('workingDays', parseDayKey('2027-01-08'), weekendsOnly);
    assert.equal(share, 6 / 261);
    assert.equal(scheduleShare('workingDays', parseDayKey('2027-01-08'), cn2026), 6 / 261);
  });
});

/** A cumulative monthly plan of 100: slow first, then even. */
const PLAN = [5, 10, 20, 30, 45, 50, 60, 70, 80, 90, 95, 100];

/** date, basis, expected planned share, why. */
const PLAN_CASES: [string, ScheduleBasis, number, string][] = [
  ['2026-01-15', 'months', 0, 'no month complete yet: nothing planned'],
  ['2026-05-30', 'months', 0.3, 'April’s plan until May ends'],
  ['2026-05-31', 'months', 0.45, 'May’s plan from its last day (the even share would be 5/12)'],
  ['2026-06-30', 'months', 0.5, 'June’s plan: half'],
  ['2026-12-31', 'months', 1, 'the whole plan'],
  ['2026-01-01', 'days', (5 * 1) / 31 / 100, 'one day of January’s 5'],
  ['2026-05-16', 'days', (30 + (15 * 16) / 31) / 100, 'April’s 30 and 16 of May’s 31 days of its 15'],
  ['2026-05-31', 'days', 0.45, 'a month’s last day is its plan'],
  ['2024-02-29', 'days', 0.1, 'leap year: February’s plan on the 29th'],
  ['2026-12-31', 'days', 1, 'the whole plan'],
];

describe('plannedShare: a monthly plan instead of the even share', () => {
  for (const [date, basis, expected, why] of PLAN_CASES) {
    it(`${date} on ${basis}: ${why}`, () => {
      const share = plannedShare(basis, parseDayKey(date), cn2026, PLAN, 100);
      assert.ok(Math.abs(share - expected) < 1e-12, `${share} ≠ ${expected}`);
    });
  }

  it('moves through a month by its working days: 10 of May 2027’s 21 weekdays by Friday 14 May', () => {
    // 2027 has no holiday calendar: weekends only. May 2027 starts on a Saturday: 21 weekdays,
    // of which 3–7 and 10–14 May are the first ten.
    const share = plannedShare('workingDays', parseDayKey('2027-05-14'), weekendsOnly, PLAN, 100);
    assert.ok(Math.abs(share - (30 + (15 * 10) / 21) / 100) < 1e-12, `${share}`);
  });

  it('scales by the annual target: a plan of 45 of 200 by May is 0.225', () => {
    assert.equal(plannedShare('months', parseDayKey('2026-05-31'), cn2026, [...PLAN], 200), 0.225);
  });
});
