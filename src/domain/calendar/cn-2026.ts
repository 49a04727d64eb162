import { type CalendarYear, createCalendar, type WorkingCalendar } from './calendar.ts';
// Not under data/: the repository's .gitignore drops every folder of that name (the SQLite data dir).
import raw from './holidays/calendar-cn-2026.json' with { type: 'json' };
import { parseCalendarYear } from './parse.ts';

/**
 * The State Council's 2026 holiday arrangement, bundled with the code so that nothing reads
 * ../shared at run time. It is the seed; operators add later years through the API.
 */
export const CALENDAR_CN_2026: CalendarYear = parseCalendarYear(raw);

/** The default calendar (08:30–12:00, 13:30–17:30 Beijing time, weekends off) with 2026 loaded. */
export function defaultCalendar(): WorkingCalendar {
  return createCalendar({ years: [CALENDAR_CN_2026] });
}
