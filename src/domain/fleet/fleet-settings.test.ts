import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FleetError } from './errors.ts';
import { fleetSettingsOf, mergeFleetOverrides } from './fleet-settings.ts';
import { TRACK_DEFAULTS } from './settings.ts';

describe('fleet settings', () => {
  it('are the defaults of each kind and 90 % coverage without overrides', () => {
    assert.deepEqual(fleetSettingsOf({}), { kinds: TRACK_DEFAULTS, coverageThreshold: 0.9 });
  });

  it('override one kind’s thresholds one by one, leaving the others', () => {
    const s = fleetSettingsOf({ kinds: { boat: { stopRadiusM: 80, gapS: 900 } }, coverageThreshold: 0.85 });
    assert.deepEqual(s.kinds.boat, { ...TRACK_DEFAULTS.boat, stopRadiusM: 80, gapS: 900 });
    assert.deepEqual(s.kinds.vehicle, TRACK_DEFAULTS.vehicle);
    assert.equal(s.coverageThreshold, 0.85);
  });

  const BAD: [string, Parameters<typeof fleetSettingsOf>[0], RegExp][] = [
    [
      'a zero radius',
      { kinds: { boat: { stopRadiusM: 0 } } },
      /kinds\.boat\.stopRadiusM must be a number above 0/,
    ],
    ['a negative gap', { kinds: { crew: { gapS: -5 } } }, /kinds\.crew\.gapS/],
    ['a stop radius of 5 km', { kinds: { boat: { stopRadiusM: 5000 } } }, /at most 2000, not 5000/],
    ['a gap over a day', { kinds: { vehicle: { gapS: 90_000 } } }, /kinds\.vehicle\.gapS .* at most 86400/],
    ['NaN', { kinds: { boat: { tripMinM: Number.NaN } } }, /kinds\.boat\.tripMinM/],
    ['a coverage threshold of 90 (not 0.9)', { coverageThreshold: 90 }, /coverageThreshold must be a share/],
    ['a coverage threshold of 0', { coverageThreshold: 0 }, /coverageThreshold/],
  ];
  for (const [what, overrides, message] of BAD) {
    it(`refuse ${what}`, () => {
      assert.throws(() => fleetSettingsOf(overrides), FleetError);
      assert.throws(() => fleetSettingsOf(overrides), message);
    });
  }

  it('merge a change into the stored overrides; null goes back to the default', () => {
    const stored = mergeFleetOverrides(
      {},
      { kinds: { boat: { stopRadiusM: 80, gapS: 900 } }, coverageThreshold: 0.8 },
    );
    const next = mergeFleetOverrides(stored, {
      kinds: { boat: { gapS: null, stopMinS: 240 } },
      coverageThreshold: null,
    });
    assert.deepEqual(next, { kinds: { boat: { stopRadiusM: 80, stopMinS: 240 } } });
    assert.deepEqual(fleetSettingsOf(next).kinds.boat, {
      ...TRACK_DEFAULTS.boat,
      stopRadiusM: 80,
      stopMinS: 240,
    });
    assert.equal(fleetSettingsOf(next).coverageThreshold, 0.9);
  });

  it('refuse a change that would store an invalid value', () => {
    assert.throws(() => mergeFleetOverrides({}, { kinds: { crew: { restMinS: 0 } } }), FleetError);
  });
});
