import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type WeekCounts, weekFigures } from './figures.ts';

const week = (over: Partial<WeekCounts>): WeekCounts => ({
  registered: 0,
  closed: 0,
  closureRate: null,
  onTimeClosureRate: null,
  overdueCount: 0,
  satisfactionRate: null,
  ...over,
});

describe('the weekly report’s work-order figures', () => {
  it('gives counts their difference and rates their change in points', () => {
    const figures = weekFigures(
      week({
        registered: 20,
        closed: 19,
        closureRate: 0.95,
        onTimeClosureRate: 0.9,
        overdueCount: 1,
        satisfactionRate: 1,
      }),
      week({
        registered: 10,
        closed: 8,
        closureRate: 0.8,
        onTimeClosureRate: 0.9,
        overdueCount: 3,
        satisfactionRate: null,
      }),
    );
    assert.deepEqual(
      figures.map((f) => [f.label, f.value, f.previous, f.change]),
      [
        ['立案数', 20, 10, 10],
        ['结案数', 19, 8, 11],
        ['办结率', 0.95, 0.8, 15],
        ['按期办结率', 0.9, 0.9, 0],
        ['超期数', 1, 3, -2],
        ['满意率', 1, null, null],
      ],
    );
  });

  it('rounds a rate’s change to two decimals (0.3 − 0.1 is not 0.19999…)', () => {
    const [, , closure] = weekFigures(week({ closureRate: 0.3 }), week({ closureRate: 0.1 }));
    assert.equal(closure?.change, 20);
  });
});

describe('the fleet’s week', () => {
  it('sums the day summaries of the boats', async () => {
    const { fleetWeek } = await import('./fleet.ts');
    const day = (assetId: string, km: number, h: number, ratios: number[], tonnes: number) => ({
      assetId,
      distanceM: km * 1000,
      workS: h * 3600,
      coverage: ratios.map((ratio) => ({ ratio })),
      unloads: { tonnes },
    });
    assert.deepEqual(
      fleetWeek([
        day('b1', 12.5, 7.5, [0.9], 1.2),
        day('b1', 10, 8, [0.8, 1], 0.8),
        day('b2', 3.333, 2, [], 0),
      ]),
      {
        boats: 2,
        days: 3,
        distanceKm: 25.83,
        workHours: 17.5,
        meanCoverage: 0.9,
        tonnes: 2,
      },
    );
    assert.equal(fleetWeek([]).meanCoverage, null);
  });
});
