import { useCallback, useEffect, useState } from 'react';
import { fetchAlerts } from '../../api/alerts.ts';
import { fetchCategories } from '../../api/categories.ts';
import { fetchDuty } from '../../api/duty.ts';
import { fetchDevices } from '../../api/fleet.ts';
import { fetchIndicators, fetchRankings, type Rankings } from '../../api/indicators.ts';
import { countOrders, ORDER_SOURCES, type OrderSource } from '../../api/orders.ts';
import { fetchProgress, type Progress } from '../../api/progress.ts';
import { fetchTasks, type Task } from '../../api/tasks.ts';
import { fetchBoats } from '../../api/tracks.ts';
import { fetchUnits } from '../../api/units.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { useLive } from '../../live/LiveProvider.tsx';
import { beijingDayStart, boatsOnDuty, boatsOut, lastWeeks, OPEN_STATUSES } from './model.ts';

const DAY_MS = 86_400_000;
/** Order events arrive in bursts (a dispatch with sub-tasks, the demo's script): one refresh per pause. */
const REFRESH_AFTER_MS = 2000;
/** The boats' figures change without order events: refreshed on this beat as well. */
const POLL_MS = 60_000;

/** Today's headline figures, each as the API answers it (see docs/CONSOLE.md#dashboard). */
export interface Headline {
  /** The server's now, from the indicators' `asOf`: every "today" and "this month" is its. */
  now: number;
  open: number;
  overdue: number;
  closedToday: number;
  closureRate: number | null;
  onTimeClosureRate: number | null;
  registered: number;
  boatsOut: number | null;
  boats: number | null;
  onDuty: number | null;
  /** Alerts not yet resolved (open or acknowledged); null for a role that does not read alerts. */
  alerts: number | null;
  /** More than the 500 a status the count reads. */
  alertsMore: boolean;
}

/** Alerts open or acknowledged in the caller's scope, or null where the role reads none. */
async function unresolvedAlerts(): Promise<{ count: number; more: boolean } | null> {
  try {
    const [open, acknowledged] = await Promise.all([
      fetchAlerts({ status: 'open', limit: 500 }),
      fetchAlerts({ status: 'acknowledged', limit: 500 }),
    ]);
    return {
      count: open.items.length + acknowledged.items.length,
      more: Boolean(open.nextCursor || acknowledged.nextCursor),
    };
  } catch {
    return null;
  }
}

async function headline(signal: AbortSignal): Promise<Headline> {
  const month = await fetchIndicators({}, signal);
  const now = Date.parse(month.period.asOf);
  const today = new Date(beijingDayStart(now)).toISOString();
  // The boats are the fleet's readers' only: a role without them shows dashes.
  const fleet = Promise.all([fetchDevices(signal), fetchBoats(signal), fetchDuty(undefined, signal)]).catch(
    () => null,
  );
  const [open, overdue, closedToday, boats, alerts] = await Promise.all([
    countOrders({ status: OPEN_STATUSES.join(',') }, signal),
    countOrders({ overdue: true }, signal),
    countOrders({ status: 'closed', closedFrom: today }, signal),
    fleet,
    unresolvedAlerts(),
  ]);
  const boatIds = new Set((boats?.[1] ?? []).map((b) => b.id));
  return {
    now,
    open,
    overdue,
    closedToday,
    closureRate: month.indicators.closureRate,
    onTimeClosureRate: month.indicators.onTimeClosureRate,
    registered: month.indicators.registered,
    boatsOut: boats ? boatsOut(boats[0], boatIds) : null,
    boats: boats ? boatIds.size : null,
    onDuty: boats ? boatsOnDuty(boats[2], now) : null,
    alerts: alerts ? alerts.count : null,
    alertsMore: alerts?.more ?? false,
  };
}

/** One point of the 12-week chart. */
export interface WeekRates {
  label: string;
  closureRate: number | null;
  onTimeClosureRate: number | null;
}

