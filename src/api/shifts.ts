import { type Static, Type } from 'typebox';
import { Nullable, Time } from './common.ts';

// Weekdays, times and dates are checked by the domain (checkShiftPlan), whose refusal names the
// entry at fault in a 400 FLEET_SETTINGS_INVALID; the schema only bounds the sizes.
const LocalTime = Type.String({
  maxLength: 20,
  description: 'local time HH:MM in Asia/Shanghai, 00:00 to 24:00',
});

const WeeklyShift = Type.Object({
  weekday: Type.Integer({ description: 'ISO weekday: 1 Monday … 7 Sunday' }),
  start: LocalTime,
  end: Type.String({ maxLength: 20, description: 'HH:MM; at or before start: the shift runs past midnight' }),
});

const ShiftException = Type.Object({
  date: Type.String({ maxLength: 20, description: 'YYYY-MM-DD, local' }),
  off: Type.Optional(Type.Literal(true)),
  start: Type.Optional(LocalTime),
  end: Type.Optional(LocalTime),
});

/** PUT /api/assets/:id/shifts and /api/units/:id/shifts: a shift plan (排班). */
export const ShiftPlanBody = Type.Object({
  weekly: Type.Array(WeeklyShift, { maxItems: 50 }),
  exceptions: Type.Array(ShiftException, { maxItems: 400, default: [] }),
  followsCalendar: Type.Boolean({
    default: false,
    description: 'holidays of the working calendar are days off; its make-up days (调休) work',
  }),
});

/** Where a plan read for an asset comes from: its own, its unit's (the default), or none at all. */
export const SHIFT_SOURCES = ['asset', 'unit', 'none'] as const;

/** A shift plan as the API sends it, and whose it is. */
export const ShiftPlanSchema = Type.Object({
  weekly: Type.Array(WeeklyShift),
  exceptions: Type.Array(ShiftException),
  followsCalendar: Type.Boolean(),
  source: Type.Enum(SHIFT_SOURCES, { description: 'the asset’s own plan, its unit’s default, or none' }),
  /** The unit whose default it is (source unit). */
  unitId: Nullable(Type.String()),
  updatedAt: Nullable(Time),
});

/** A shift plan as the API sends it. */
export type ShiftPlanView = Static<typeof ShiftPlanSchema>;
