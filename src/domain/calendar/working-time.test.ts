import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarWarnings, createCalendar, missingYears } from './calendar.ts';
import { defaultCalendar } from './cn-2026.ts';
import { CalendarError } from './errors.ts';
import { addWorkingDays, addWorkingHours, workingMsBetween } from './working-time.ts';

const cal = defaultCalendar();
const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

// Beijing = UTC+8, so the working periods 08:30–12:00 and 13:30–17:30 are 00:30–04:00Z and
// 05:30–09:30Z. Every expected instant below is worked out in Beijing time in its comment.
const ADD_HOURS: { name: string; start: string; hours: number; expected: string }[] = [
  {
    // Fri 2026-03-13 15:00 → 17:30 uses 2.5 h; Sat 14 and Sun 15 are off; Mon 16 08:30 + 1.5 h = 10:00.
    name: 'Friday afternoon rolls over the weekend',
    start: '2026-03-13T07:00:00Z',
    hours: 4,
    expected: '2026-03-16T02:00:00.000Z',
  },
  {
    // Wed 2026-09-30 16:00 → 17:30 uses 1.5 h; Oct 1–7 is National Day; Thu Oct 8 08:30 + 2.5 h = 11:00.
    name: 'National Day: the eve of the holiday runs into 8 October',
    start: '2026-09-30T08:00:00Z',
    hours: 4,
    expected: '2026-10-08T03:00:00.000Z',
  },
  {
    // Fri 2026-10-09 16:00 → 17:30 uses 1.5 h; Sat Oct 10 is a make-up working day: 08:30 + 2.5 h = 11:00.
    name: 'National Day make-up Saturday 2026-10-10 counts',
    start: '2026-10-09T08:00:00Z',
    hours: 4,
    expected: '2026-10-10T03:00:00.000Z',
  },
  {
    // Fri 2026-02-13 17:00 → 17:30 uses 0.5 h; Sat Feb 14 is a make-up working day: 08:30 + 1.5 h = 10:00.
    name: 'Spring Festival make-up Saturday 2026-02-14 counts',
    start: '2026-02-13T09:00:00Z',
    hours: 2,
    expected: '2026-02-14T02:00:00.000Z',
  },
  {
    // Sat Feb 14 (make-up) 16:00 → 17:30 uses 1.5 h; Feb 15–23 is Spring Festival; Tue Feb 24 08:30 + 2.5 h = 11:00.
    name: 'Spring Festival holiday Feb 15–23 is skipped',
    start: '2026-02-14T08:00:00Z',
    hours: 4,
    expected: '2026-02-24T03:00:00.000Z',
  },
  {
    // Sat Feb 28 (make-up) 16:30 → 17:30 uses 1 h; Sun Mar 1 off; Mon Mar 2 08:30 + 1 h = 09:30.
    name: 'Spring Festival make-up Saturday 2026-02-28 counts',
    start: '2026-02-28T08:30:00Z',
    hours: 2,
    expected: '2026-03-02T01:30:00.000Z',
  },
  {
    // Wed 2026-03-11 12:30 is lunch: counting starts at 13:30; + 2 h = 15:30.
    name: 'a start during the lunch break waits for 13:30',
    start: '2026-03-11T04:30:00Z',
    hours: 2,
    expected: '2026-03-11T07:30:00.000Z',
  },
  {
    // Wed 11:00 → 12:00 uses 1 h; lunch; 13:30 + 1 h = 14:30.
    name: 'a morning start spans the lunch break',
    start: '2026-03-11T03:00:00Z',
    hours: 2,
    expected: '2026-03-11T06:30:00.000Z',
  },
  {
    // Wed 07:00 Beijing is still Tuesday in UTC; counting starts at 08:30; + 1 h = 09:30.
    name: 'a start before 08:30 waits for the office to open',
    start: '2026-03-10T23:00:00Z',
    hours: 1,
    expected: '2026-03-11T01:30:00.000Z',
  },
  {
    // Wed 19:00 is after hours; Thu Mar 12 08:30 + 1 h = 09:30.
    name: 'a start after 17:30 counts from the next morning',
    start: '2026-03-11T11:00:00Z',
    hours: 1,
    expected: '2026-03-12T01:30:00.000Z',
  },
  {
    // Wed 16:30 + 1 h = 17:30 exactly: the deadline stays at close of business.
    name: 'a deadline on the close of business stays at 17:30',
    start: '2026-03-11T08:30:00Z',
    hours: 1,
    expected: '2026-03-11T09:30:00.000Z',
  },
  {
    // Thu 2026-12-31 16:00 → 17:30 uses 1.5 h. 2027 has no calendar, so Fri 2027-01-01 (New Year
    // in reality) counts as an ordinary Friday: 08:30 + 2.5 h = 11:00.
    name: 'a year without calendar (2027) counts weekends only',
    start: '2026-12-31T08:00:00Z',
    hours: 4,
    expected: '2027-01-01T03:00:00.000Z',
  },
  {
    // Fri 2027-01-08 16:00 → 17:30 uses 1.5 h; Sat 9 and Sun 10 are off even without calendar; Mon 11 + 0.5 h = 09:00.
    name: 'weekends stay off in a year without calendar',
    start: '2027-01-08T08:00:00Z',
    hours: 2,
    expected: '2027-01-11T01:00:00.000Z',
  },
  {
    name: 'zero hours is the start itself',
    start: '2026-03-14T02:00:00Z',
    hours: 0,
    expected: '2026-03-14T02:00:00.000Z',
  },
];

