import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DailySummary, monthTotals } from './month.ts';

const day = (
  assetId: string,
  date: string,
  coverage: number | null,
  extra: Partial<DailySummary> = {},
): DailySummary => ({
  assetId,
  date,
  distanceM: 20_000,
  workS: 8 * 3600,
  restS: 2 * 3600,
  coverage,
  tonnes: 0.5,
  ...extra,
});

describe('monthTotals', () => {
  const DAYS: DailySummary[] = [
    day('boat-02', '2026-03-02', 0.95),
    day('boat-01', '2026-03-31', 0.8),
    day('boat-01', '2026-03-02', 1),
    day('boat-01', '2026-03-03', 0.85, { workS: 9.5 * 3600, tonnes: 1.25 }),
    day('boat-01', '2026-03-08', null, { distanceM: 0, workS: 0, restS: 0, tonnes: 0 }), // a Sunday off
    day('boat-01', '2026-04-01', 0.9),
  ];

  it('sums distance, hours and tonnes and averages coverage over the days that have one', () => {
    assert.deepEqual(monthTotals(DAYS), [
      {
        assetId: 'boat-01',
        month: '2026-03',
        days: 4,
        distanceM: 60_000,
        workH: 25.5,
        restH: 6,
        meanCoverage: (0.8 + 1 + 0.85) / 3,
        coverageDays: 3,
        daysBelowCoverage: 2,
        tonnes: 2.25,
      },
      {
        assetId: 'boat-01',
        month: '2026-04',
        days: 1,
        distanceM: 20_000,
        workH: 8,
        restH: 2,
        meanCoverage: 0.9,
        coverageDays: 1,
        daysBelowCoverage: 0,
        tonnes: 0.5,
      },
      {
        assetId: 'boat-02',
        month: '2026-03',
        days: 1,
        distanceM: 20_000,
        workH: 8,
        restH: 2,
        meanCoverage: 0.95,
        coverageDays: 1,
        daysBelowCoverage: 0,
        tonnes: 0.5,
      },
    ]);
  });

  it('takes the threshold as a setting', () => {
    const [march] = monthTotals(DAYS, { coverageThreshold: 0.82 });
    assert.equal(march?.daysBelowCoverage, 1);
  });

  it('has no mean coverage for a month without coverage, and counts a recomputed day once', () => {
    const [m] = monthTotals([
      day('boat-03', '2026-05-01', null),
      day('boat-03', '2026-05-01', null, { tonnes: 2 }),
    ]);
    assert.equal(m?.meanCoverage, null);
    assert.equal(m?.days, 1);
    assert.equal(m?.tonnes, 2);
  });

  it('refuses a threshold outside 0..1', () => {
    assert.throws(() => monthTotals(DAYS, { coverageThreshold: 90 }), /between 0 and 1/);
  });
});