async function weeklyRates(now: number, signal: AbortSignal): Promise<WeekRates[]> {
  return Promise.all(
    lastWeeks(now, 12).map(async (w) => {
      const { indicators } = await fetchIndicators({ from: w.from, to: w.to }, signal);
      return {
        label: w.label,
        closureRate: indicators.closureRate,
        onTimeClosureRate: indicators.onTimeClosureRate,
      };
    }),
  );
}

/** Orders reported in the last 30 days by category (major class) and by source. */
export interface Breakdown {
  byCategory: { name: string; count: number }[];
  bySource: { source: OrderSource; count: number }[];
}

async function breakdown(now: number, signal: AbortSignal): Promise<Breakdown> {
  const createdFrom = new Date(beijingDayStart(now) - 29 * DAY_MS).toISOString();
  const categories = await fetchCategories(signal);
  const majors = new Map<string, { name: string; ids: string[] }>();
  for (const c of categories) {
    const key = `${c.type}:${c.majorCode}`;
    const major = majors.get(key) ?? { name: c.majorName, ids: [] };
    major.ids.push(c.id);
    majors.set(key, major);
  }
  // One count per major class and per source: a dozen or two requests, whatever the orders.
  const [byCategory, bySource] = await Promise.all([
    Promise.all(
      [...majors.values()].map(async (m) => ({
        name: m.name,
        count: await countOrders({ categoryId: m.ids.join(','), createdFrom }, signal),
      })),
    ),
    Promise.all(
      ORDER_SOURCES.map(async (source) => ({
        source,
        count: await countOrders({ source, createdFrom }, signal),
      })),
    ),
  ]);
  return {
    byCategory: byCategory.filter((c) => c.count > 0).sort((a, b) => b.count - a.count),
    bySource: bySource.filter((s) => s.count > 0).sort((a, b) => b.count - a.count),
  };
}

/** The charts' figures, loaded together once the headline has given the server's time. */
export interface Charts {
  weeks: WeekRates[];
  breakdown: Breakdown;
  rankings: Rankings;
  progress: Progress;
  /** Red key tasks (overdue, or a milestone late), by deadline, with their owner units' names. */
  redTasks: { task: Task; unitName: string }[];
}

/** The red key tasks with their owner units' names; none for a role that reads no tasks. */
async function redTasks(signal: AbortSignal): Promise<Charts['redTasks']> {
  try {
    const [tasks, units] = await Promise.all([fetchTasks({ red: true }, signal), fetchUnits(signal, false)]);
    const names = new Map(units.map((u) => [u.id, u.name]));
    return tasks.map((task) => ({ task, unitName: names.get(task.ownerUnitId) ?? '' }));
  } catch (error) {
    if (signal.aborted) throw error;
    return [];
  }
}

async function charts(now: number, signal: AbortSignal): Promise<Charts> {
  const [weeks, parts, rankings, progress, red] = await Promise.all([
    weeklyRates(now, signal),
    breakdown(now, signal),
    fetchRankings('community', signal),
    fetchProgress(undefined, signal),
    redTasks(signal),
  ]);
  return { weeks, breakdown: parts, rankings, progress, redTasks: red };
}

/**
 * Everything the dashboard shows, loaded again a moment after order events on the live feed and
 * every minute. The headline comes first; the charts follow from its server time, about thirty
 * requests in all whatever the number of orders.
 */
export function useDashboard() {
  const { ordersVersion } = useLive();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (ordersVersion === 0) return;
    const timer = setTimeout(() => setVersion((v) => v + 1), REFRESH_AFTER_MS);
    return () => clearTimeout(timer);
  }, [ordersVersion]);
  useEffect(() => {
    const timer = setInterval(() => setVersion((v) => v + 1), POLL_MS);
    return () => clearInterval(timer);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version asks for a fresh load
  const head = useAsync(useCallback((signal: AbortSignal) => headline(signal), [version]));
  const loaded = head.data;
  // Each new headline (a new object) brings the charts along.
  const chart = useAsync(
    useCallback(
      (signal: AbortSignal) => (loaded ? charts(loaded.now, signal) : new Promise<never>(() => {})),
      [loaded],
    ),
  );
  return { head, charts: chart };
}
