import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { DaySummary } from '../../api/summaries.ts';
import { dayProblems, hours, km, lowestCoverage, percent } from './figures.ts';

const day = (over: Partial<DaySummary> = {}): DaySummary => ({
  assetId: 'b1',
  date: '2026-03-02',
  distanceM: 2899.4,
  movingS: 1440,
  stoppedS: 7560,
  workS: 1800,
  restS: 7200,
  noDataS: 0,
  offDutyMovingS: 0,
  firstMoveAt: null,
  lastStopAt: null,
  trips: 2,
  stops: 3,
  coverage: [{ segmentId: 's1', ratio: 0.95, visited: 37, sections: 39 }],
  unloads: { count: 1, tonnes: 1.2 },
  duty: { onDutyFrom: '2026-03-01T23:00:00.000Z', onDutyTo: '2026-03-02T01:30:00.000Z', source: 'clock' },
  ...over,
});

it('finds no problem in a covered day with fixes and no movement off duty', () => {
  assert.deepEqual(dayProblems(day()), []);
});

it('flags coverage under 0.9, missing fixes and movement off duty', () => {
  const low = [{ segmentId: 's1', ratio: 0.7692, visited: 30, sections: 39 }];
  assert.deepEqual(dayProblems(day({ coverage: low })), ['lowCoverage']);
  assert.deepEqual(dayProblems(day({ movingS: 0, stoppedS: 0 })), ['noData']);
  assert.deepEqual(dayProblems(day({ noDataS: 3600 })), ['noData']);
  assert.deepEqual(dayProblems(day({ offDutyMovingS: 60 })), ['offDutyMoving']);
});

it('does not hold coverage or missing fixes against a day off duty', () => {
  const off = { onDutyFrom: null, onDutyTo: null, source: 'derived' as const };
  assert.deepEqual(dayProblems(day({ duty: off, movingS: 0, stoppedS: 0, coverage: [] })), []);
});

it('formats kilometres, hours and the lowest coverage', () => {
  assert.deepEqual(
    [km(2899.4), hours(1800), percent(lowestCoverage(day())), percent(null)],
    ['2.90', '0.50', '95.0%', '—'],
  );
});
