import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCalendar } from '../calendar/cn-2026.ts';
import { parseDayKey } from '../calendar/local-day.ts';
import type { MetricDirection, ProgressLight } from './model.ts';
import { actualAt, progressFigures } from './progress.ts';
import { scheduleShare } from './schedule.ts';

const calendar = defaultCalendar();

interface Case {
  why: string;
  date: string;
  direction: MetricDirection;
  target: number;
  actual: number | null;
  yellowPoints?: number;
  completion: number | null;
  schedule: number;
  gapPoints: number | null;
  light: ProgressLight | null;
  halfway: boolean;
}

// Everything on the months basis, so the schedule is a whole number of twelfths.
const CASES: Case[] = [
  {
    why: "the seed's example: 45.67 of 100 at the end of May is 4.00 points ahead",
    date: '2026-05-31',
    direction: 'up',
    target: 100,
    actual: 45.67,
    completion: 0.4567,
    schedule: 5 / 12,
    gapPoints: (0.4567 - 5 / 12) * 100,
    light: 'green',
    halfway: false,
  },
  {
    why: '双过半: 0.505 done at the end of June, when the schedule is exactly 0.5',
    date: '2026-06-30',
    direction: 'up',
    target: 100,
    actual: 50.5,
    completion: 0.505,
    schedule: 0.5,
    gapPoints: 0.5,
    light: 'green',
    halfway: true,
  },
  {
    why: 'not 双过半: 0.495 done at the end of June, half a point behind',
    date: '2026-06-30',
    direction: 'up',
    target: 100,
    actual: 49.5,
    completion: 0.495,
    schedule: 0.5,
    gapPoints: -0.5,
    light: 'yellow',
    halfway: false,
  },
  {
    why: 'not 双过半 the day before: the schedule is still 5/12',
    date: '2026-06-29',
    direction: 'up',
    target: 100,
    actual: 50.5,
    completion: 0.505,
    schedule: 5 / 12,
    gapPoints: (0.505 - 5 / 12) * 100,
    light: 'green',
    halfway: false,
  },
  {
    why: 'exactly half done at exactly half time is 双过半 and green',
    date: '2026-06-30',
    direction: 'up',
    target: 2,
    actual: 1,
    completion: 0.5,
    schedule: 0.5,
    gapPoints: 0,
    light: 'green',
    halfway: true,
  },
  {
    why: 'behind by exactly 10 points is red (0.4 − 0.5 is −0.09999999999999998 in binary: yellow unless rounded)',
    date: '2026-06-30',
    direction: 'up',
    target: 100,
    actual: 40,
    completion: 0.4,
    schedule: 0.5,
    gapPoints: -10,
    light: 'red',
    halfway: false,
  },
  {
    why: 'behind by 9.99 points is yellow',
    date: '2026-06-30',
    direction: 'up',
    target: 100,
    actual: 40.01,
    completion: 0.4001,
    schedule: 0.5,
    gapPoints: -9.99,
    light: 'yellow',
    halfway: false,
  },
  {
    why: 'behind by 10.01 points is red',
    date: '2026-06-30',
    direction: 'up',
    target: 100,
    actual: 39.99,
    completion: 0.3999,
    schedule: 0.5,
    gapPoints: -10.01,
    light: 'red',
    halfway: false,
  },
  {
    why: 'a threshold of 5 from settings: behind by exactly 5 is red',
    date: '2026-06-30',
    direction: 'up',
    target: 100,
    actual: 45,
    yellowPoints: 5,
    completion: 0.45,
    schedule: 0.5,
    gapPoints: -5,
    light: 'red',
    halfway: false,
  },
  {
    why: 'a threshold of 5: behind by 4.9 is yellow',
    date: '2026-06-30',
    direction: 'up',
    target: 100,
    actual: 45.1,
    yellowPoints: 5,
    completion: 0.451,
    schedule: 0.5,
    gapPoints: -4.9,
    light: 'yellow',
    halfway: false,
  },
  {
    why: 'a down-metric: 30 of a ceiling of 100 at the end of May is 11.67 points ahead',
    date: '2026-05-31',
    direction: 'down',
    target: 100,
    actual: 30,
    completion: 0.3,
    schedule: 5 / 12,
    gapPoints: (5 / 12 - 0.3) * 100,
    light: 'green',
    halfway: false,
  },
  {
    why: 'a down-metric: 50 of the ceiling by the end of May is 8.33 points behind',
    date: '2026-05-31',
    direction: 'down',
    target: 100,
    actual: 50,
    completion: 0.5,
    schedule: 5 / 12,
    gapPoints: (5 / 12 - 0.5) * 100,
    light: 'yellow',
    halfway: false,
  },
  {
    why: 'a down-metric past half time and under the schedule is 双过半',
    date: '2026-06-30',
    direction: 'down',
    target: 100,
    actual: 42,
    completion: 0.42,
    schedule: 0.5,
    gapPoints: 8,
    light: 'green',
    halfway: true,
  },
  {
    why: 'a down-metric that has used 60% of its ceiling by half time is behind, not 双过半',
    date: '2026-06-30',
    direction: 'down',
    target: 100,
    actual: 60,
    completion: 0.6,
    schedule: 0.5,
    gapPoints: -10,
    light: 'red',
    halfway: false,
  },
  {
    why: 'no actual yet: no completion, no gap, no light',
    date: '2026-01-15',
    direction: 'up',
    target: 100,
    actual: null,
    completion: null,
    schedule: 0,
    gapPoints: null,
    light: null,
    halfway: false,
  },
];

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) < 1e-9;

