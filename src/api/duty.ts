import { type Static, Type } from 'typebox';
import { CLOCK_FLAGS } from '../domain/fleet/clock.ts';
import { Latitude, Longitude, Nullable, RefId, Time } from './common.ts';

const At = Type.String({
  format: 'date-time',
  description:
    'when it happened, for one queued on a phone without signal: not in the future, at most 24 h ago',
});

/** POST /api/duty/clock-in: where the crew member is (WGS-84), with an optional photo. */
export const ClockInBody = Type.Object({
  lat: Latitude,
  lon: Longitude,
  at: Type.Optional(At),
  photoId: Type.Optional(RefId),
});

/** POST /api/duty/clock-out. */
export const ClockOutBody = Type.Object({ lat: Latitude, lon: Longitude, at: Type.Optional(At) });

/** A clock-in or clock-out as the API sends it: accepted, with what the supervisor should look at (flags). */
export const ClockEventSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['in', 'out'] as const),
  memberId: Type.String({ description: 'the crew member (a crew asset)' }),
  assetId: Type.String({ description: 'their boat' }),
  at: Time,
  recordedAt: Time,
  lat: Type.Number(),
  lon: Type.Number(),
  distanceM: Nullable(
    Type.Number({ description: 'metres to the boat’s position at the time or the nearest dock' }),
  ),
  flags: Type.Array(Type.Enum(CLOCK_FLAGS)),
  photoId: Nullable(Type.String()),
});

/** A clock event as the API sends it. */
export type ClockEventView = Static<typeof ClockEventSchema>;

/** GET /api/duty. */
export const DutyQuery = Type.Object({
  date: Type.Optional(
    Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'local date (Asia/Shanghai); today by default',
    }),
  ),
  unitId: Type.Optional(RefId),
});

/** GET /api/duty/events: a local day's clock events, of one boat or one crew login if asked. */
export const DutyEventsQuery = Type.Object({
  date: Type.Optional(
    Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'local date (Asia/Shanghai); today by default',
    }),
  ),
  assetId: Type.Optional(RefId),
  userId: Type.Optional(RefId),
});

/** The clock events (打卡记录) of a day, oldest first. */
export const DutyEventListSchema = Type.Object({ date: Type.String(), items: Type.Array(ClockEventSchema) });

/** A day's clock events as the API sends them. */
export type DutyEventListView = Static<typeof DutyEventListSchema>;

/** Where a boat's duty comes from: its crew's clock-ins, or its shift plan confirmed by its terminal. */
export const DUTY_SOURCES = ['clock', 'derived'] as const;

/** A day's duty (上班/下班) of the boats in scope and of their crews. */
export const DutyDaySchema = Type.Object({
  date: Type.String(),
  people: Type.Array(
    Type.Object({
      memberId: Type.String(),
      name: Type.String(),
      assetId: Type.String({ description: 'the boat' }),
      clockIn: Nullable(Time),
      clockOut: Nullable(Time),
      flags: Type.Array(Type.Enum(CLOCK_FLAGS)),
    }),
  ),
  boats: Type.Array(
    Type.Object({
      assetId: Type.String(),
      name: Type.String(),
      onDutyFrom: Nullable(Time),
      onDutyTo: Nullable(Time),
      crewOnDuty: Nullable(
        Type.Integer({
          description: 'crew members who clocked in that day; null when derived from the shift',
        }),
      ),
      source: Type.Enum(DUTY_SOURCES),
      intervals: Type.Array(Type.Object({ from: Time, to: Time })),
    }),
  ),
});

/** A day's duty as the API sends it. */
export type DutyDayView = Static<typeof DutyDaySchema>;
