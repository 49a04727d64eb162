/** The console shows every time in the subdistrict's zone, whatever the browser's own zone is. */
export const TIME_ZONE = 'Asia/Shanghai';

const DAY_MS = 86_400_000;
// China has kept UTC+8 without daylight saving since 1991, so a day's bounds are a fixed offset.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(instant: string | number | Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of formatter.formatToParts(new Date(instant))) out[part.type] = part.value;
  return out;
}

/** `2026-03-02 09:00:00` for an ISO UTC instant; an em dash when there is none. */
export function formatDateTime(instant: string | number | null | undefined): string {
  if (instant === null || instant === undefined || Number.isNaN(new Date(instant).getTime())) return '—';
  const p = parts(instant);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** `09:00:00` in Asia/Shanghai. */
export function formatTime(instant: string | number): string {
  const p = parts(instant);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** The Asia/Shanghai calendar day of an instant, as `YYYY-MM-DD`. */
export function shanghaiDay(instant: string | number | Date): string {
  const p = parts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The first and last millisecond of a Shanghai calendar day, as ISO UTC (what the API takes). */
export function shanghaiDayRange(day: string): { from: string; to: string } {
  const [y, m, d] = day.split('-').map(Number);
  const start = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) - SHANGHAI_OFFSET_MS;
  return { from: new Date(start).toISOString(), to: new Date(start + DAY_MS - 1).toISOString() };
}
