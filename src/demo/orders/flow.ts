// Seeded work orders carried through the real state machine: each order is reported with
// reportOrder and advanced with applyAction at the instants its script gives, with the automatic
// supervision (督办) the time-limit job would have raised when a deadline passed, so states,
// events, deadlines and lights are what the service would have written. Pure: the clock, the
// ids and the randomness come in as arguments. The demo's orders (orders.ts) and the orders
// benchmark (bench/orders) both build on this.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { WorkingCalendar } from '../../domain/calendar/calendar.ts';
import { addWorkingMs } from '../../domain/calendar/working-time.ts';
import type { AreaGeometry } from '../../domain/org/polygon.ts';
import type { OrderAction } from '../../domain/workorder/actions.ts';
import { applyAction } from '../../domain/workorder/apply.ts';
import { orderCode } from '../../domain/workorder/code.ts';
import { type NewOrderInput, reportOrder } from '../../domain/workorder/create.ts';
import type { OrderSource } from '../../domain/workorder/dictionary.ts';
import { absorbDuplicate } from '../../domain/workorder/merge.ts';
import type { Actor, OrderEvent, OrderState } from '../../domain/workorder/model.ts';
import { autoSupervise, needsAutoSupervision } from '../../domain/workorder/overdue.ts';
import { timingOf } from '../../services/orders/index.ts';
import type { Category } from '../../store/categories.repository.ts';
import type { OrderRecord, OrderTiming } from '../../store/orders.repository.ts';
import type { Unit } from '../../store/units.repository.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** How long after a deadline the time-limit job (one tick a minute) raises automatic supervision. */
export const JOB_TICK_MS = MINUTE_MS;

/** A grid with its community and points inside it, for positions that locate. */
export interface OrderPlace {
  grid: Unit;
  community: Unit;
  points: [number, number][];
}

/** A position and the grid and community it lies in. */
export interface Placed {
  lat: number;
  lon: number;
  grid: Unit;
  community: Unit;
}

/** What seeded orders draw from: the organisation, the dictionary, the people, the photos and the clock. */
export interface OrderWorld {
  /** Every event happens before this instant (the seed's clock). */
  now: number;
  calendar: WorkingCalendar;
  subdistrict: Unit;
  /** The command centre's operator on duty, who registers, dispatches, closes and visits. */
  operator: Actor;
  /** The subdistrict leader, who supervises (督办) and parks. */
  leader: Actor;
  units: readonly Unit[];
  grids: readonly OrderPlace[];
  categories: readonly Category[];
  /** Users who act for a unit, by `unitId/role`; units without one act through a duty account (dutyActor). */
  people: ReadonlyMap<string, Actor>;
  /** Stored photo ids: what reporters attach (before) and handlers feed back (after), a street's first, a river's second. */
  photos: { before: readonly string[]; after: readonly string[] };
}

/** A photo for an order: of a river for problems on the water, of a street otherwise; none if none is stored. */
export function photoFor(w: OrderWorld, kind: 'before' | 'after', onRiver: boolean): string[] {
  const ids = w.photos[kind];
  const id = (onRiver ? ids[1] : undefined) ?? ids[0];
  return id === undefined ? [] : [id];
}

/** The role that acts for a unit of a kind in the order flow. */
const ROLE_OF_KIND: Record<string, Actor['role']> = {
  subdistrict: 'operator',
  workstation: 'workstation',
  community: 'community',
  grid: 'gridWorker',
  department: 'department',
  contractor: 'crew',
};

/**
 * Who acts for a unit: its demo user when the demo has one there, otherwise the unit's duty
 * account, an id that names the unit (the timeline then shows the unit without a person).
 */
export function dutyActor(w: Pick<OrderWorld, 'people'>, unit: Unit, role = ROLE_OF_KIND[unit.kind]): Actor {
  if (!role) throw new Error(`no role acts for a ${unit.kind}`);
  return w.people.get(`${unit.id}/${role}`) ?? { userId: `duty:${unit.code}:${role}`, role, unitId: unit.id };
}

/** A unit by id, or an error naming what was looked for. */
export function unitById(w: OrderWorld, id: string): Unit {
  const unit = w.units.find((u) => u.id === id);
  if (!unit) throw new Error(`the seeded world has no unit ${id}`);
  return unit;
}

