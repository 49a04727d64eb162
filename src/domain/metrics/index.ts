// Performance metrics and schedule progress (序时进度, issue 14): pure rules over targets, actuals
// and the working calendar. Services import from here.
export { ACTUAL_ENTERERS, METRIC_MANAGERS, METRIC_READERS } from './access.ts';
export {
  cellValue,
  decideImport,
  IMPORT_COLUMNS,
  type ImportDecision,
  type ImportedMetric,
  MAX_IMPORT_ROWS,
  type ParsedSheet,
  parseMetricSheet,
  type RowProblem,
  type SheetLike,
  sheetRows,
} from './import-rows.ts';
export {
  DEFAULT_YELLOW_POINTS,
  METRIC_DIRECTIONS,
  METRIC_KINDS,
  METRIC_SOURCES,
  type MetricDirection,
  type MetricFields,
  type MetricKind,
  type MetricSource,
  metricProblem,
  PERIOD_PATTERN,
  PROGRESS_LIGHTS,
  type ProgressLight,
  parsePeriod,
  SCHEDULE_BASES,
  type ScheduleBasis,
} from './model.ts';
export {
  actualAt,
  type PeriodValue,
  type ProgressFigures,
  type ProgressInput,
  progressFigures,
} from './progress.ts';
export { completeMonths, dayNumber, monthEndDay, plannedShare, scheduleShare } from './schedule.ts';
