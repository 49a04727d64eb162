import { type Static, Type } from 'typebox';
import { Id, Nullable, RefId, Time } from './common.ts';
import { DUTY_SOURCES } from './duty.ts';

/** A local date (Asia/Shanghai) in a path. */
const LocalDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'local date (Asia/Shanghai)',
});

/** GET /api/assets/:id/days/:date. */
export const AssetDayParams = Type.Object({ id: Id, date: LocalDate });

/** GET /api/fleet/days/:date, and :date.xlsx for the spreadsheet. */
export const FleetDayParams = Type.Object({
  date: Type.String({
    pattern: '^\\d{4}-\\d{2}-\\d{2}(\\.xlsx)?$',
    description: 'local date (Asia/Shanghai); with .xlsx, the spreadsheet',
  }),
});

/** GET /api/fleet/months/:month, and :month.xlsx for the spreadsheet. */
export const FleetMonthParams = Type.Object({
  month: Type.String({
    pattern: '^\\d{4}-\\d{2}(\\.xlsx)?$',
    description: 'local month YYYY-MM (Asia/Shanghai); with .xlsx, the spreadsheet',
  }),
});

/** `?unitId=` of the fleet reports: the boats held under that unit (within the caller's scope). */
export const FleetQuery = Type.Object({ unitId: Type.Optional(RefId) });

/** One asset's day (日汇总): distance, time split, trips and stops, coverage, unloads, duty. */
export const DaySummarySchema = Type.Object({
  assetId: Type.String(),
  date: Type.String(),
  distanceM: Type.Number(),
  movingS: Type.Number(),
  stoppedS: Type.Number(),
  workS: Type.Number(),
  restS: Type.Number(),
  noDataS: Type.Number(),
  offDutyMovingS: Type.Number(),
  firstMoveAt: Nullable(Time),
  lastStopAt: Nullable(Type.String({ format: 'date-time', description: "the start of the day's last stop" })),
  trips: Type.Integer(),
  stops: Type.Integer(),
  coverage: Type.Array(
    Type.Object({
      segmentId: Type.String(),
      ratio: Type.Number(),
      visited: Type.Integer(),
      sections: Type.Integer(),
    }),
  ),
  unloads: Type.Object({ count: Type.Integer(), tonnes: Type.Number() }),
  duty: Type.Object({
    onDutyFrom: Nullable(Time),
    onDutyTo: Nullable(Time),
    source: Type.Enum(DUTY_SOURCES),
  }),
});

/** A day summary as the API sends it. */
export type DaySummaryView = Static<typeof DaySummarySchema>;

/** GET /api/fleet/days/:date: every visible boat's day. */
export const FleetDaySchema = Type.Object({ date: Type.String(), items: Type.Array(DaySummarySchema) });

/** A fleet day as the API sends it. */
export type FleetDayView = Static<typeof FleetDaySchema>;

/** One boat's month totals, from its day summaries. */
export const MonthTotalsSchema = Type.Object({
  assetId: Type.String(),
  name: Type.String(),
  month: Type.String(),
  days: Type.Integer({ description: 'days with a summary' }),
  distanceM: Type.Number(),
  workH: Type.Number(),
  restH: Type.Number(),
  meanCoverage: Nullable(Type.Number({ description: 'mean over the days with duty and a segment' })),
  daysBelowCoverage: Type.Integer({ description: 'days whose coverage is below the threshold' }),
  tonnes: Type.Number(),
});

/** GET /api/fleet/months/:month: every visible boat's month. */
export const FleetMonthSchema = Type.Object({
  month: Type.String(),
  coverageThreshold: Type.Number(),
  items: Type.Array(MonthTotalsSchema),
});

/** A fleet month as the API sends it. */
export type FleetMonthView = Static<typeof FleetMonthSchema>;