/** One pick from a list with the PRNG. */
export function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

/** A number in [min, max) from the PRNG. */
export function between(min: number, max: number, random: () => number): number {
  return min + random() * (max - min);
}

/** Points inside a grid (rejection sampling in its bounding box), for positions that locate. */
export function pointsIn(polygon: AreaGeometry, random: () => number, count: number): [number, number][] {
  const ring = (polygon.type === 'Polygon' ? polygon.coordinates[0] : polygon.coordinates[0]?.[0]) ?? [];
  const lons = ring.map((p) => p[0] ?? 0);
  const lats = ring.map((p) => p[1] ?? 0);
  const [minLon, maxLon, minLat, maxLat] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const points: [number, number][] = [];
  for (let tries = 0; points.length < count && tries < count * 50; tries++) {
    const lat = minLat + random() * (maxLat - minLat);
    const lon = minLon + random() * (maxLon - minLon);
    if (booleanPointInPolygon([lon, lat], polygon)) points.push([lat, lon]);
  }
  return points;
}

/** The grid (and its community) a position lies in, as locate would find it among the world's grids. */
export function placeAt(w: OrderWorld, lat: number, lon: number): Placed | undefined {
  const found = w.grids.find((g) => booleanPointInPolygon([lon, lat], g.grid.polygon as AreaGeometry));
  return found ? { lat, lon, grid: found.grid, community: found.community } : undefined;
}

/** A random point of a grid. */
export function placeIn(place: OrderPlace, random: () => number): Placed {
  const [lat, lon] = pick(place.points, random);
  return { lat, lon, grid: place.grid, community: place.community };
}

/** How long after the step before an action happens: clock time, or working time on the calendar. */
export interface Delay {
  ms: number;
  /** Working time (addWorkingMs): a unit that works office hours acts in them. 0 ms snaps to the next working instant. */
  work: boolean;
}

/** A step of a script: who does what, how long after the step before. */
export interface DraftStep {
  actor: Actor;
  action: OrderAction;
  delay: Delay;
}

/** A step at its instant; `absorb` records a duplicate merged into this order (the survivor's side of a merge). */
export type TimedStep = { at: number; actor: Actor } & (
  | { action: OrderAction; absorb?: undefined }
  | { absorb: string; action?: undefined }
);

/** The instants of a script's steps when it is reported at `reportAt`. */
export function resolveTimes(
  calendar: WorkingCalendar,
  reportAt: number,
  drafts: readonly DraftStep[],
): TimedStep[] {
  let at = reportAt;
  return drafts.map((d) => {
    at = d.delay.work
      ? d.delay.ms > 0
        ? addWorkingMs(calendar, at, Math.round(d.delay.ms))
        : addWorkingMs(calendar, at, 1) - 1
      : at + Math.round(d.delay.ms);
    return { at, actor: d.actor, action: d.action };
  });
}

/** How an order starts: what reportOrder gets, and when. */
export interface OrderStart {
  input: NewOrderInput;
  reporter: Actor;
  at: number;
}

/** An order after its script: final state, its timeline, and every unit it involved. */
export interface OrderRun {
  state: OrderState;
  events: OrderEvent[];
  /** Units the service would have linked: the receiving unit, each responsible and sub-task unit. */
  unitIds: Set<string>;
  /** How many steps were applied (all of them unless the run was cut at `now`). */
  applied: number;
}

/**
 * Reports the order and applies its steps in time order through the state machine. Before
 * each step, and at the end, a deadline that passed while a unit held the order gets the
 * automatic supervision the time-limit job raises a tick after it. With `partial`, steps not
 * yet due at `now` are left out (the order stops where its age allows); without, such a step
 * is a mistake in the script and throws, as does any refusal of the state machine.
 */
