import type { DutyDay } from '../../api/duty.ts';
import type { OrderStatus } from '../../api/orders.ts';
import type { Device } from '../../api/types.ts';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
// China keeps UTC+8 all year: Beijing days and weeks are fixed offsets from UTC.
const BEIJING_MS = 8 * 3_600_000;

/** Orders still in the flow: reported and not yet rejected, voided, merged or closed. */
export const OPEN_STATUSES: readonly OrderStatus[] = [
  'reported',
  'registered',
  'dispatched',
  'signed',
  'handling',
  'handled',
  'verified',
];

/** The start of the Beijing day holding `now` (ms). */
export function beijingDayStart(now: number): number {
  return Math.floor((now + BEIJING_MS) / DAY_MS) * DAY_MS - BEIJING_MS;
}

/** A period [from, to) as ISO instants, and its label (the Monday, MM-DD). */
export interface WeekPeriod {
  from: string;
  to: string;
  label: string;
}

/**
 * The last `count` Beijing weeks (Monday to Monday) up to `now`, oldest first; the current week
 * runs to `now`. One indicators request each keeps the 12-week chart at 12 requests.
 */
export function lastWeeks(now: number, count: number): WeekPeriod[] {
  const today = beijingDayStart(now);
  // 1 January 1970 was a Thursday: (days + 3) % 7 is 0 on a Monday.
  const days = Math.round((today + BEIJING_MS) / DAY_MS);
  const monday = today - ((days + 3) % 7) * DAY_MS;
  return Array.from({ length: count }, (_, i) => {
    const from = monday - (count - 1 - i) * WEEK_MS;
    const to = Math.min(from + WEEK_MS, now);
    const local = new Date(from + BEIJING_MS);
    const label = `${String(local.getUTCMonth() + 1).padStart(2, '0')}-${String(local.getUTCDate()).padStart(2, '0')}`;
    return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), label };
  });
}

/** Boats with at least one terminal online now: the boats out (出船). */
export function boatsOut(
  devices: readonly Pick<Device, 'assetId' | 'status'>[],
  boatIds: ReadonlySet<string>,
) {
  const out = new Set<string>();
  for (const d of devices)
    if (d.status === 'online' && d.assetId && boatIds.has(d.assetId)) out.add(d.assetId);
  return out.size;
}

/** Boats whose duty today (clocked in, or by their shift) covers `now`. */
export function boatsOnDuty(duty: Pick<DutyDay, 'boats'>, now: number): number {
  return duty.boats.filter((b) =>
    b.intervals.some((i) => Date.parse(i.from) <= now && now <= Date.parse(i.to)),
  ).length;
}

/** A rate as the dashboard shows it: `87.5%`, or an em dash without cases. */
export function ratePercent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}
