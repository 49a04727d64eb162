import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localDateOf, localDayWindow, mergeIntervals, overlapMs } from './day.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe('local days (Asia/Shanghai)', () => {
  it('gives a date as [local midnight, next local midnight) in UTC', () => {
    const { from, to } = localDayWindow('2026-03-10');
    assert.deepEqual([iso(from), iso(to)], ['2026-03-09T16:00:00.000Z', '2026-03-10T16:00:00.000Z']);
  });
  it('reads the Beijing date of an instant', () => {
    assert.equal(localDateOf(Date.parse('2026-03-09T15:59:59.999Z')), '2026-03-09');
    assert.equal(localDateOf(Date.parse('2026-03-09T16:00:00Z')), '2026-03-10');
  });
  it('refuses an impossible date', () => assert.throws(() => localDayWindow('2026-02-30'), /not a date/));
});

describe('intervals', () => {
  it('merges overlapping and touching intervals, drops empty ones', () => {
    assert.deepEqual(
      mergeIntervals([
        { from: 50, to: 60 },
        { from: 0, to: 10 },
        { from: 10, to: 20 },
        { from: 15, to: 30 },
        { from: 40, to: 40 },
      ]),
      [
        { from: 0, to: 30 },
        { from: 50, to: 60 },
      ],
    );
  });
  it('measures the overlap of a span with merged intervals', () => {
    const merged = [
      { from: 0, to: 30 },
      { from: 50, to: 60 },
    ];
    assert.equal(overlapMs(20, 55, merged), 15);
    assert.equal(overlapMs(30, 50, merged), 0);
  });
});