describe('addWorkingHours', () => {
  for (const c of ADD_HOURS) {
    it(c.name, () => assert.equal(iso(addWorkingHours(cal, ms(c.start), c.hours)), c.expected));
  }
});

// Working days end at the close of business (17:30 = 09:30Z) of the Nth working day after the
// day of registration; the registration day never counts.
const ADD_DAYS: { name: string; start: string; days: number; expected: string }[] = [
  // Wed Sep 30 10:00 registered; Oct 1–7 off; Oct 8 (1), Oct 9 (2), Sat Oct 10 make-up (3).
  {
    name: 'National Day with its make-up Saturday',
    start: '2026-09-30T02:00:00Z',
    days: 3,
    expected: '2026-10-10T09:30:00.000Z',
  },
  // Fri Feb 13 11:00; Sat Feb 14 make-up (1); Feb 15–23 off; Feb 24..27 (2..5).
  {
    name: 'Spring Festival, 5 days',
    start: '2026-02-13T03:00:00Z',
    days: 5,
    expected: '2026-02-27T09:30:00.000Z',
  },
  // ... and the 6th working day is the second make-up Saturday, Feb 28.
  {
    name: 'Spring Festival, 6 days',
    start: '2026-02-13T03:00:00Z',
    days: 6,
    expected: '2026-02-28T09:30:00.000Z',
  },
  // Fri Mar 13 20:00 (after hours) and Fri 09:00 both give Monday 17:30 for 1 day.
  {
    name: 'after hours on Friday, 1 day',
    start: '2026-03-13T12:00:00Z',
    days: 1,
    expected: '2026-03-16T09:30:00.000Z',
  },
  {
    name: 'Friday morning, 1 day',
    start: '2026-03-13T01:00:00Z',
    days: 1,
    expected: '2026-03-16T09:30:00.000Z',
  },
  // Sat Mar 14 (a weekend registration): Mon 16 (1), Tue 17 (2).
  {
    name: 'registered on a Saturday, 2 days',
    start: '2026-03-14T02:00:00Z',
    days: 2,
    expected: '2026-03-17T09:30:00.000Z',
  },
];

describe('addWorkingDays', () => {
  for (const c of ADD_DAYS) {
    it(c.name, () => assert.equal(iso(addWorkingDays(cal, ms(c.start), c.days)), c.expected));
  }
  it('refuses a fractional or zero number of days', () => {
    assert.throws(() => addWorkingDays(cal, 0, 0), { name: 'CalendarError', code: 'CALENDAR_INVALID' });
    assert.throws(() => addWorkingDays(cal, 0, 1.5), { name: 'CalendarError', code: 'CALENDAR_INVALID' });
  });
});

