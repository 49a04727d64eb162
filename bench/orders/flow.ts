// One seeded order: reported by the hotline or a resident, then carried through the real state
// machine as far as its age allows (register → dispatch → sign → handle → feedback → verify →
// close → return visit), so states, events, deadlines and lights are what the service would write.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { WorkingCalendar } from '../../src/domain/calendar/calendar.ts';
import type { AreaGeometry } from '../../src/domain/org/polygon.ts';
import type { OrderAction } from '../../src/domain/workorder/actions.ts';
import { applyAction } from '../../src/domain/workorder/apply.ts';
import { orderCode, orderCodeDay } from '../../src/domain/workorder/code.ts';
import { reportOrder } from '../../src/domain/workorder/create.ts';
import type { Actor, OrderEvent, OrderState } from '../../src/domain/workorder/model.ts';
import { newId } from '../../src/ids.ts';
import { timingOf } from '../../src/services/orders.write.ts';
import type { Category } from '../../src/store/categories.repository.ts';
import type { OrderRecord, OrderTiming } from '../../src/store/orders.repository.ts';
import type { Unit } from '../../src/store/units.repository.ts';

/** What every seeded order draws from: the organisation, the dictionary and the clock. */
export interface SeedWorld {
  subdistrict: Unit;
  operator: Actor;
  grids: { grid: Unit; community: Unit; points: [number, number][] }[];
  categories: readonly Category[];
  calendar: WorkingCalendar;
  photoId: string;
  now: number;
  /** Seeded orders are created in the 60 days before this instant (today's local midnight). */
  until: number;
  daySequences: Map<string, number>;
}

/** A seeded order with what the repositories store for it. */
export interface SeededOrder {
  order: OrderRecord;
  timing: OrderTiming;
  searchText: string;
  events: OrderEvent[];
  unitIds: string[];
}

const MIN = 60_000;
const DAY = 86_400_000;

/** Points inside each grid (rejection sampling in its bounding box), for positions that locate. */
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

const pick = <T>(items: readonly T[], random: () => number): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
};

/** The steps an order of this age goes through; the share stopping at each step shapes the status mix. */
function steps(
  w: SeedWorld,
  handler: Actor,
  unitId: string,
  random: () => number,
): [Actor, OrderAction, number][] {
  const visit = random() < 0.5 ? 'satisfied' : random() < 0.7 ? 'basicallySatisfied' : 'dissatisfied';
  return [
    [w.operator, { type: 'register' }, 10 * MIN],
    [w.operator, { type: 'dispatch', unitId }, 20 * MIN],
    [handler, { type: 'sign' }, (30 + random() * 180) * MIN],
    [handler, { type: 'startHandling' }, 10 * MIN],
    [handler, { type: 'feedback', photos: [w.photoId] }, (2 + random() * 40) * 60 * MIN],
    [w.operator, { type: 'verify', passed: true }, (30 + random() * 600) * MIN],
    [w.operator, { type: 'close' }, 30 * MIN],
    [w.operator, { type: 'returnVisit', satisfaction: visit, solved: random() < 0.9 }, DAY],
  ];
}

/** Stop after how many steps: 5 % reported, 5 % registered, 25 % dispatched, 10 % signed, 10 % handling, 5 % handled, 40 % closed. */
function stopAfter(random: () => number): number {
  const r = random();
  const bounds: [number, number][] = [
    [0.05, 0],
    [0.1, 1],
    [0.35, 2],
    [0.45, 3],
    [0.55, 4],
    [0.6, 5],
  ];
  return bounds.find(([b]) => r < b)?.[1] ?? 8;
}

/** One order, reported at a random time in the 60 days before `until` and advanced by the domain. */
export function seedOrder(w: SeedWorld, random: () => number): SeededOrder {
  const place = pick(w.grids, random);
  const [lat, lon] = pick(place.points, random);
  const category = pick(w.categories, random);
  const createdAt = Math.floor(w.until - random() * 60 * DAY);
  const id = newId();
  const resident = random() < 0.4;
  const reporter: Actor = resident
    ? { userId: `seed-resident-${place.community.code}`, role: 'resident', unitId: place.community.id }
    : w.operator;
  const reported = reportOrder(
    {
      id,
      level: 'subdistrict',
      responsibleUnitId: w.subdistrict.id,
      timeLimit: category.timeLimit,
      note: `${category.minorName} #${id.slice(-6)}`,
    },
    reporter,
    createdAt,
  );
  if (!reported.ok) throw new Error(reported.error.message);
  let state: OrderState = reported.order;
  const events = [reported.event];
  const unitId =
    category.defaultUnitKind === 'department' && category.defaultUnitId
      ? category.defaultUnitId
      : place.community.id;
  const handler: Actor = {
    userId: `seed-handler-${unitId}`,
    role: unitId === place.community.id ? 'community' : 'department',
    unitId,
  };
  let at = createdAt;
  for (const [actor, action, after] of steps(w, handler, unitId, random).slice(0, stopAfter(random))) {
    at += Math.floor(after);
    if (at > w.now - MIN) break;
    const result = applyAction(state, action, actor, at, { calendar: w.calendar });
    if (!result.ok) throw new Error(`${action.type}: ${result.error.message}`);
    state = result.order;
    events.push(result.event);
  }
  const day = orderCodeDay(createdAt);
  const sequence = (w.daySequences.get(day) ?? 0) + 1;
  w.daySequences.set(day, sequence);
  const code = orderCode(category.type, category.majorCode, category.minorCode, createdAt, sequence);
  const order: OrderRecord = {
    id,
    code,
    categoryId: category.id,
    stage: category.defaultStage,
    source: resident ? 'resident' : 'hotline',
    description: reported.event.note ?? '',
    address: null,
    lat,
    lon,
    gridId: place.grid.id,
    communityId: place.community.id,
    attributes: null,
    state,
    createdAt,
    updatedAt: events.at(-1)?.at ?? createdAt,
  };
  const searchText = [code, order.description, category.majorName, category.minorName]
    .join(' ')
    .toLowerCase();
  const unitIds = [
    ...new Set([
      place.grid.id,
      place.community.id,
      w.subdistrict.id,
      ...(state.dispatchedAt ? [unitId] : []),
    ]),
  ];
  return { order, timing: timingOf(state, w.now, w.calendar), searchText, events, unitIds };
}
