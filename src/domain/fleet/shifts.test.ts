import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCalendar } from '../calendar/cn-2026.ts';
import { parseDayKey } from '../calendar/local-day.ts';
import type { Interval } from './day.ts';
import { FleetError } from './errors.ts';
import { makeUpWeekday, type ShiftPlan, shiftsOn, shiftsWithinDay } from './shifts.ts';

const cal = defaultCalendar();

/** Beijing wall-clock of an interval; "+1" marks the next day. */
function beijing(date: string, { from, to }: Interval): string {
  const dayStart = Date.parse(`${date}T00:00:00+08:00`);
  const hhmm = (ms: number) => {
    const time = new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16);
    return ms >= dayStart + 86_400_000 ? `${time}+1` : time;
  };
  return `${hhmm(from)}–${hhmm(to)}`;
}

const PLAN: ShiftPlan = {
  weekly: [
    { weekday: 1, start: '06:30', end: '17:30' },
    { weekday: 2, start: '06:30', end: '17:30' },
    { weekday: 3, start: '07:00', end: '16:00' },
    { weekday: 4, start: '06:30', end: '17:30' },
    { weekday: 5, start: '13:00', end: '18:00' },
    { weekday: 5, start: '06:00', end: '12:00' },
    { weekday: 6, start: '07:00', end: '12:00' },
  ],
  exceptions: [
    { date: '2026-03-12', off: true },
    { date: '2026-03-13', start: '08:00', end: '12:00' },
    { date: '2026-10-01', start: '09:00', end: '15:00' },
  ],
  followsCalendar: true,
};

describe('shiftsOn', () => {
  const CASES: [date: string, followsCalendar: boolean, shifts: string[], why: string][] = [
    ['2026-03-10', true, ['06:30–17:30'], 'a Tuesday'],
    ['2026-03-11', true, ['07:00–16:00'], 'a Wednesday, its own hours'],
    ['2026-03-12', true, [], 'an exception: off'],
    ['2026-03-13', true, ['08:00–12:00'], 'an exception: other hours'],
    ['2026-03-20', true, ['06:00–12:00', '13:00–18:00'], 'a Friday, split shift, in time order'],
    ['2026-03-14', true, ['07:00–12:00'], 'a Saturday'],
    ['2026-03-15', true, [], 'a Sunday: no weekly shift'],
    ['2026-10-02', true, [], 'National Day holiday, a Friday'],
    ['2026-10-02', false, ['06:00–12:00', '13:00–18:00'], 'the same Friday without the calendar'],
    ['2026-10-01', true, ['09:00–15:00'], 'a holiday with an exception: the exception wins'],
    ['2026-10-10', true, ['07:00–16:00'], 'make-up Saturday works as Wednesday 7 October'],
    ['2026-10-10', false, ['07:00–12:00'], 'the same Saturday without the calendar'],
    ['2026-01-04', true, ['06:00–12:00', '13:00–18:00'], 'make-up Sunday works as Friday 2 January'],
    ['2026-02-14', true, ['06:30–17:30'], 'make-up Saturday works as Monday 16 February'],
  ];
  for (const [date, followsCalendar, shifts, why] of CASES) {
    it(`${date}${followsCalendar ? '' : ' (no calendar)'}: ${shifts.join(', ') || 'off'} (${why})`, () => {
      const got = shiftsOn({ ...PLAN, followsCalendar }, date, cal).map((i) => beijing(date, i));
      assert.deepEqual(got, shifts);
    });
  }

  it('gives UTC instants: 06:30–17:30 in Beijing is 22:30Z the day before to 09:30Z', () => {
    const [shift] = shiftsOn(PLAN, '2026-03-10', cal);
    assert.deepEqual(shift && [new Date(shift.from).toISOString(), new Date(shift.to).toISOString()], [
      '2026-03-09T22:30:00.000Z',
      '2026-03-10T09:30:00.000Z',
    ]);
  });
});

describe('a night shift across midnight', () => {
  const NIGHT: ShiftPlan = {
    weekly: [{ weekday: 2, start: '22:00', end: '06:00' }],
    exceptions: [],
    followsCalendar: false,
  };

  it('begins on its date and ends the next morning', () => {
    const [shift] = shiftsOn(NIGHT, '2026-03-10', cal);
    assert.deepEqual(shift && [new Date(shift.from).toISOString(), new Date(shift.to).toISOString()], [
      '2026-03-10T14:00:00.000Z',
      '2026-03-10T22:00:00.000Z',
    ]);
    assert.deepEqual(shiftsOn(NIGHT, '2026-03-11', cal), [], 'Wednesday has no shift of its own');
  });

  it('is cut at midnight for each day’s duty', () => {
    assert.deepEqual(
      shiftsWithinDay(NIGHT, '2026-03-10', cal).map((i) => beijing('2026-03-10', i)),
      ['22:00–00:00+1'],
    );
    assert.deepEqual(
      shiftsWithinDay(NIGHT, '2026-03-11', cal).map((i) => beijing('2026-03-11', i)),
      ['00:00–06:00'],
    );
  });
});

describe('makeUpWeekday', () => {
  const CASES: [date: string, weekday: number][] = [
    ['2026-01-04', 5],
    ['2026-02-14', 1],
    ['2026-02-28', 1],
    ['2026-05-09', 2],
    ['2026-09-20', 5],
    ['2026-10-10', 3],
  ];
  for (const [date, weekday] of CASES) {
    it(`${date} stands in for ISO weekday ${weekday}`, () =>
      assert.equal(makeUpWeekday(cal, parseDayKey(date)), weekday));
  }
});

describe('shift plan checks', () => {
  const CASES: [why: string, plan: ShiftPlan, message: RegExp][] = [
    ['weekday 8', { ...PLAN, weekly: [{ weekday: 8, start: '06:30', end: '17:30' }] }, /weekday 8 must be 1/],
    ['25:00', { ...PLAN, weekly: [{ weekday: 1, start: '06:30', end: '25:00' }] }, /"25:00" is not a time/],
    ['7:00', { ...PLAN, weekly: [{ weekday: 1, start: '7:00', end: '17:30' }] }, /"7:00" is not a time/],
    ['no span', { ...PLAN, weekly: [{ weekday: 1, start: '08:00', end: '08:00' }] }, /give a real span/],
    [
      'exception without hours',
      { ...PLAN, exceptions: [{ date: '2026-03-10' }] },
      /needs off: true, or a start/,
    ],
  ];
  for (const [why, plan, message] of CASES) {
    it(`refuses ${why}`, () => {
      assert.throws(
        () => shiftsOn(plan, '2026-03-10', cal),
        (e: unknown) => e instanceof FleetError && message.test(e.message),
      );
    });
  }
});
