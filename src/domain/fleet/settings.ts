import type { AssetKind } from '../assets/kinds.ts';
import { FleetError } from './errors.ts';

/** Thresholds of the trip, stop and work/rest rules for one asset. */
export interface TrackSettings {
  /** A stop stays within this many metres of the fix it began at. */
  stopRadiusM: number;
  /** ...for at least this many seconds. */
  stopMinS: number;
  /** A movement is a trip when it takes the asset at least this far (straight line) from where it set off. */
  tripMinM: number;
  /** Two consecutive fixes further apart in time than this are a gap: no data, no invented movement. */
  gapS: number;
  /** A stop this long or longer is rest even on the assigned segment. */
  restMinS: number;
}

/** The asset kinds with their own defaults (as in services/assets ASSET_KINDS). */
export type FleetAssetKind = AssetKind;

/**
 * Defaults per asset kind. The boat's are issue 11's; crews on foot carry phones with coarser
 * fixes, vehicles move fast and park precisely. Operators may override any of them.
 */
export const TRACK_DEFAULTS: Readonly<Record<FleetAssetKind, Readonly<TrackSettings>>> = {
  boat: { stopRadiusM: 50, stopMinS: 180, tripMinM: 100, gapS: 600, restMinS: 600 },
  crew: { stopRadiusM: 60, stopMinS: 300, tripMinM: 150, gapS: 900, restMinS: 900 },
  vehicle: { stopRadiusM: 30, stopMinS: 120, tripMinM: 200, gapS: 300, restMinS: 600 },
};

/** The settings of an asset kind with overrides; an unknown kind gets the boat's. Throws FleetError on nonsense. */
export function trackSettingsFor(kind: string, overrides: Partial<TrackSettings> = {}): TrackSettings {
  const base = TRACK_DEFAULTS[kind as FleetAssetKind] ?? TRACK_DEFAULTS.boat;
  const settings = { ...base, ...overrides };
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new FleetError(`${name} must be a positive number, not ${value}`);
    }
  }
  return settings;
}
