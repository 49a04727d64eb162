import { ASSET_KINDS } from '../assets/kinds.ts';
import { FleetError } from './errors.ts';
import { type FleetAssetKind, TRACK_DEFAULTS, type TrackSettings } from './settings.ts';

/** Below this share of its segments' sub-sections a boat's day counts as not covered (Chinese cleaning standards: 90 %). */
export const DEFAULT_COVERAGE_THRESHOLD = 0.9;

/**
 * The most each threshold may be set to: beyond it the rule no longer describes a boat, a crew or
 * a vehicle (a 5-km stop, a trip that must cover 100 km, a gap of more than a day).
 */
export const TRACK_LIMITS: Readonly<TrackSettings> = {
  stopRadiusM: 2_000,
  stopMinS: 86_400,
  tripMinM: 50_000,
  gapS: 86_400,
  restMinS: 86_400,
};

const FIELDS = Object.keys(TRACK_LIMITS) as (keyof TrackSettings)[];

/** The fleet rules' settings: the track thresholds of each asset kind and the coverage threshold. */
export interface FleetSettings {
  kinds: Record<FleetAssetKind, TrackSettings>;
  coverageThreshold: number;
}

/**
 * What an operator changed from the defaults (what is stored): per kind, the thresholds set;
 * a threshold or the coverage threshold set to null goes back to its default.
 */
export interface FleetOverrides {
  kinds?: Partial<Record<FleetAssetKind, Partial<Record<keyof TrackSettings, number | null>>>>;
  coverageThreshold?: number | null;
}

/** The defaults, with the overrides applied. Throws FleetError naming the first value that cannot be right. */
export function fleetSettingsOf(overrides: FleetOverrides): FleetSettings {
  const kinds = {} as Record<FleetAssetKind, TrackSettings>;
  for (const kind of ASSET_KINDS) {
    const own = overrides.kinds?.[kind] ?? {};
    const settings = { ...TRACK_DEFAULTS[kind] };
    for (const field of FIELDS) {
      const value = own[field];
      if (value === undefined || value === null) continue;
      if (!Number.isFinite(value) || value <= 0 || value > TRACK_LIMITS[field])
        throw new FleetError(
          `kinds.${kind}.${field} must be a number above 0 and at most ${TRACK_LIMITS[field]}, not ${value}`,
        );
      settings[field] = value;
    }
    kinds[kind] = settings;
  }
  const threshold = overrides.coverageThreshold ?? DEFAULT_COVERAGE_THRESHOLD;
  if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1)
    throw new FleetError(
      `coverageThreshold must be a share above 0 and at most 1 (0.9 is 90 %), not ${threshold}`,
    );
  return { kinds, coverageThreshold: threshold };
}

/**
 * The stored overrides with a change merged in: a kind's thresholds one by one, null removing
 * an override. Checked as a whole (throws FleetError), so nothing invalid is ever stored.
 */
export function mergeFleetOverrides(stored: FleetOverrides, change: FleetOverrides): FleetOverrides {
  const kinds: NonNullable<FleetOverrides['kinds']> = {};
  for (const kind of ASSET_KINDS) {
    const merged = { ...stored.kinds?.[kind], ...change.kinds?.[kind] };
    for (const field of FIELDS) if (merged[field] === null) delete merged[field];
    if (Object.keys(merged).length > 0) kinds[kind] = merged;
  }
  const next: FleetOverrides = { kinds };
  const threshold =
    change.coverageThreshold === undefined ? stored.coverageThreshold : change.coverageThreshold;
  if (threshold !== undefined && threshold !== null) next.coverageThreshold = threshold;
  fleetSettingsOf(next);
  return next;
}
