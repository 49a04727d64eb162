// Daily duty shifts (上班/下班) in China Standard Time: boats report only inside their shift.

const MINUTE = 60_000;
const DAY = 86_400_000;
/** China Standard Time, GMT+8 all year (no daylight saving). */
const CST_OFFSET = 8 * 3_600_000;

/** A shift that repeats every day: starts `startMinute` minutes after local midnight, lasts `lengthMinutes`. */
export interface Shift {
  startMinute: number;
  lengthMinutes: number;
}

/** One occurrence of a shift: UTC epoch ms bounds and the local day number it started on. */
export interface ShiftWindow {
  start: number;
  end: number;
  day: number;
}

/** Parses "06:30-17:30" (local time; an end before the start crosses midnight). Throws with the reason. */
export function parseShift(text: string): Shift {
  const match = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) throw new RangeError(`shift "${text}" is not HH:MM-HH:MM`);
  const [h0, m0, h1, m1] = match.slice(1).map(Number) as [number, number, number, number];
  if (h0 > 23 || h1 > 23 || m0 > 59 || m1 > 59)
    throw new RangeError(`shift "${text}" has an impossible time`);
  const start = h0 * 60 + m0;
  const length = (h1 * 60 + m1 - start + 1440) % 1440;
  if (length === 0) throw new RangeError(`shift "${text}" starts and ends at the same time`);
  return { startMinute: start, lengthMinutes: length };
}

/** A shift of `lengthMinutes` that began `minutesAgo` before `now`: the simulator's default, live at once. */
export function shiftStartedAgo(now: number, minutesAgo: number, lengthMinutes: number): Shift {
  const localMinute = ((((now + CST_OFFSET) % DAY) + DAY) % DAY) / MINUTE;
  return { startMinute: (localMinute - minutesAgo + 1440) % 1440, lengthMinutes };
}

/** The shift occurrence containing `t`, or undefined when `t` is off duty. */
export function shiftWindowAt(shift: Shift, t: number): ShiftWindow | undefined {
  const today = Math.floor((t + CST_OFFSET) / DAY);
  // A shift that crosses midnight may have started yesterday.
  for (const day of [today, today - 1]) {
    const start = day * DAY - CST_OFFSET + shift.startMinute * MINUTE;
    const end = start + shift.lengthMinutes * MINUTE;
    if (t >= start && t < end) return { start, end, day };
  }
  return undefined;
}

/**
 * The simulator's daily shift from a stored weekly plan (the demo's: the same shift every day):
 * the entry for the local weekday of `now`, or undefined without one. So a restarted demo drives
 * its boats on the plan it seeded, not on a shift anchored at the restart.
 */
export function shiftOfWeekly(
  weekly: readonly { weekday: number; start: string; end: string }[],
  now: number,
): Shift | undefined {
  const localDay = Math.floor((now + CST_OFFSET) / DAY);
  // 1970-01-01 was a Thursday (ISO weekday 4).
  const weekday = ((((localDay + 3) % 7) + 7) % 7) + 1;
  const entry = weekly.find((w) => w.weekday === weekday);
  return entry ? parseShift(`${entry.start}-${entry.end}`) : undefined;
}
