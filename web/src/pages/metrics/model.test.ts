import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Metric } from '../../api/metrics.ts';
import type { ProgressItem } from '../../api/progress.ts';
import {
  actualRefusal,
  fieldsNamed,
  manageRefusal,
  metricRows,
  monthlyTargets,
  previousMonth,
} from './model.ts';

const metric = (id: string, ownerUnitId: string, source: Metric['source'] = null) =>
  ({ id, code: id, ownerUnitId, source }) as Metric;

describe('metrics page model', () => {
  it('lets admins and operators manage; tells the others why not', () => {
    assert.equal(manageRefusal('admin'), null);
    assert.equal(manageRefusal('operator'), null);
    assert.deepEqual(manageRefusal('leader'), { key: 'metrics.why.manage' });
    assert.deepEqual(manageRefusal('community'), { key: 'metrics.why.manage' });
  });

  it('lets the owner unit (and an admin) enter actuals, as the API does', () => {
    const m = metric('GDP', 'u-comm');
    assert.equal(actualRefusal('community', 'u-comm', m, 'A1社区'), null);
    assert.equal(actualRefusal('admin', 'u-sub', m, 'A1社区'), null);
    assert.deepEqual(actualRefusal('operator', 'u-sub', m, 'A1社区'), {
      key: 'metrics.why.ownerOnly',
      params: { owner: 'A1社区' },
    });
    assert.deepEqual(actualRefusal('leader', 'u-sub', m, 'A1社区'), { key: 'metrics.why.actualRole' });
    assert.deepEqual(actualRefusal('community', 'u-comm', metric('CR', 'u-comm', 'orders:closureRate'), ''), {
      key: 'metrics.why.computed',
    });
  });

  it("takes this year's target and actual from the owner unit's progress item", () => {
    const item = (id: string, unitId: string, target: number, actual: number | null) =>
      ({
        metric: { id },
        unit: { id: unitId, name: unitId },
        target,
        actual,
        actualPeriod: '2026-02',
      }) as ProgressItem;
    const rows = metricRows(
      [metric('GDP', 'u-sub'), metric('CR', 'u-sub', 'orders:closureRate'), metric('NEW', 'u-a1')],
      [item('GDP', 'u-sub', 100, 45.67), item('CR', 'u-a1', 90, 80), item('CR', 'u-sub', 95, 85)],
      new Map([['u-sub', '娄江街道']]),
    );
    assert.deepEqual(
      rows.map((r) => [r.metric.id, r.ownerName, r.target, r.actual]),
      [
        ['GDP', '娄江街道', 100, 45.67],
        ['CR', '娄江街道', 95, 85],
        ['NEW', 'u-a1', null, null],
      ],
    );
  });

  it('names the fields an API error points at', () => {
    assert.deepEqual(
      fieldsNamed([
        { field: 'body.code', problem: 'must match pattern' },
        { field: 'body.monthly.3', problem: 'must be number' },
        { field: 'body.monthly.4', problem: 'must be number' },
      ]),
      ['code', 'monthly'],
    );
    assert.deepEqual(fieldsNamed({ field: 'body.ownerUnitId' }), ['ownerUnitId']);
    assert.deepEqual(fieldsNamed({ field: 'code' }), ['code']);
    assert.deepEqual(fieldsNamed({ field: 'params.period' }), ['period']);
    assert.deepEqual(fieldsNamed(undefined), []);
  });

  it('defaults an actual to the last month that has ended, and wants all twelve monthly targets', () => {
    assert.equal(previousMonth('2026-03-02'), '2026-02');
    assert.equal(previousMonth('2026-01-15'), '2025-12');
    assert.deepEqual(
      monthlyTargets(Array.from({ length: 12 }, (_, i) => String((i + 1) * 10))),
      [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120],
    );
    assert.equal(monthlyTargets(['1', '', ...Array(10).fill('3')]), 'incomplete');
  });
});