export function runOrder(
  start: OrderStart,
  steps: readonly TimedStep[],
  clock: { now: number; calendar: WorkingCalendar },
  options: { partial?: boolean } = {},
): OrderRun {
  const { now, calendar } = clock;
  const reported = reportOrder(start.input, start.reporter, start.at);
  if (!reported.ok) throw new Error(`report ${start.input.id}: ${reported.error.message}`);
  let state = reported.order;
  const events = [reported.event];
  const unitIds = new Set([start.input.responsibleUnitId]);
  const record = (next: { order: OrderState; event: OrderEvent }) => {
    state = next.order;
    events.push(next.event);
    for (const id of [state.responsibleUnitId, ...state.subTasks.map((s) => s.unitId)]) {
      if (id) unitIds.add(id);
    }
  };
  // The job notices an overdue order at its first tick after the deadline passed, or after the
  // order came back into a unit's hands already overdue (a failed check, a resume).
  const superviseBefore = (t: number) => {
    if (!needsAutoSupervision(state, t) || state.deadline === null) return;
    const tick = Math.max(state.deadline, events.at(-1)?.at ?? start.at) + JOB_TICK_MS;
    if (tick >= t) return;
    const result = autoSupervise(state, tick, { calendar });
    if (result && !result.ok) throw new Error(`auto-supervise ${state.id}: ${result.error.message}`);
    if (result) record(result);
  };
  let applied = 0;
  let last = start.at;
  for (const step of steps) {
    if (step.at < last)
      throw new Error(`${start.input.id}: steps out of order at ${new Date(step.at).toISOString()}`);
    if (step.at >= now) {
      if (options.partial) break;
      throw new Error(`${start.input.id}: a step falls after now (${new Date(step.at).toISOString()})`);
    }
    superviseBefore(step.at);
    const result =
      step.absorb !== undefined
        ? absorbDuplicate(state, step.absorb, step.actor, step.at)
        : applyAction(state, step.action, step.actor, step.at, { calendar });
    if (!result.ok) {
      const what = step.absorb !== undefined ? 'absorb' : step.action.type;
      throw new Error(`${start.input.id} ${what} by ${step.actor.role}: ${result.error.message}`);
    }
    record(result);
    last = step.at;
    applied++;
  }
  superviseBefore(now);
  return { state, events, unitIds, applied };
}

/** What the service records around the flow state, as createOrder fills it in. */
export interface OrderDetails {
  id: string;
  category: Category;
  source: OrderSource;
  description: string;
  address: string | null;
  place: Placed;
}

/** A seeded order with what the repositories store for it. */
export interface SeededOrder {
  order: OrderRecord;
  category: Category;
  timing: OrderTiming;
  searchText: string;
  events: OrderEvent[];
  unitIds: string[];
  /** Who follows it, since when: its reporter, and the reporters of duplicates merged into it. */
  followers: Follower[];
}

/** A user following an order (see order_followers). */
export interface Follower {
  userId: string;
  since: number;
}

/** The order record, its time-limit columns at `now` and its links, as createOrder and each action write them. */
export function seededOrder(
  details: OrderDetails,
  run: OrderRun,
  clock: { now: number; calendar: WorkingCalendar },
  followers: readonly Follower[],
): SeededOrder {
  const { category, place } = details;
  const first = run.events[0];
  if (!first) throw new Error(`${details.id} has no report`);
  const order: OrderRecord = {
    id: details.id,
    code: '',
    categoryId: category.id,
    stage: category.defaultStage,
    source: details.source,
    description: details.description.trim(),
    address: details.address?.trim() || null,
    lat: place.lat,
    lon: place.lon,
    gridId: place.grid.id,
    communityId: place.community.id,
    attributes: null,
    state: run.state,
    createdAt: first.at,
    updatedAt: run.events.at(-1)?.at ?? first.at,
  };
  return {
    order,
    category,
    timing: timingOf(run.state, clock.now, clock.calendar),
    searchText: '',
    events: run.events,
    unitIds: [...new Set([place.grid.id, place.community.id, ...run.unitIds])],
    followers: followers.filter((f, i) => followers.findIndex((g) => g.userId === f.userId) === i),
  };
}

/** Gives the order its code (the day's `sequence`-th) and the search text createOrder stores with it. */
export function assignCode(o: SeededOrder, sequence: number): void {
  const c = o.category;
  o.order.code = orderCode(c.type, c.majorCode, c.minorCode, o.order.createdAt, sequence);
  const text = [o.order.code, o.order.description, o.order.address ?? '', c.majorName, c.minorName];
  o.searchText = text.join(' ').toLowerCase();
}
