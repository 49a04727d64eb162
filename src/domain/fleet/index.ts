// The fleet rules (issue 11, boats and crews through the day): pure functions over fixes, shift
// plans and segment geometry. Services import from here.
export {
  CLOCK_FLAGS,
  CLOCK_MAX_AGE_MS,
  type ClockFlag,
  type ClockReferences,
  clockCheck,
  clockTimeProblem,
  FAR_FROM_BOAT_M,
  UNLOAD_MAX_AGE_MS,
} from './clock.ts';
export {
  type CoverageSegment,
  combinedCoverage,
  coverageOf,
  type SegmentCoverage,
  segmentCoverage,
} from './coverage.ts';
export {
  type Interval,
  localDateOf,
  localDayWindow,
  mergeIntervals,
  overlapMs,
  RECORD_CHANGE_REMARK_DAYS,
  remarkFromDate,
} from './day.ts';
export { type Dock, dockIdAt } from './docks.ts';
export { type ClockEvent, type DayDuty, type DutyInput, dutyOfDay } from './duty.ts';
export { FleetError, type FleetErrorCode } from './errors.ts';
export {
  DEFAULT_COVERAGE_THRESHOLD,
  type FleetOverrides,
  type FleetSettings,
  fleetSettingsOf,
  mergeFleetOverrides,
  TRACK_LIMITS,
} from './fleet-settings.ts';
export { asLineGeometry, lineGeometryProblem, MAX_LINE_POSITIONS } from './line-geometry.ts';
export { type DailySummary, type MonthSettings, type MonthTotals, monthTotals } from './month.ts';
export {
  type LineGeometry,
  type SectionedLine,
  type SegmentSection,
  sectionLine,
  segmentBuffer,
} from './segment-geometry.ts';
export { type FleetAssetKind, TRACK_DEFAULTS, type TrackSettings, trackSettingsFor } from './settings.ts';
export {
  checkShiftPlan,
  makeUpWeekday,
  type ShiftException,
  type ShiftPlan,
  shiftsOn,
  shiftsWithinDay,
  type WeeklyShift,
} from './shifts.ts';
export { simplifyIndexes, simplifyTrack } from './simplify.ts';
export { type DayFigures, type DaySummaryInput, summariseDay } from './summary.ts';
export { cleanTrack, isUsableFix, type LatLon, type TrackFix } from './track.ts';
export { analyseTrack, type Stop, type TrackAnalysis, type Trip } from './trips.ts';
export {
  type OnSegment,
  type StopKind,
  stopKind,
  type WorkRestInput,
  type WorkRestSummary,
  workRest,
} from './work-rest.ts';
