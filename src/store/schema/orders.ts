/**
 * Work orders (工单): the category dictionary and calendar their time limits count on, the orders, their
 * timelines, scope and followers, field checks and daily rollups.
 * Times and JSON columns follow the conventions in ../schema.ts.
 */

/** One minor class of the work-order dictionary (清单制): type → major → minor, with its defaults. */
export interface CategoryTable {
  id: string;
  /** 'component' (部件) or 'event' (事件). */
  type: string;
  major_code: string;
  major_name: string;
  minor_code: string;
  minor_name: string;
  /** The time limit (处置时限) in working hours or working days. */
  time_limit_amount: number;
  time_limit_unit: string;
  /** 'department' (with default_unit_id), or the community/grid/workstation around the order. */
  default_unit_kind: string | null;
  default_unit_id: string | null;
  default_stage: string;
  duplicate_radius_m: number;
  active: number;
  /** Open311 attribute definitions asked for when reporting in this category. */
  extra_fields: unknown | null;
  created_at: number;
  updated_at: number;
}

/** One year of public holidays and make-up working days, in the domain's CalendarYear shape. */
export interface CalendarYearTable {
  year: number;
  data: unknown;
  updated_at: number;
}

/** A named counter, bumped atomically inside the transaction that uses it (order-code sequences). */
export interface CounterTable {
  key: string;
  value: number;
}

/**
 * A work order. `state` is the domain's OrderState as JSON, the one source of truth for the
 * flow; the other columns copy what lists filter, sort and index on, written in the same
 * statement. yellow_at/red_at are when the light turns yellow and red (null: no time limit
 * running); light/overdue are the light as of the last write, which the time-limit job refreshes.
 */
export interface OrderTable {
  id: string;
  code: string;
  status: string;
  level: string;
  category_id: string;
  stage: string;
  source: string;
  description: string;
  address: string | null;
  lat: number;
  lon: number;
  grid_id: string | null;
  community_id: string | null;
  reporter_user_id: string | null;
  responsible_unit_id: string | null;
  responsible_user_id: string | null;
  deadline: number | null;
  yellow_at: number | null;
  red_at: number | null;
  light: string | null;
  overdue: number;
  /** The deadline the scheduler last raised automatic supervision (督办) for: state.supervision.autoForDeadline. */
  auto_supervised_for: number | null;
  /**
   * When the return-visit job reminds the centre of a closed order without a visit (回访); set from
   * the state at every write, cleared by the job once it has reminded (see 0015-turns).
   */
  visit_due_at: number | null;
  parked: number;
  /** When an approved wait (挂账 until a date) is over: state.parked.until; the job resumes the order then (see 0019-park-until). */
  park_until: number | null;
  merged_into_id: string | null;
  /** Lower-cased code, description, address and category name, for the list's text filter. */
  search_text: string;
  /** Values of the category's extra fields (Open311 attributes). */
  attributes: unknown | null;
  state: unknown;
  version: number;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
}

/** One entry of an order's append-only timeline; `seq` is the order's version after it. */
export interface OrderEventTable {
  order_id: string;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_user_id: string;
  actor_role: string;
  actor_unit_id: string | null;
  at: number;
  note: string | null;
  /** Attachment ids added with the event. */
  photos: unknown;
  data: unknown;
}

/** A unit an order has involved (grid, responsible unit, sub-task unit): the basis of order scope. */
export interface OrderUnitTable {
  order_id: string;
  unit_id: string;
}

/** A user who follows an order: its reporter, and the reporters of duplicates merged into it. */
export interface OrderFollowerTable {
  order_id: string;
  user_id: string;
  since: number;
}

/** A photo an order refers to (an event of the order lists it): what scopes the photo's download. */
export interface AttachmentOrderTable {
  attachment_id: string;
  order_id: string;
}

/** A field check's answer for an order's closed window and a radius (0018-field-checks). */
export interface OrderFieldCheckTable {
  order_id: string;
  window_from: number;
  window_to: number;
  radius_m: number;
  answer: unknown;
  computed_at: number;
}

/** Daily order rollups: one unit path's counter changes for facts of `day` made on `as_of_day` (local day numbers). */
export interface OrderRollupTable {
  unit_path: string;
  day: number;
  as_of_day: number;
  registered: number;
  closed: number;
  due: number;
  closed_on_time: number;
  verifications: number;
  reworks: number;
  response_count: number;
  response_ms: number;
  handling_count: number;
  handling_ms: number;
  visited: number;
  satisfied: number;
  solved: number;
}
