/**
 * Performance management: metrics against the schedule, key tasks, and issued reports.
 * Times and JSON columns follow the conventions in ../schema.ts.
 */

/** A performance metric (指标) followed against the schedule (序时进度). */
export interface MetricTable {
  id: string;
  code: string;
  name: string;
  unit_of_measure: string;
  owner_unit_id: string;
  owner_user_id: string | null;
  kind: string;
  direction: string;
  schedule_basis: string;
  /** Null for entered actuals; else what computes them (orders:closureRate…). */
  source: string | null;
  created_at: number;
  updated_at: number;
}

/** A metric's annual target for one year and unit, with the monthly plan if given. */
export interface MetricTargetTable {
  metric_id: string;
  year: number;
  unit_id: string;
  annual: number;
  /** Twelve numbers as JSON, or null. */
  monthly: unknown | null;
  updated_by: string | null;
  updated_at: number;
}

/** A month's actual of a metric ('YYYY-MM'; cumulative as of the month's end for cumulative metrics). */
export interface MetricActualTable {
  metric_id: string;
  period: string;
  value: number;
  note: string | null;
  entered_by: string | null;
  entered_at: number;
}

/** A key task (重点工作); milestones as JSON `[{ title, dueAt, doneAt }]`. */
export interface TaskTable {
  id: string;
  title: string;
  owner_unit_id: string;
  owner_user_id: string;
  deadline: number;
  milestones: unknown;
  done_at: number | null;
  /** The ISO week its owner was last reminded of a missing push-day note. */
  reminded_week: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** A progress note on a key task; photos as a JSON array of attachment ids. */
export interface TaskNoteTable {
  id: string;
  task_id: string;
  text: string;
  percent: number | null;
  photos: unknown;
  author_user_id: string;
  created_at: number;
}

/** A supervision letter (督办) sent on a red task. */
export interface TaskSupervisionTable {
  id: string;
  task_id: string;
  text: string;
  by_user_id: string;
  created_at: number;
}

/** An issued report (weekly 量化式报告), archived unchanged as the JSON it was issued with. */
export interface ReportTable {
  id: string;
  kind: string;
  week: string;
  unit_id: string;
  issued_at: number;
  /** Null when the push-day job issued it. */
  issued_by: string | null;
  body: unknown;
}
