import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Indicators } from './indicators.ts';
import { rankByIndicators } from './ranking.ts';

const NONE: Indicators = {
  registered: 0,
  closed: 0,
  closureRate: null,
  due: 0,
  closedOnTime: 0,
  onTimeClosureRate: null,
  overdueCount: 0,
  verifications: 0,
  reworks: 0,
  reworkRate: null,
  avgResponseMs: null,
  avgHandlingMs: null,
  visited: 0,
  satisfied: 0,
  solved: 0,
  satisfactionRate: null,
  solvedRate: null,
};

const unit = (code: string, i: Partial<Indicators>) => ({ item: { code }, indicators: { ...NONE, ...i } });

it('ranks by on-time rate, closure rate, cases; shares ranks on full ties; idle units last', () => {
  const ranked = rankByIndicators([
    unit('idle', {}),
    unit('b', { registered: 4, closureRate: 0.5, due: 2, onTimeClosureRate: 1 }),
    unit('a', { registered: 4, closureRate: 0.5, due: 2, onTimeClosureRate: 1 }),
    unit('fewer', { registered: 2, closureRate: 0.5, due: 2, onTimeClosureRate: 1 }),
    unit('closes-more', { registered: 2, closureRate: 1, due: 2, onTimeClosureRate: 1 }),
    unit('late', { registered: 9, closureRate: 1, due: 3, onTimeClosureRate: 0 }),
    unit('nothing-due', { registered: 1, closureRate: 0 }),
  ]);
  assert.deepEqual(
    ranked.map((r) => [r.rank, r.item.code]),
    [
      [1, 'closes-more'],
      [2, 'a'],
      [2, 'b'],
      [4, 'fewer'],
      [5, 'late'],
      [6, 'nothing-due'],
      [null, 'idle'],
    ],
  );
});
