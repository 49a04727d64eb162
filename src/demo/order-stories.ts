// The demo's work orders: about a hundred stories over the last month, in every state of the
// flow, told by the people and units of 娄江街道 and fitted to the demo's clock so that some
// are due soon (yellow) or overdue (red) right now. Pure: the world, the PRNG and the id maker
// come in; the orders come out ready for the repositories (orders.ts writes them).
import type { WorkingCalendar } from '../domain/calendar/calendar.ts';
import type { TrafficLight } from '../domain/calendar/time-limit.ts';
import { addWorkingMs } from '../domain/calendar/working-time.ts';
import { categoryCode } from '../domain/workorder/code.ts';
import type { OrderSource } from '../domain/workorder/dictionary.ts';
import type { Actor, Satisfaction } from '../domain/workorder/model.ts';
import { orderLight } from '../domain/workorder/overdue.ts';
import { DEPARTMENT_KEYWORDS, type DepartmentKey } from '../services/default-categories.ts';
import type { Category } from '../store/categories.repository.ts';
import type { Unit } from '../store/units.repository.ts';
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
} from './order-flow.ts';
import { OrderScript } from './order-script.ts';
import { addressFor, CATEGORY_TEXTS, GENERIC_TEXT, NOTES, reportText } from './order-texts.ts';
import { DEMO_CONTRACTOR } from './organisations.ts';
import { DEMO_SEGMENTS } from './segments.ts';

/** How far back the demo's orders reach. */
export const DEMO_ORDER_DAYS = 30;

