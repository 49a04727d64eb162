/**
 * The one catalogue of errors the platform reports: every code, its HTTP status and a default
 * message. Codes are stable API: the console translates by code, clients branch on it. Services
 * throw DomainError; the HTTP edge maps it to `{ error: { code, message, details? } }` with the
 * status listed here. It imports nothing: the domain names its codes (OrderErrorCode,
 * CalendarErrorCode) without statuses, and the services that turn those into DomainError only
 * compile while every one of them is listed here.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid' },
  MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON' },
  FLEET_SETTINGS_INVALID: { status: 400, message: 'The shift plan or fleet setting is not valid' },
  INVALID_GEOMETRY: { status: 400, message: 'The geometry is not valid' },
  UNAUTHENTICATED: {
    status: 401,
    message: 'Log in first: send a session cookie or "Authorization: Bearer <token>"',
  },
  INVALID_CREDENTIALS: { status: 401, message: 'Wrong username or password' },
  SESSION_EXPIRED: { status: 401, message: 'The session has expired: log in again' },
  FORBIDDEN: { status: 403, message: 'Your role may not do this' },
  OUT_OF_SCOPE: { status: 403, message: 'This is outside your unit' },
  CSRF_HEADER_MISSING: {
    status: 403,
    message: 'Cookie-authenticated changes need the header "X-Requested-With: zhongshu"',
  },
  ROUTE_NOT_FOUND: { status: 404, message: 'No such API route' },
  UNIT_NOT_FOUND: { status: 404, message: 'No such unit' },
  USER_NOT_FOUND: { status: 404, message: 'No such user' },
  DEVICE_NOT_FOUND: { status: 404, message: 'No such device' },
  ASSET_NOT_FOUND: { status: 404, message: 'No such asset' },
  SEGMENT_NOT_FOUND: { status: 404, message: 'No such river segment' },
  DOCK_NOT_FOUND: { status: 404, message: 'No such dock' },
  ALERT_RULE_NOT_FOUND: { status: 404, message: 'No such alert rule' },
  ALERT_NOT_FOUND: { status: 404, message: 'No such alert' },
  ALERT_STATE_WRONG: {
    status: 409,
    message: 'The alert is not in a state that allows this: reload it and see who handled it',
  },
  DEVICE_IDENTIFIER_TAKEN: {
    status: 409,
    message: 'Another device already has this protocol and identifier: check the identifier',
  },
  ASSET_CODE_TAKEN: { status: 409, message: 'Another asset already has this code: choose another' },
  ASSET_IN_USE: { status: 409, message: 'The asset still has devices' },
  ASSET_NOT_IN_UNIT: {
    status: 400,
    message:
      'The asset belongs to another unit: send boats of the unit the order goes to, or of a unit under it',
  },
  ASSET_KIND_WRONG: { status: 422, message: 'This needs an asset of another kind (a boat, a crew member)' },
  USER_ROLE_WRONG: { status: 422, message: 'The user does not have the role this needs' },
  CREW_LOGIN_TAKEN: { status: 409, message: 'The login is already linked to another crew member' },
  CREW_MEMBER_TAKEN: {
    status: 409,
    message: 'A crew member belongs to one boat at most: take them off the other boat first',
  },
  NOT_ON_A_BOAT: {
    status: 409,
    message: 'Your login is not linked to a crew member on a boat: ask an operator to assign you',
  },
  SEGMENT_CODE_TAKEN: { status: 409, message: 'Another river segment already has this code' },
  SEGMENT_IN_USE: { status: 409, message: 'Assets still patrol this river segment' },
  TIME_RANGE_INVALID: { status: 400, message: 'The time range is not valid' },
  EVENT_TIME_INVALID: {
    status: 400,
    message: 'The time given is in the future or too long ago: send the time it happened',
  },
  UNIT_HAS_CHILDREN: { status: 409, message: 'The unit still has child units' },
  UNIT_IN_USE: { status: 409, message: 'The unit is still referenced' },
  UNIT_CODE_TAKEN: { status: 409, message: 'Another unit already has this code: choose another' },
  UNIT_PARENT_INVALID: { status: 422, message: 'This unit kind cannot sit under that parent' },
  ESCALATION_TARGET_INVALID: {
    status: 422,
    message: 'Escalate to the unit above: the workstation of the grid area, or the subdistrict',
  },
  USERNAME_TAKEN: { status: 409, message: 'Another user already has this username: choose another' },
  REFERENCE_NOT_FOUND: {
    status: 404,
    message:
      'A record this request refers to does not exist; it may have just been deleted: reload and try again',
  },
  STILL_REFERENCED: {
    status: 409,
    message: 'Other records still refer to this one, some added just now: reassign or delete them first',
  },
  LAST_ADMIN: { status: 409, message: 'The last active administrator cannot be removed or demoted' },
  BAD_URL: { status: 400, message: 'The URL is malformed' },
  MALFORMED_REQUEST: {
    status: 400,
    message: 'The HTTP request cannot be parsed: check its request line and headers',
  },
  EXPECTATION_FAILED: { status: 417, message: 'The Expect header asks for what the server does not do' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive: send it again' },
  HEADERS_TOO_LARGE: {
    status: 431,
    message: 'The URL and headers are too large: shorten the query string or send fewer cookies',
  },
  URL_TOO_LONG: { status: 414, message: 'A path parameter is too long' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the body as application/json' },
  LOGIN_THROTTLED: { status: 429, message: 'Too many failed logins: wait before trying again' },
  ACCOUNT_LOCKED: { status: 429, message: 'Too many failed logins: the account is locked for a while' },
  RATE_LIMITED: { status: 429, message: 'Too many requests: slow down' },
  DATABASE_UNAVAILABLE: { status: 503, message: 'The database cannot be reached' },
  INTERNAL: { status: 500, message: 'An unexpected error occurred; it has been logged' },
  ORDER_NOT_FOUND: { status: 404, message: 'No such work order' },
  CATEGORY_NOT_FOUND: { status: 404, message: 'No such category' },
  ATTACHMENT_NOT_FOUND: { status: 404, message: 'No such attachment' },
  NOTIFICATION_NOT_FOUND: { status: 404, message: 'No such notification in your inbox' },
  NOTICE_NOT_FOUND: { status: 404, message: 'No such notice to residents' },
  PHOTO_TYPE_NOT_ALLOWED: { status: 415, message: 'Send a photo as JPEG, PNG or WebP' },
  PHOTO_UNREADABLE: { status: 422, message: 'The photo cannot be decoded: it may be cut off or damaged' },
  OPEN311_KEY_INVALID: {
    status: 403,
    message: 'Missing or invalid api_key: ask the command centre for an Open311 key',
  },
  OPEN311_KEY_NOT_FOUND: { status: 404, message: 'No such Open311 API key' },
  // The work-order state machine's refusals (OrderErrorCode in src/domain/workorder/errors.ts).
  TRANSITION_NOT_ALLOWED: {
    status: 409,
    message: 'This action is not allowed in the order’s current state: see the allowed actions',
  },
  VERSION_CONFLICT: {
    status: 409,
    message: 'Someone else changed the order meanwhile: reload it and try again',
  },
  SUBTASKS_OPEN: {
    status: 409,
    message:
      'Collaboration sub-tasks are still open: wait for their feedback, or close them as lead with a reason',
  },
  SUBTASK_NOT_FOUND: { status: 404, message: 'The order has no sub-task with this id' },
  EXTENSION_PENDING: {
    status: 409,
    message: 'An extension request is already waiting for a decision: approve or deny it first',
  },
  NO_EXTENSION_REQUEST: { status: 409, message: 'There is no pending extension request to decide on' },
  RETURN_VISIT_DONE: { status: 409, message: 'The return visit for this closure has already been recorded' },
  REOPEN_WINDOW_PASSED: {
    status: 409,
    message: 'The order was closed too long ago to be reopened: report it as a new order',
  },
  PARK_REQUEST_PENDING: {
    status: 409,
    message: 'A request to park the order is already waiting for the centre: wait for its decision',
  },
  NO_PARK_REQUEST: { status: 409, message: 'There is no pending request to park the order' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    message: 'This Idempotency-Key was already used with another request: make a new key for a new request',
  },
  IDEMPOTENCY_KEY_IN_PROGRESS: {
    status: 409,
    message: 'A request with this Idempotency-Key is still being served: try again in a moment',
  },
  NO_CONSULTATION: { status: 409, message: 'Your unit has no question on this order waiting for an answer' },
  MERGE_TARGET_CLOSED: {
    status: 409,
    message:
      'The order to merge into is closed: reopen it (重办) first, or report the problem as a new order',
  },
  // The category dictionary (清单制).
  CATEGORY_CODE_TAKEN: {
    status: 409,
    message: 'Another category already has this type, major and minor code: choose another minor code',
  },
  CATEGORY_IN_USE: {
    status: 409,
    message: 'Orders still use this category: deactivate it instead of deleting it',
  },
  // Performance metrics and schedule progress (指标, 序时进度).
  METRIC_NOT_FOUND: { status: 404, message: 'No such metric' },
  METRIC_CODE_TAKEN: { status: 409, message: 'Another metric already has this code: choose another' },
  METRIC_OWNER_ONLY: {
    status: 403,
    message: 'Only the metric’s owner unit enters its actuals: ask that unit, or an administrator',
  },
  METRIC_ACTUALS_COMPUTED: {
    status: 409,
    message: 'This metric’s actual is computed from the work orders: it cannot be entered',
  },
  METRIC_IMPORT_INVALID: {
    status: 422,
    message: 'The workbook has rows that are not valid: nothing was imported; see details for each line',
  },
  // Key tasks (重点工作清单) and weekly reports (量化式报告).
  TASK_NOT_FOUND: { status: 404, message: 'No such key task' },
  TASK_NOT_RED: {
    status: 409,
    message:
      'Only a red task (overdue, or with a milestone overdue) is supervised (督办): this one is on schedule or done',
  },
  REPORT_NOT_FOUND: { status: 404, message: 'No such report' },
  // A working calendar that cannot count (CalendarErrorCode in src/domain/calendar/errors.ts).
  CALENDAR_INVALID: {
    status: 422,
    message: 'The working calendar or the time given to it is not valid',
  },
  CALENDAR_NO_WORKING_TIME: {
    status: 422,
    message: 'The working calendar has no working time in the searched span: check its periods and holidays',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** A failure the caller can act on, with a stable code from ERRORS. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERRORS[code].message);
    this.name = 'DomainError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = details;
  }
}

/** Shorthand for `throw new DomainError(...)` in expression position. */
export function fail(code: ErrorCode, message?: string, details?: unknown): never {
  throw new DomainError(code, message, details);
}
