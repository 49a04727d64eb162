import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Dock, dockIdAt } from './docks.ts';
import { FleetError } from './errors.ts';
import { TRACK_DEFAULTS, trackSettingsFor } from './settings.ts';
import { at } from './test-tracks.ts';

describe('trackSettingsFor', () => {
  it("gives a boat issue 11's thresholds", () => {
    assert.deepEqual(trackSettingsFor('boat'), {
      stopRadiusM: 50,
      stopMinS: 180,
      tripMinM: 100,
      gapS: 600,
      restMinS: 600,
    });
  });
  it('gives each kind its own defaults, and an unknown kind the boat’s', () => {
    assert.deepEqual(trackSettingsFor('crew'), TRACK_DEFAULTS.crew);
    assert.deepEqual(trackSettingsFor('vehicle'), TRACK_DEFAULTS.vehicle);
    assert.deepEqual(trackSettingsFor('drone'), TRACK_DEFAULTS.boat);
  });
  it('applies overrides', () => {
    assert.equal(trackSettingsFor('boat', { stopRadiusM: 80 }).stopRadiusM, 80);
    assert.equal(trackSettingsFor('boat', { stopRadiusM: 80 }).gapS, 600);
  });
  it('refuses a threshold that is not a positive number', () => {
    assert.throws(() => trackSettingsFor('boat', { gapS: 0 }), FleetError);
    assert.throws(
      () => trackSettingsFor('boat', { stopMinS: Number.NaN }),
      /stopMinS must be a positive number/,
    );
  });
});

describe('dockIdAt', () => {
  const docks: Dock[] = [
    { id: 'east', ...at(1000, 0), radiusM: 60 },
    { id: 'west', ...at(0, 0), radiusM: 60 },
    { id: 'west-annex', ...at(40, 0), radiusM: 60 },
  ];
  const CASES: [x: number, y: number, dock: string | undefined][] = [
    [0, 0, 'west'],
    [15, 0, 'west'],
    [30, 10, 'west-annex'],
    [1000, 59, 'east'],
    [1000, 61, undefined],
    [500, 0, undefined],
  ];
  for (const [x, y, dock] of CASES) {
    it(`a stop ${x} m east, ${y} m north is at ${dock ?? 'no dock'}`, () =>
      assert.equal(dockIdAt(at(x, y), docks), dock));
  }
});
