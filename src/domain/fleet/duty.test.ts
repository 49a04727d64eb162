import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCalendar } from '../calendar/cn-2026.ts';
import { type ClockEvent, type DutyInput, dutyOfDay } from './duty.ts';
import type { ShiftPlan } from './shifts.ts';
import { at, beijing } from './test-tracks.ts';
import type { TrackFix } from './track.ts';

const calendar = defaultCalendar();
const D = '2026-03-10';
const t = (hhmm: string, date = D) => beijing(date, `${hhmm}:00`);
const PLAN: ShiftPlan = {
  weekly: [{ weekday: 2, start: '06:30', end: '17:30' }],
  exceptions: [],
  followsCalendar: true,
};
const fixAt = (hhmm: string, valid = true): TrackFix => ({ time: t(hhmm), ...at(0, 0), valid });
const clockIn = (hhmm: string, crewId: string, date = D): ClockEvent => ({
  at: t(hhmm, date),
  kind: 'in',
  crewId,
});
const clockOut = (hhmm: string, crewId: string, date = D): ClockEvent => ({
  at: t(hhmm, date),
  kind: 'out',
  crewId,
});

describe('dutyOfDay', () => {
  const CASES: [why: string, input: Partial<DutyInput>, source: string, intervals: [string, string][]][] = [
    [
      'derived: reported at 06:45, so the whole shift',
      { fixes: [fixAt('06:45')] },
      'derived',
      [['06:30', '17:30']],
    ],
    ['derived: reported only outside the shift', { fixes: [fixAt('05:00'), fixAt('18:00')] }, 'derived', []],
    ['derived: an invalid fix is no report', { fixes: [fixAt('09:00', false)] }, 'derived', []],
    ['derived: no plan, no duty', { plan: undefined, fixes: [fixAt('09:00')] }, 'derived', []],
    [
      'clock: first clock-in to last clock-out of the crew',
      {
        clockEvents: [
          clockOut('17:45', 'b'),
          clockIn('06:40', 'a'),
          clockIn('06:55', 'b'),
          clockOut('12:00', 'a'),
        ],
      },
      'clock',
      [['06:40', '17:45']],
    ],
    [
      'clock: someone still clocked in, open until the present',
      {
        clockEvents: [clockIn('06:40', 'a'), clockOut('12:00', 'a'), clockIn('13:00', 'b')],
        openUntil: t('15:00'),
      },
      'clock',
      [['06:40', '15:00']],
    ],
    [
      'clock: someone still clocked in, open until the day’s end by default',
      { clockEvents: [clockIn('06:40', 'a')] },
      'clock',
      [['06:40', '00:00']],
    ],
    [
      'clock: a night clock-in runs to the clock-out next morning',
      { clockEvents: [clockIn('22:00', 'a'), clockOut('06:10', 'a', '2026-03-11')] },
      'clock',
      [['22:00', '06:10']],
    ],
    [
      'clock: only yesterday’s events, no duty — even though the terminal reported',
      { clockEvents: [clockIn('06:40', 'a', '2026-03-09')], fixes: [fixAt('09:00')] },
      'clock',
      [],
    ],
  ];
  for (const [why, input, source, intervals] of CASES) {
    it(why, () => {
      const duty = dutyOfDay({ date: D, calendar, plan: PLAN, ...input });
      const hhmm = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16);
      assert.deepEqual(
        { source: duty.source, intervals: duty.intervals.map((i) => [hhmm(i.from), hhmm(i.to)]) },
        { source, intervals },
      );
    });
  }

  it('derives no duty on a holiday of a plan that follows the calendar', () => {
    const fixes: TrackFix[] = [{ time: beijing('2026-10-06', '09:00:00'), ...at(0, 0), valid: true }];
    assert.deepEqual(dutyOfDay({ date: '2026-10-06', calendar, plan: PLAN, fixes }).intervals, []);
    const working = { ...PLAN, followsCalendar: false };
    assert.equal(dutyOfDay({ date: '2026-10-06', calendar, plan: working, fixes }).intervals.length, 1);
  });
});
