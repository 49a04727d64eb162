import type { WorkingCalendar } from '../calendar/calendar.ts';
import { type Interval, localDayWindow } from './day.ts';
import { type ShiftPlan, shiftsOn } from './shifts.ts';
import { isUsableFix, type TrackFix } from './track.ts';

/** A crew member's clock-in or clock-out (上班/下班打卡) for an asset. */
export interface ClockEvent {
  at: number;
  kind: 'in' | 'out';
  crewId?: string;
}

/** An asset's duty on a day and where it comes from. */
export interface DayDuty {
  /** "clock": the crew's clock-ins; "derived": the shift plan, confirmed by the terminal reporting. */
  source: 'clock' | 'derived';
  intervals: Interval[];
}

/** What dutyOfDay reads; pass clockEvents (even empty) for a crew that clocks in. */
export interface DutyInput {
  date: string;
  calendar: WorkingCalendar;
  plan?: ShiftPlan;
  /** The asset's fixes around the date, for derived duty. */
  fixes?: readonly TrackFix[];
  /** The crew's clock events from the date's start onwards (the morning after too, for night shifts). */
  clockEvents?: readonly ClockEvent[];
  /** Where duty still open at the last clock-in ends: the present, or the day's end (the default). */
  openUntil?: number;
}

/**
 * The duty of an asset on a local date (on duty 上班 / off duty 下班).
 *
 * - **clock** (the crew clocks in): from the first clock-in during the date to the last clock-out
 *   after it, across all crew members; while someone is still clocked in (the latest event is a
 *   clock-in), to `openUntil`. No clock-in that day, no duty.
 * - **derived** (terminals only): the plan's shifts that begin on the date (shiftsOn), from start
 *   to end, when the terminal sent a usable fix during one of them; otherwise none — a boat that
 *   never reported was not seen on duty.
 */
export function dutyOfDay(input: DutyInput): DayDuty {
  const window = localDayWindow(input.date, input.calendar.utcOffsetMs);
  if (input.clockEvents) {
    const events = [...input.clockEvents].sort((a, b) => a.at - b.at);
    const first = events.find((e) => e.kind === 'in' && e.at >= window.from && e.at < window.to);
    if (!first) return { source: 'clock', intervals: [] };
    const after = events.filter((e) => e.at >= first.at);
    const latest = after.at(-1) as ClockEvent;
    const to = latest.kind === 'out' ? latest.at : Math.max(first.at, input.openUntil ?? window.to);
    return { source: 'clock', intervals: [{ from: first.at, to }] };
  }
  const shifts = input.plan ? shiftsOn(input.plan, input.date, input.calendar) : [];
  const reported = (input.fixes ?? []).some(
    (f) => isUsableFix(f) && shifts.some((s) => f.time >= s.from && f.time < s.to),
  );
  return { source: 'derived', intervals: reported ? shifts : [] };
}