const H = 3_600_000;
const BETWEEN: { name: string; from: string; to: string; expected: number }[] = [
  // Fri 15:00–17:30 (2.5 h) + Mon 08:30–10:00 (1.5 h).
  { name: 'over a weekend', from: '2026-03-13T07:00:00Z', to: '2026-03-16T02:00:00Z', expected: 4 * H },
  {
    name: 'backwards is negative',
    from: '2026-03-16T02:00:00Z',
    to: '2026-03-13T07:00:00Z',
    expected: -4 * H,
  },
  // Sep 30 from 08:00 Beijing: the full 7.5 h; Oct 1–7 nothing; Oct 8 full 7.5 h; Oct 9 08:00 nothing yet.
  { name: 'across National Day', from: '2026-09-30T00:00:00Z', to: '2026-10-09T00:00:00Z', expected: 15 * H },
  // Lunch break 12:00–13:30 Beijing contributes nothing.
  { name: 'inside lunch', from: '2026-03-11T04:10:00Z', to: '2026-03-11T05:20:00Z', expected: 0 },
  // Saturday Feb 14 is a make-up day: 11:00–12:00 and 13:30–14:00.
  {
    name: 'on a make-up Saturday',
    from: '2026-02-14T03:00:00Z',
    to: '2026-02-14T06:00:00Z',
    expected: 1.5 * H,
  },
];

describe('workingMsBetween', () => {
  for (const c of BETWEEN) {
    it(c.name, () => assert.equal(workingMsBetween(cal, ms(c.from), ms(c.to)), c.expected));
  }
});

describe('missing calendar years', () => {
  it('names 2027 as counted on weekends only', () => {
    const from = ms('2026-12-31T08:00:00Z');
    const to = addWorkingHours(cal, from, 4);
    assert.deepEqual(missingYears(cal, from, to), [2027]);
    assert.deepEqual(calendarWarnings(cal, from, to), [
      'no holiday calendar for 2027: counting weekends only',
    ]);
    assert.deepEqual(missingYears(cal, ms('2026-01-01T00:00:00Z'), ms('2026-12-31T15:59:59Z')), []);
  });
  it('uses the Beijing date: 2026-12-31T16:00Z is already 2027 there', () => {
    assert.deepEqual(missingYears(cal, ms('2026-12-31T16:00:00Z'), ms('2026-12-31T16:00:00Z')), [2027]);
  });
});

describe('bounded searches', () => {
  it('throws instead of looping on a calendar without working periods', () => {
    const empty = createCalendar({ periods: [] });
    assert.throws(() => addWorkingHours(empty, 0, 1), { code: 'CALENDAR_NO_WORKING_TIME' });
    assert.throws(() => addWorkingDays(empty, 0, 1), { code: 'CALENDAR_NO_WORKING_TIME' });
  });
  it('throws instead of looping when every day is a weekend day', () => {
    const never = createCalendar({ weekendDays: [0, 1, 2, 3, 4, 5, 6] });
    assert.throws(
      () => addWorkingHours(never, 0, 1),
      (e: unknown) => {
        assert.ok(e instanceof CalendarError);
        assert.equal(e.code, 'CALENDAR_NO_WORKING_TIME');
        assert.match(e.message, /no working time within 366 days after 1970-01-01/);
        return true;
      },
    );
  });
  it('refuses negative hours and spans over 20 years', () => {
    assert.throws(() => addWorkingHours(cal, 0, -1), { code: 'CALENDAR_INVALID' });
    assert.throws(() => addWorkingHours(cal, 0, Number.NaN), { code: 'CALENDAR_INVALID' });
    assert.throws(() => addWorkingHours(cal, 0, 1e9), { code: 'CALENDAR_INVALID' });
    assert.throws(() => workingMsBetween(cal, 0, ms('2100-01-01T00:00:00Z')), { code: 'CALENDAR_INVALID' });
  });
});
