import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCalendar, isWorkingDay } from './calendar.ts';
import { CALENDAR_CN_2026, defaultCalendar } from './cn-2026.ts';
import { parseCalendarYear } from './parse.ts';

const cal = defaultCalendar();

const DAYS: [date: string, working: boolean, why: string][] = [
  ['2026-02-13', true, 'Friday before Spring Festival'],
  ['2026-02-14', true, 'make-up Saturday'],
  ['2026-02-15', false, 'Spring Festival, Sunday'],
  ['2026-02-16', false, 'Spring Festival, Monday'],
  ['2026-02-23', false, 'last day of Spring Festival, Monday'],
  ['2026-02-24', true, 'first Tuesday back'],
  ['2026-02-28', true, 'make-up Saturday'],
  ['2026-03-01', false, 'ordinary Sunday'],
  ['2026-03-14', false, 'ordinary Saturday'],
  ['2026-09-20', true, 'make-up Sunday'],
  ['2026-10-01', false, 'National Day, Thursday'],
  ['2026-10-07', false, 'National Day, Wednesday'],
  ['2026-10-08', true, 'Thursday after National Day'],
  ['2026-10-10', true, 'make-up Saturday'],
  ['2026-10-11', false, 'ordinary Sunday'],
  ['2027-01-01', true, 'no 2027 calendar: an ordinary Friday'],
  ['2027-01-02', false, 'no 2027 calendar: still a Saturday'],
];

describe('isWorkingDay', () => {
  for (const [date, working, why] of DAYS) {
    it(`${date} is ${working ? '' : 'not '}a working day (${why})`, () => {
      assert.equal(isWorkingDay(cal, date), working);
    });
  }
  it('takes an instant and reads its Beijing date', () => {
    // 2026-02-13T16:30Z is 00:30 on Saturday 14 February in Beijing, a make-up day.
    assert.equal(isWorkingDay(cal, Date.parse('2026-02-13T16:30:00Z')), true);
    // 2026-09-30T16:30Z is 00:30 on 1 October in Beijing.
    assert.equal(isWorkingDay(cal, Date.parse('2026-09-30T16:30:00Z')), false);
  });
});

describe('calendar configuration', () => {
  it('loads the bundled 2026 notice', () => {
    assert.equal(CALENDAR_CN_2026.year, 2026);
    assert.equal(CALENDAR_CN_2026.holidays.length, 7);
    assert.deepEqual(CALENDAR_CN_2026.makeUpWorkdays, [
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  const BAD: [name: string, build: () => unknown, message: RegExp][] = [
    [
      'a period ending before it starts',
      () => createCalendar({ periods: [{ from: '12:00', to: '08:30' }] }),
      /must end after/,
    ],
    [
      'overlapping periods',
      () =>
        createCalendar({
          periods: [
            { from: '08:30', to: '12:00' },
            { from: '11:00', to: '17:30' },
          ],
        }),
      /overlaps/,
    ],
    ['a malformed time', () => createCalendar({ periods: [{ from: '8:30', to: '12:00' }] }), /HH:MM/],
    ['a weekend day 7', () => createCalendar({ weekendDays: [7] }), /0 \(Sunday\) to 6/],
    [
      'an impossible date',
      () => parseCalendarYear({ year: 2026, holidays: [], makeUpWorkdays: ['2026-02-30'] }),
      /YYYY-MM-DD/,
    ],
    [
      'a missing holiday list',
      () => parseCalendarYear({ year: 2026, makeUpWorkdays: [] }),
      /holidays must be an array/,
    ],
    [
      'a holiday that is also a make-up day',
      () =>
        createCalendar({
          years: [
            {
              year: 2026,
              holidays: [{ from: '2026-10-01', to: '2026-10-07' }],
              makeUpWorkdays: ['2026-10-03'],
            },
          ],
        }),
      /both a holiday and a make-up/,
    ],
    [
      'the same year twice',
      () => createCalendar({ years: [CALENDAR_CN_2026, CALENDAR_CN_2026] }),
      /given twice/,
    ],
  ];
  for (const [name, build, message] of BAD) {
    it(`refuses ${name}`, () =>
      assert.throws(build, { name: 'CalendarError', code: 'CALENDAR_INVALID', message }));
  }
});
