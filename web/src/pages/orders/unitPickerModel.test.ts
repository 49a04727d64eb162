import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Unit, UnitKind } from '../../api/types.ts';
import { KIND_ORDER } from './UnitSelect.tsx';
import { groupUnits, matchesUnit, pushRecent } from './unitPickerModel.ts';

const unit = (id: string, kind: UnitKind, code: string, name: string): Unit => ({
  id,
  kind,
  parentId: null,
  code,
  name,
  polygon: null,
  createdAt: '2026-03-02T00:00:00.000Z',
  updatedAt: '2026-03-02T00:00:00.000Z',
});

const UNITS = [
  unit('c1', 'community', '320506001001', 'A1社区'),
  unit('d1', 'department', 'D-GREEN', '绿化所'),
  unit('k1', 'contractor', 'C-TRIM', '绿化养护公司'),
  unit('d2', 'department', 'D-POWER', '供电所'),
];

describe('unit picker model', () => {
  it('matches part of the name or the code, whatever the case and width', () => {
    assert.equal(matchesUnit(UNITS[1] as Unit, '绿化'), true);
    assert.equal(matchesUnit(UNITS[1] as Unit, 'ｄ－ｇｒｅｅｎ'), true);
    assert.equal(matchesUnit(UNITS[1] as Unit, '供电'), false);
    assert.equal(matchesUnit(UNITS[1] as Unit, '  '), true);
  });

  it('puts the recent choices first, then the matches by kind', () => {
    const groups = groupUnits(UNITS, '', ['d2', 'gone'], KIND_ORDER);
    assert.deepEqual(
      groups.map((g) => [g.key, g.units.map((u) => u.name)]),
      [
        ['recent', ['供电所']],
        ['department', ['绿化所', '供电所']],
        ['contractor', ['绿化养护公司']],
        ['community', ['A1社区']],
      ],
    );
    assert.deepEqual(
      groupUnits(UNITS, '绿化', ['d2'], KIND_ORDER).map((g) => g.key),
      ['department', 'contractor'],
    );
  });

  it('keeps the last five choices, the newest first, each once', () => {
    let recent: string[] = [];
    for (const id of ['a', 'b', 'c', 'a', 'd', 'e', 'f']) recent = pushRecent(recent, id);
    assert.deepEqual(recent, ['f', 'e', 'd', 'a', 'c']);
  });
});
