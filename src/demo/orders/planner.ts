// The demo's story planner: the places and people the stories are told about, and how each
// story is fitted to the demo's clock (report times in the reporter's hours, lights showing now).
// Pure: the world, the PRNG and the id maker come in. The stories themselves: order-stories.ts.
import type { WorkingCalendar } from '../../domain/calendar/calendar.ts';
import type { TrafficLight } from '../../domain/calendar/time-limit.ts';
import { addWorkingMs } from '../../domain/calendar/working-time.ts';
import { categoryCode } from '../../domain/workorder/code.ts';
import type { OrderSource, Satisfaction } from '../../domain/workorder/dictionary.ts';
import type { Actor } from '../../domain/workorder/model.ts';
import { orderLight } from '../../domain/workorder/overdue.ts';
import { DEPARTMENT_KEYWORDS, type DepartmentKey } from '../../services/categories/index.ts';
import type { Category } from '../../store/categories.repository.ts';
import type { Unit } from '../../store/units.repository.ts';
import { DEMO_CONTRACTOR } from '../organisations.ts';
import { DEMO_SEGMENTS } from '../segments.ts';
import {
  between,
  DAY_MS,
  dutyActor,
  type Follower,
  HOUR_MS,
  MINUTE_MS,
  type OrderPlace,
  type OrderRun,
  type OrderWorld,
  type Placed,
  photoFor,
  pick,
  placeAt,
  placeIn,
  resolveTimes,
  runOrder,
  type SeededOrder,
  seededOrder,
  type TimedStep,
} from './flow.ts';
import { OrderScript } from './script.ts';
import { addressFor, CATEGORY_TEXTS, GENERIC_TEXT, reportText } from './texts.ts';

/** How far back the demo's orders reach. */
export const DEMO_ORDER_DAYS = 30;

/** Where an order lies: the grid worker's own grid, their community, the workstation's grid area, a river, anywhere. */
export type Where = 'home' | 'homeCommunity' | 'area' | 'any' | { river: number } | Placed;

/** When a story may be reported: no later than `from`; with a light, one that shows it now. */
interface Target {
  from: number;
  light?: TrafficLight;
  /** For red: overdue by at least this long now. */
  overdueMs?: number;
  /** Report some way into the source's hours rather than at their end (spreads reports over the day). */
  spread?: boolean;
  /** For green: how far (0..1) into its time limit's days the order may already be. */
  greenDays?: number;
}

/** A story fitted to the clock: its report time, its steps, and who follows it. */
export interface Fitted {
  id: string;
  script: OrderScript;
  reportAt: number;
  steps: TimedStep[];
  followers: Follower[];
}

const STEP_MS = 15 * MINUTE_MS;

/** Whether an instant lies in working time on the calendar. */
function isWorkingInstant(calendar: WorkingCalendar, t: number): boolean {
  return addWorkingMs(calendar, t, 1) === t + 1;
}

/** Whether a source reports at this hour: apps day and night, the hotline from 7:00, residents by day, staff in office hours. */
function reportsAt(source: OrderSource, calendar: WorkingCalendar, t: number): boolean {
  if (source === 'open311' || source === 'alert') return true;
  const hour = new Date(t + calendar.utcOffsetMs).getUTCHours();
  if (source === 'hotline') return hour >= 7;
  if (source === 'resident') return hour >= 7 && hour < 23;
  return isWorkingInstant(calendar, t);
}

/** The places and people the stories are told about. */
export class Planner {
  readonly fitted: Fitted[] = [];
  readonly home: OrderPlace;
  readonly homeCommunity: OrderPlace[];
  readonly area: OrderPlace[];
  readonly departments: Record<DepartmentKey, Unit>;
  readonly contractor: Unit;

  constructor(
    readonly w: OrderWorld,
    readonly random: () => number,
    readonly ids: (at: number) => string,
    readonly open311Reporter: Actor | undefined,
  ) {
    // The demo grid worker's grid (their community and grid area follow), or the first grid.
    const gridWorker = [...w.people.values()].find((a) => a.role === 'gridWorker');
    const home = w.grids.find((g) => g.grid.id === gridWorker?.unitId) ?? w.grids[0];
    if (!home) throw new Error('the demo world has no grids');
    this.home = home;
    this.homeCommunity = w.grids.filter((g) => g.community.id === home.community.id);
    this.area = w.grids.filter((g) => g.community.parentId === home.community.parentId);
    const departments = w.units.filter((u) => u.kind === 'department');
    const entries = Object.entries(DEPARTMENT_KEYWORDS).map(([key, word]) => {
      const unit = departments.find((d) => d.name.includes(word));
      if (!unit) throw new Error(`the demo world has no department for ${word}`);
      return [key, unit];
    });
    this.departments = Object.fromEntries(entries) as Record<DepartmentKey, Unit>;
    const contractor = w.units.find((u) => u.code === DEMO_CONTRACTOR.code);
    if (!contractor) throw new Error('the demo world has no river-cleaning contractor');
    this.contractor = contractor;
  }