describe('progressFigures: completion, gap, light and 双过半', () => {
  for (const c of CASES) {
    it(c.why, () => {
      const schedule = scheduleShare('months', parseDayKey(c.date), calendar);
      const got = progressFigures({
        direction: c.direction,
        target: c.target,
        actual: c.actual,
        schedule,
        yellowPoints: c.yellowPoints ?? 10,
      });
      assert.ok(close(got.completion, c.completion), `completion ${got.completion} ≠ ${c.completion}`);
      assert.ok(close(got.schedule, c.schedule), `schedule ${got.schedule} ≠ ${c.schedule}`);
      assert.ok(close(got.gapPoints, c.gapPoints), `gapPoints ${got.gapPoints} ≠ ${c.gapPoints}`);
      assert.equal(got.light, c.light);
      assert.equal(got.halfway, c.halfway);
    });
  }

  it("shows the seed's example as the leaders read it: 45.67%, 41.67%, +4.00 points", () => {
    const got = progressFigures({
      direction: 'up',
      target: 100,
      actual: 45.67,
      schedule: scheduleShare('months', parseDayKey('2026-05-31'), calendar),
      yellowPoints: 10,
    });
    assert.equal(((got.completion ?? 0) * 100).toFixed(2), '45.67');
    assert.equal((got.schedule * 100).toFixed(2), '41.67');
    assert.equal(got.gapPoints?.toFixed(2), '4.00');
  });
});

describe('actualAt: the latest actual of a month ended by the day, in its year', () => {
  const actuals = [
    { period: '2025-12', value: 99 },
    { period: '2026-01', value: 8.1 },
    { period: '2026-03', value: 24.6 },
    { period: '2026-04', value: 34.2 },
    { period: '2026-05', value: 45.67 },
  ];
  const CASES: [string, string | undefined, string][] = [
    ['2026-01-30', undefined, "January's counts from its last day; December's is last year's"],
    ['2026-01-31', '2026-01', 'January has ended'],
    ['2026-03-15', '2026-01', 'no February actual, March not over: still January'],
    ['2026-05-30', '2026-04', 'May not over yet'],
    ['2026-05-31', '2026-05', 'May has ended'],
    ['2026-12-31', '2026-05', 'the latest entered'],
    ['2027-06-30', undefined, 'a year with no actuals'],
  ];
  for (const [date, period, why] of CASES) {
    it(`${date}: ${period ?? 'none'} (${why})`, () => {
      assert.equal(actualAt(actuals, parseDayKey(date))?.period, period);
    });
  }
});
