/**
 * The fleet rules' settings (船队参数): each asset kind's trip, stop and work/rest thresholds and
 * the coverage threshold, defaults overridden by admins. This index is the feature's one entry.
 */
export { coverageThresholdOf, getFleetSettings, patchFleetSettings, trackSettingsOf } from './settings.ts';