  category(code: string): Category {
    const c = this.w.categories.find((k) => categoryCode(k.type, k.majorCode, k.minorCode) === code);
    if (!c) throw new Error(`the dictionary has no category ${code}`);
    return c;
  }

  /** A position on a demo river (some way along one of its reaches) that lies in a grid. */
  private onRiver(index: number): { place: Placed; river: string } {
    const segment = DEMO_SEGMENTS[index % DEMO_SEGMENTS.length];
    if (!segment) throw new Error('the demo world has no river segments');
    const line = segment.geometry.coordinates;
    for (let tries = 0; tries < 20; tries++) {
      const i = Math.floor(this.random() * (line.length - 1));
      const [a, b] = [line[i], line[i + 1]];
      if (!a || !b) continue;
      const f = between(0.2, 0.8, this.random);
      const place = placeAt(this.w, a[1] + (b[1] - a[1]) * f, a[0] + (b[0] - a[0]) * f);
      if (place) return { place, river: segment.name };
    }
    throw new Error(`no point of ${segment.name} lies in a grid`);
  }

  place(where: Where): { place: Placed; river?: string } {
    if (typeof where === 'object' && 'river' in where) return this.onRiver(where.river);
    if (typeof where === 'object') return { place: where };
    const from =
      where === 'home'
        ? [this.home]
        : where === 'homeCommunity'
          ? this.homeCommunity
          : where === 'area'
            ? this.area
            : this.w.grids;
    return { place: placeIn(pick(from, this.random), this.random) };
  }

  /** Who reports from this source at this place. */
  reporter(source: OrderSource, place: Placed): Actor {
    switch (source) {
      case 'hotline':
      case 'alert':
        return this.w.operator;
      case 'open311':
        return this.open311Reporter ?? this.w.operator;
      case 'resident':
        return (
          this.w.people.get(`${place.community.id}/resident`) ?? {
            userId: `resident:${place.community.code}-${1 + Math.floor(this.random() * 60)}`,
            role: 'resident',
            unitId: place.community.id,
          }
        );
      case 'gridWorker':
        return dutyActor(this.w, place.grid);
      case 'community':
        return dutyActor(this.w, place.community);
      case 'patrol':
        return dutyActor(this.w, this.departments.cityManagement);
    }
  }

  /** A new story: the problem of a category reported from a source at a place. */
  order(
    code: string,
    source: OrderSource,
    where: Where = 'any',
    options: { reporter?: Actor; same?: OrderScript } = {},
  ): OrderScript {
    const category = this.category(code);
    const text = CATEGORY_TEXTS[code] ?? GENERIC_TEXT;
    const same = options.same?.spec;
    const located = same ? { place: same.place } : this.place(where);
    const reporter = options.reporter ?? this.reporter(source, located.place);
    const problem = pick(text.problems, this.random);
    const photo = source !== 'hotline' && this.random() < 0.85;
    return new OrderScript(this.w, this.random, {
      category,
      place: located.place,
      source,
      reporter,
      description: reportText(source, problem, reporter.role === 'crew'),
      address:
        same?.address ?? addressFor(text.where, located.place.community.name, this.random, located.river),
      photos: photo ? photoFor(this.w, 'before', text.where === 'river') : [],
    });
  }

  /** How the centre hears back: mostly satisfied, as return visits go. */
  satisfaction(): Satisfaction {
    const r = this.random();
    return r < 0.72 ? 'satisfied' : r < 0.92 ? 'basicallySatisfied' : 'dissatisfied';
  }

  /** The return visit: a demo resident rates their own report, the centre calls everyone else back. */
  visit(s: OrderScript, satisfaction = this.satisfaction()): OrderScript {
    const own = s.spec.reporter.role === 'resident' && !s.spec.reporter.userId.startsWith('resident:');
    return s.visit(satisfaction, satisfaction !== 'dissatisfied', own);
  }

  /** Reported no later than min..max hours ago. */
  ago(minHours: number, maxHours: number): Target {
    return { from: this.w.now - between(minHours, maxHours, this.random) * HOUR_MS, spread: true };
  }

  /**
   * In a unit's hands now with this light (red: overdue by min..max hours). A green order with
   * days to go may have been dispatched days ago; one with hours, only just.
   */
  light(light: TrafficLight, overdueHours: [number, number] = [1, 30]): Target {
    const from = this.w.now - between(0, 1, this.random) * HOUR_MS;
    const overdueMs = between(overdueHours[0], overdueHours[1], this.random) * HOUR_MS;
    return { from, light, overdueMs, ...(light === 'green' && { greenDays: this.random() }) };
  }

