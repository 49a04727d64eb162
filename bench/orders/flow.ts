// One benchmark order: reported by the hotline or a resident, then carried through the real state
// machine as far as its age allows (register → dispatch → sign → handle → feedback → verify →
// close → return visit). The scripting, running and recording are the demo's own
// (src/demo/order-script.ts, order-flow.ts); what is the benchmark's is the mix: 60 days of
// orders stopped at random steps, numbered from a counter of its own.
import {
  assignCode,
  DAY_MS,
  type OrderWorld,
  pick,
  placeIn,
  resolveTimes,
  runOrder,
  type SeededOrder,
  seededOrder,
} from '../../src/demo/orders/flow.ts';
import { OrderScript } from '../../src/demo/orders/script.ts';
import { CATEGORY_TEXTS, GENERIC_TEXT, reportText } from '../../src/demo/orders/texts.ts';
import { categoryCode, orderCodeDay } from '../../src/domain/workorder/code.ts';
import type { Satisfaction } from '../../src/domain/workorder/dictionary.ts';
import type { Actor } from '../../src/domain/workorder/model.ts';

export type { SeededOrder } from '../../src/demo/orders/flow.ts';

/** What every benchmark order draws from: the demo's order world, and the days its orders fill. */
export interface SeedWorld extends OrderWorld {
  /** Orders are created in the 60 days before this instant (today's local midnight). */
  until: number;
  /** The last order-code sequence used per day. */
  daySequences: Map<string, number>;
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
export function seedOrder(w: SeedWorld, random: () => number, ids: (at: number) => string): SeededOrder {
  const place = placeIn(pick(w.grids, random), random);
  const category = pick(w.categories, random);
  const createdAt = Math.floor(w.until - random() * 60 * DAY_MS);
  const resident = random() < 0.4;
  const reporter: Actor = resident
    ? { userId: `resident:${place.community.code}`, role: 'resident', unitId: place.community.id }
    : w.operator;
  const source = resident ? 'resident' : 'hotline';
  const text =
    CATEGORY_TEXTS[categoryCode(category.type, category.majorCode, category.minorCode)] ?? GENERIC_TEXT;
  const script = new OrderScript(w, random, {
    category,
    place,
    source,
    reporter,
    description: reportText(source, pick(text.problems, random)),
    address: null,
  });
  const visit: Satisfaction =
    random() < 0.5 ? 'satisfied' : random() < 0.7 ? 'basicallySatisfied' : 'dissatisfied';
  script.mainLine({ visit });
  const steps = resolveTimes(w.calendar, createdAt, script.drafts.slice(0, stopAfter(random)));
  const id = ids(createdAt);
  const run = runOrder(script.start(id, createdAt), steps, w, { partial: true });
  const seeded = seededOrder(script.details(id), run, w, [{ userId: reporter.userId, since: createdAt }]);
  const day = orderCodeDay(createdAt);
  const sequence = (w.daySequences.get(day) ?? 0) + 1;
  w.daySequences.set(day, sequence);
  assignCode(seeded, sequence);
  return seeded;
}