/** Where an order lies: the grid worker's own grid, their community, the workstation's grid area, a river, anywhere. */
type Where = 'home' | 'homeCommunity' | 'area' | 'any' | { river: number } | Placed;

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
interface Fitted {
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
class Planner {
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

/**
 * The demo's orders: what a subdistrict's month of work looks like. Most are closed and visited
 * (mostly satisfied); some closed late, after rework, after a return (退单) or an escalation up
 * the grid; duplicates merged; a few rejected or voided; grid workers fixing small things on the
 * spot; long-term cases parked (挂账); and today's work in every state, green, yellow and red,
 * with extension requests, supervision (督办) and a collaboration with sub-tasks (the
 * overhanging branches over power lines). River rubbish lies on the demo rivers and goes to the
 * river-cleaning contractor, whose crew reports and handles it.
 */
export function planDemoOrders(
  w: OrderWorld,
  random: () => number,
  ids: (at: number) => string,
  options: { open311Reporter?: Actor } = {},
): SeededOrder[] {
  const p = new Planner(w, random, ids, options.open311Reporter);
  const { greening, power, cityManagement: city, lawEnforcement: law, water } = p.departments;
  const contractor = p.contractor;
  const crew = dutyActor(w, contractor);
  const month = 27 * 24;
  const twoDays = { amount: 2, unit: 'days' } as const;
  const fourHours = { amount: 4, unit: 'hours' } as const;

  // A month of closed orders, visited by the centre (or rated by the demo resident).
  const closed: [string, OrderSource, Where][] = [
    ['E0101', 'hotline', 'any'],
    ['C0101', 'open311', 'any'],
    ['E0501', 'hotline', 'any'],
    ['C0105', 'resident', 'homeCommunity'],
    ['E0106', 'open311', 'any'],
    ['C0201', 'hotline', 'area'],
    ['C0302', 'resident', 'any'],
    ['E0201', 'hotline', 'any'],
    ['E0401', 'hotline', 'any'],
    ['E0403', 'open311', 'homeCommunity'],
    ['E0503', 'hotline', 'any'],
    ['C0301', 'open311', 'area'],
    ['E0302', 'hotline', 'any'],
    ['C0404', 'resident', 'any'],
    ['E0101', 'open311', 'area'],
    ['E0504', 'hotline', 'any'],
    ['C0101', 'hotline', 'any'],
    ['E0602', 'hotline', 'any'],
    ['E0601', 'resident', 'any'],
    ['E0502', 'open311', 'any'],
    ['E0103', 'hotline', 'any'],
    ['C0102', 'hotline', 'any'],
    ['E0505', 'hotline', 'any'],
    ['C0103', 'open311', 'any'],
    ['E0402', 'hotline', 'area'],
    ['E0105', 'resident', 'any'],
    ['C0402', 'hotline', 'any'],
    ['E0303', 'open311', 'any'],
    ['E0602', 'resident', 'homeCommunity'],
  ];
  for (const [code, source, where] of closed) {
    p.fit(p.visit(p.order(code, source, where).mainLine()), p.ago(36, month));
  }
  // A city-management patrol finds street trading; the centre gives it back to them.
  p.fit(p.order('E0501', 'patrol', 'any').mainLine({ unit: city }), p.ago(30, month));

  // River rubbish on the demo rivers: the crews find it, the contractor cleans it up.
  for (const river of [0, 2, 5]) {
    p.fit(
      p.order('E0104', 'patrol', { river }, { reporter: crew }).mainLine({ unit: contractor }),
      p.ago(20, month),
    );
  }
  p.fit(p.visit(p.order('E0104', 'resident', { river: 1 }).mainLine({ unit: contractor })), p.ago(30, month));
  p.fit(
    p
      .order('E0104', 'patrol', { river: 3 }, { reporter: crew })
      .register()
      .dispatch(contractor)
      .sign()
      .handle()
      .feedback(),
    p.ago(1, 20),
  );
  p.fit(p.order('E0104', 'hotline', { river: 4 }).register().dispatch(contractor), p.light('yellow'));

  // Closed late: the time limit ran out in the unit's hands (automatic supervision), then done.
  for (const code of ['E0101', 'C0101', 'E0502', 'C0302']) {
    p.fit(
      p.visit(p.order(code, 'hotline', 'any').mainLine({ share: between(1.2, 1.8, random) })),
      p.ago(48, month),
    );
  }

  // Rework (返工): a failed check sends it back to the same unit.
  for (const code of ['E0101', 'E0601', 'C0101']) {
    const s = p.order(code, 'hotline', 'any').register().dispatch().sign().handle().feedback().verify(false);
    p.fit(p.visit(s.feedback(0.2).verify().close()), p.ago(48, month));
  }
  p.fit(
    p.order('E0102', 'open311', 'area').register().dispatch().sign().handle().feedback().verify(false),
    p.ago(8, 60),
  );

  // Reopened (重办): the resident was not satisfied, the centre dispatches it again.
  p.fit(
    p
      .order('E0403', 'hotline', 'any')
      .mainLine()
      .visit('dissatisfied', false)
      .reopen()
      .dispatch()
      .sign()
      .handle(),
    p.light('green'),
  );

  // Returned (退单): dispatched to the wrong unit and sent back; two still wait, two went on.
  p.fit(p.order('C0404', 'hotline', 'any').register().dispatch(city).giveBack(), p.ago(1, 3));
  p.fit(p.order('E0106', 'open311', 'any').register().dispatch(water).sign().giveBack(), p.ago(1, 5));
  p.fit(
    p.visit(
      p.order('C0301', 'hotline', 'area').register().dispatch(greening).sign().giveBack().mainLineFrom(city),
    ),
    p.ago(48, month),
  );
  p.fit(
    p.visit(p.order('C0402', 'hotline', 'any').register().dispatch(city).giveBack().mainLineFrom(greening)),
    p.ago(48, month),
  );

  // Escalated up the grid: community → linkage workstation (→ subdistrict centre).
  p.fit(p.order('C0103', 'gridWorker', 'area').escalate(), p.ago(4, 40));
  p.fit(p.order('E0301', 'gridWorker', 'area').escalate().mainLine({ unit: law }), p.ago(48, month));
  p.fit(p.order('E0501', 'community', 'area').escalate().mainLine({ unit: city }), p.ago(48, month));
  p.fit(
    p.order('E0403', 'gridWorker', 'any').escalate().escalate().mainLine({ unit: water }),
    p.ago(48, month),
  );
  p.fit(
    p.order('C0201', 'gridWorker', 'home').escalate().escalate().register().dispatch(city).sign().handle(),
    p.light('green'),
  );
  p.fit(p.order('E0505', 'community', 'area').escalate().register().dispatch(law).sign(), p.ago(8, 60));

  // The community's own problem list (问题清单): registered and handled in the community.
  const community = (code: string, source: OrderSource, where: Where, toGrid: boolean) => {
    const s = p.order(code, source, where).register();
    return s.dispatch(toGrid ? s.spec.place.grid : s.spec.place.community);
  };
  p.fit(
    community('E0601', 'gridWorker', 'home', false).sign().handle().feedback().verify().close(),
    p.ago(30, month),
  );
  p.fit(
    community('E0602', 'gridWorker', 'homeCommunity', true).sign().handle().feedback().verify().close(),
    p.ago(30, month),
  );
  p.fit(
    community('E0502', 'community', 'area', false).sign().handle().feedback().verify().close(),
    p.ago(30, month),
  );
  p.fit(
    community('E0102', 'gridWorker', 'any', false).sign().handle().feedback().verify().close(),
    p.ago(30, month),
  );
  p.fit(community('E0201', 'gridWorker', 'home', true).sign().handle(), p.light('green'));

  // Fixed on the spot by the grid worker who found it (自处理).
  const selfHandled: [string, Where][] = [
    ['E0201', 'home'],
    ['E0502', 'home'],
    ['E0101', 'any'],
    ['E0106', 'any'],
    ['E0601', 'any'],
    ['E0502', 'area'],
  ];
  for (const [code, where] of selfHandled)
    p.fit(p.order(code, 'gridWorker', where).selfHandle(), p.ago(4, month));

  // Branches over power lines (树枝搭线): greening leads, the power company cuts the power, the community tells residents.
  const branches = (source: OrderSource, where: Where) => {
    const s = p.order('C0401', source, where).register();
    const home = s.spec.place.community;
    const [powerTask, communityTask] = [ids(w.now), ids(w.now)];
    s.dispatch(greening, [
      { id: powerTask, unitId: power.id, task: NOTES.subTaskPower },
      { id: communityTask, unitId: home.id, task: NOTES.subTaskCommunity },
    ]);
    s.sign().signSubTask(powerTask, power).signSubTask(communityTask, home).handle();
    return { s, finish: () => s.feedbackSubTask(communityTask, home).feedbackSubTask(powerTask, power) };
  };
  const done = branches('hotline', 'any');
  p.fit(p.visit(done.finish().feedback(0.3).verify().close(), 'satisfied'), p.ago(72, month));
  const open = branches('resident', 'homeCommunity');
  p.fit(open.s.requestExtension(twoDays, NOTES.extension.power).approveExtension(), p.light('green'));

  // Extensions (延期): waiting, approved, denied.
  const inHand = (code: string, source: OrderSource, where: Where = 'any') =>
    p.order(code, source, where).register().dispatch().sign().handle();
  p.fit(inHand('C0201', 'hotline').requestExtension(twoDays, NOTES.extension.road), p.ago(8, 60));
  p.fit(inHand('E0402', 'open311').requestExtension(fourHours, NOTES.extension.repair), p.light('yellow'));
  p.fit(
    inHand('C0105', 'hotline').requestExtension(twoDays, NOTES.extension.parts).approveExtension(),
    p.light('green'),
  );
  p.fit(
    inHand('C0101', 'hotline').requestExtension(fourHours, NOTES.extension.cover).denyExtension(),
    p.ago(3, 60),
  );
  p.fit(
    p.visit(
      p
        .order('E0301', 'open311', 'any')
        .register()
        .dispatch(law)
        .sign()
        .handle()
        .requestExtension({ amount: 3, unit: 'days' }, NOTES.extension.demolition)
        .approveExtension()
        .feedback(0.4)
        .verify()
        .close(),
    ),
    p.ago(48, month),
  );

  // Overdue now (red): automatic supervision, and the leader's (督办).
  p.fit(p.order('E0101', 'hotline', 'any').register().dispatch(), p.light('red', [6, 48]));
  p.fit(
    p.order('C0302', 'open311', 'area').register().dispatch().sign().supervise('leader'),
    p.light('red', [8, 60]),
  );
  p.fit(
    p.order('E0104', 'resident', { river: 0 }).register().dispatch(water).sign().handle().supervise('leader'),
    p.light('red', [4, 40]),
  );
  p.fit(p.order('E0503', 'hotline', 'any').register().dispatch().sign().handle(), p.light('red', [12, 80]));
  // Due soon (yellow), and callers pressing: the operator supervises.
  p.fit(
    p.order('E0106', 'hotline', 'any').register().dispatch().sign().supervise('operator'),
    p.light('yellow'),
  );

  // The long-term list (挂账): parked where they stand; one resumed and finished.
  p.fit(
    p.order('E0301', 'hotline', 'any').register().dispatch(law).sign().handle().park(NOTES.park.enforcement),
    p.ago(5 * 24, 20 * 24),
  );
  p.fit(p.order('C0601', 'hotline', { river: 2 }).register().park(NOTES.park.budget), p.ago(3 * 24, 15 * 24));
  const flooded = p.order('E0401', 'hotline', 'any').register().dispatch(water).sign().park(NOTES.park.pipes);
  p.fit(p.visit(flooded.resume().handle().feedback(0.3).verify().close()), p.ago(48, month));

  // Duplicates merged (合并) into the order already open for the same problem.
  const river = p.fit(
    p.order('E0104', 'patrol', { river: 1 }, { reporter: crew }).mainLine({ unit: contractor }),
    p.ago(24, month),
  );
  p.duplicate(river, 'hotline');
  const manhole = p.fit(p.visit(p.order('C0101', 'hotline', 'any').mainLine()), p.ago(24, month));
  p.duplicate(manhole, 'open311');
  const charging = p.fit(community('E0602', 'gridWorker', 'home', false).sign().handle(), p.light('green'));
  p.duplicate(charging, 'resident', { reporter: p.reporter('resident', charging.script.spec.place) });

  // Not cases: rejected (不予立案) and voided (作废).
  p.fit(p.order('E0504', 'hotline', 'any').reject(), p.ago(5, month));
  p.fit(p.order('E0102', 'open311', 'any').reject(), p.ago(5, month));
  p.fit(p.order('E0101', 'hotline', 'any').voidIt(), p.ago(5, month));
  p.fit(p.order('E0502', 'gridWorker', 'any').voidIt(), p.ago(5, month));

  // Today's desk: just reported (the centre's and the communities' problem lists), registered, in hand, done.
  p.fit(p.order('E0101', 'hotline', 'any'), { from: w.now - between(3, 20, random) * MINUTE_MS });
  p.fit(p.order('C0105', 'open311', 'any'), { from: w.now - between(10, 40, random) * MINUTE_MS });
  p.fit(p.order('E0601', 'gridWorker', 'home'), p.ago(1, 6));
  p.fit(p.order('E0602', 'community', 'area'), p.ago(2, 20));
  p.fit(p.order('E0102', 'gridWorker', 'any'), p.ago(1, 24));
  p.fit(p.order('E0303', 'hotline', 'any').register(), { from: w.now - between(20, 60, random) * MINUTE_MS });
  const today: [string, OrderSource, Where, 'dispatch' | 'sign' | 'handle', TrafficLight][] = [
    ['E0501', 'hotline', 'any', 'dispatch', 'green'],
    ['C0201', 'open311', 'any', 'dispatch', 'green'],
    ['E0105', 'resident', 'any', 'dispatch', 'green'],
    ['C0101', 'hotline', 'area', 'dispatch', 'yellow'],
    ['E0503', 'hotline', 'any', 'sign', 'green'],
    ['C0402', 'open311', 'any', 'sign', 'green'],
    ['C0105', 'hotline', 'homeCommunity', 'sign', 'green'],
    ['E0401', 'open311', 'any', 'sign', 'yellow'],
    ['C0301', 'resident', 'any', 'handle', 'green'],
    ['E0602', 'open311', 'any', 'handle', 'green'],
    ['C0102', 'hotline', 'any', 'handle', 'green'],
    ['E0403', 'hotline', 'any', 'handle', 'yellow'],
  ];
  for (const [code, source, where, upTo, light] of today) {
    const s = p.order(code, source, where).register().dispatch();
    if (upTo !== 'dispatch') s.sign();
    if (upTo === 'handle') s.handle();
    p.fit(s, p.light(light));
  }
  const handled: [string, OrderSource, Where][] = [
    ['E0101', 'hotline', 'any'],
    ['C0103', 'open311', 'any'],
    ['E0201', 'resident', 'any'],
    ['E0502', 'hotline', 'homeCommunity'],
  ];
  for (const [code, source, where] of handled) {
    p.fit(p.order(code, source, where).register().dispatch().sign().handle().feedback(), p.ago(2, 40));
  }
  p.fit(
    p.order('C0302', 'hotline', 'any').register().dispatch().sign().handle().feedback().verify(),
    p.ago(1, 16),
  );
  p.fit(
    p.order('E0106', 'open311', 'area').register().dispatch().sign().handle().feedback().verify(),
    p.ago(1, 16),
  );

  return p.finish();
}