  private run(id: string, script: OrderScript, reportAt: number, steps: TimedStep[]): OrderRun {
    return runOrder(script.start(id, reportAt), steps, this.w);
  }

  /**
   * Fits the story to the clock: the latest report time, stepping back from `target.from`,
   * at which its source reports, its last step is done before now and, if asked, its light
   * now is the one wanted. Without any time giving that light (a calendar where it cannot
   * happen), the latest that fits is kept.
   */
  fit(script: OrderScript, target: Target): Fitted {
    const limit = script.spec.category.timeLimit;
    if (target.greenDays !== undefined && limit.unit === 'days') {
      // Green for days: start some way back, or from now if nothing there is green any more.
      const from = target.from - target.greenDays * limit.amount * DAY_MS;
      const found = this.fitAt(script, { ...target, from });
      if (found?.matched) return this.keep(script, found);
    }
    const found = this.fitAt(script, target);
    if (!found) {
      const what = script.spec.category.minorName;
      throw new Error(`no time in the last ${DEMO_ORDER_DAYS} days fits a ${what} story`);
    }
    return this.keep(script, found);
  }

  /** The latest fitting report time for one target, and whether it shows the light asked for. */
  private fitAt(
    script: OrderScript,
    target: Target,
  ): { reportAt: number; steps: TimedStep[]; matched: boolean } | undefined {
    const { now, calendar } = this.w;
    const earliest = now - (DEMO_ORDER_DAYS + 1) * DAY_MS;
    let fallback: { reportAt: number; steps: TimedStep[] } | undefined;
    let spread = target.spread === true;
    for (
      let reportAt = Math.floor(Math.min(target.from, now - MINUTE_MS));
      reportAt > earliest;
      reportAt -= STEP_MS
    ) {
      if (!reportsAt(script.spec.source, calendar, reportAt)) continue;
      if (spread) {
        // Stepping back from out of hours lands at closing time: go some way into the hours instead.
        spread = false;
        const back = reportAt - Math.floor(this.random() * 24) * STEP_MS;
        if (reportsAt(script.spec.source, calendar, back) && back > earliest) reportAt = back;
      }
      const steps = resolveTimes(calendar, reportAt, script.drafts);
      if ((steps.at(-1)?.at ?? reportAt) >= now - MINUTE_MS) continue;
      if (target.light === undefined) return { reportAt, steps, matched: true };
      fallback ??= { reportAt, steps };
      const state = this.run('fitting', script, reportAt, steps).state;
      if (orderLight(state, now, { calendar }) !== target.light) continue;
      if (target.light === 'red' && now - (state.deadline ?? now) < (target.overdueMs ?? 0)) continue;
      return { reportAt, steps, matched: true };
    }
    return fallback && { ...fallback, matched: false };
  }

  private keep(script: OrderScript, found: { reportAt: number; steps: TimedStep[] }): Fitted {
    const fitted: Fitted = {
      id: this.ids(found.reportAt),
      script,
      reportAt: found.reportAt,
      steps: found.steps,
      followers: [{ userId: script.spec.reporter.userId, since: found.reportAt }],
    };
    this.fitted.push(fitted);
    return fitted;
  }

  /**
   * A duplicate of the survivor's problem, reported some hours after the survivor was
   * dispatched and merged into it (合并) by the centre: the survivor's timeline records the
   * merge, and the duplicate's reporter follows it from then on.
   */
  duplicate(survivor: Fitted, source: OrderSource, options: { reporter?: Actor } = {}): Fitted {
    const c = survivor.script.spec.category;
    const dup = this.order(categoryCode(c.type, c.majorCode, c.minorCode), source, 'any', {
      ...options,
      same: survivor.script,
    });
    dup.mergeInto(survivor.id);
    const dispatched = survivor.steps.find((s) => s.action?.type === 'dispatch')?.at ?? survivor.reportAt;
    const from = Math.max(
      survivor.reportAt + 20 * MINUTE_MS,
      Math.min(dispatched + between(1, 5, this.random) * HOUR_MS, this.w.now - 90 * MINUTE_MS),
    );
    const fitted = this.fit(dup, { from });
    const merge = fitted.steps.find((s) => s.action?.type === 'merge');
    if (!merge) throw new Error('the duplicate has no merge');
    survivor.steps = [...survivor.steps, { at: merge.at, actor: merge.actor, absorb: fitted.id }].sort(
      (a, b) => a.at - b.at,
    );
    survivor.followers.push({ userId: dup.spec.reporter.userId, since: merge.at });
    return fitted;
  }

  /** The stories run for good, with their ids, as records for the repositories. */
  finish(): SeededOrder[] {
    return this.fitted
      .map((f) => {
        const run = this.run(f.id, f.script, f.reportAt, f.steps);
        return seededOrder(f.script.details(f.id), run, this.w, f.followers);
      })
      .sort((a, b) => a.order.createdAt - b.order.createdAt);
  }
}
