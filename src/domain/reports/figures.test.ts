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
