// Writes N synthetic work orders with their timelines straight into the tables (multi-row
// inserts, no state machine): what bench:reports needs is the orders, their events and the units
// they involve, in volumes the state machine's seed (bench/orders/seed.ts, ~800 orders/s here)
// cannot write in a benchmark's time. Each order is reported in the 60 days before today's
// local midnight in a demo grid (time-major), then registered, dispatched (to its community, a department or
// the workstation, with a deadline), signed, handled, verified (15 % sent back once), closed
// and visited, stopping at a random step and never after `now`; 3 % are voided.

import { seededRandom } from '../../src/seeded-random.ts';
import type { Unit } from '../../src/store/units.repository.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

interface EventRow {
  order_id: string;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_user_id: string;
  actor_role: string;
  actor_unit_id: string | null;
  at: number;
  note: null;
  photos: string;
  data: string;
}

/** One batch of generated rows, in the tables' column names. */
export interface GeneratedBatch {
  orders: Record<string, unknown>[];
  events: EventRow[];
  links: { order_id: string; unit_id: string }[];
}

/** Writes `count` orders through `write` (bench/reports/write.ts), a batch at a time; returns how many events they have. */
export async function generateOrders(
  write: (batch: GeneratedBatch) => Promise<void>,
  world: { units: readonly Unit[]; categoryId: string; operatorId: string; now: number },
  count: number,
  onProgress?: (done: number) => void,
): Promise<number> {
  const random = seededRandom(1414);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo));
  const byId = new Map(world.units.map((u) => [u.id, u]));
  const grids = world.units.filter((u) => u.kind === 'grid' && u.parentId);
  const departments = world.units.filter((u) => u.kind === 'department');
  const workstations = world.units.filter((u) => u.kind === 'workstation');
  const until = Math.floor((world.now + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  let events = 0;
  const BATCH = 10_000;
  for (let done = 0; done < count; ) {
    const orders: Record<string, unknown>[] = [];
    const eventRows: EventRow[] = [];
    const links: { order_id: string; unit_id: string }[] = [];
    for (; orders.length < BATCH && done < count; done++) {
      const id = `bench-${String(done).padStart(8, '0')}`;
      const grid = grids[Math.floor(random() * grids.length)] as Unit;
      const community = byId.get(grid.parentId ?? '') as Unit;
      const r = random();
      const handler =
        r < 0.6
          ? community
          : r < 0.9
            ? (departments[Math.floor(random() * departments.length)] ?? community)
            : (workstations[Math.floor(random() * workstations.length)] ?? community);
      // Time-major, as a live system writes them: the indexes on times grow at their ends.
      const created = Math.floor(until - 60 * DAY + ((done + random()) * 60 * DAY) / count);
      const timeline: EventRow[] = [];
      let at = created;
      let state: string | null = null;
      const push = (action: string, to: string, gap: number, data: object = {}) => {
        if (at + gap > world.now) return false;
        at += gap;
        timeline.push({
          order_id: id,
          seq: timeline.length + 1,
          action,
          from_state: state,
          to_state: to,
          actor_user_id: world.operatorId,
          actor_role: 'operator',
          actor_unit_id: null,
          at,
          note: null,
          photos: '[]',
          data: JSON.stringify(data),
        });
        state = to;
        return true;
      };
      const steps = random() < 0.4 ? 8 : between(0, 8);
      push('report', 'reported', 0);
      const flow = () => {
        if (random() < 0.03) return push('void', 'voided', between(10 * MIN, 2 * HOUR));
        if (steps < 1 || !push('register', 'registered', between(5 * MIN, 60 * MIN))) return;
        const limit = between(1, 6) * DAY;
        if (
          steps < 2 ||
          !push('dispatch', 'dispatched', between(10 * MIN, 2 * HOUR), { deadline: at + limit })
        )
          return;
        if (steps < 3 || !push('sign', 'signed', between(10 * MIN, DAY))) return;
        if (steps < 4 || !push('startHandling', 'handling', between(5 * MIN, HOUR))) return;
        if (steps < 5 || !push('feedback', 'handled', between(2 * HOUR, 4 * DAY))) return;
        if (random() < 0.15) {
          if (!push('verify', 'handling', between(HOUR, DAY), { passed: false })) return;
          if (!push('feedback', 'handled', between(2 * HOUR, 2 * DAY))) return;
        }
        if (steps < 6 || !push('verify', 'verified', between(HOUR, DAY), { passed: true })) return;
        if (steps < 7 || !push('close', 'closed', between(HOUR, DAY))) return;
        const satisfaction =
          random() < 0.8 ? 'satisfied' : random() < 0.5 ? 'basicallySatisfied' : 'dissatisfied';
        push('returnVisit', 'closed', between(DAY, 3 * DAY), { satisfaction, solved: random() < 0.85 });
      };
      flow();
      const dispatched = timeline.some((e) => e.action === 'dispatch');
      const deadline = dispatched
        ? (JSON.parse(timeline[2]?.data ?? '{}') as { deadline?: number }).deadline
        : null;
      orders.push({
        id,
        code: `E0101${id}`,
        status: state,
        level: 'normal',
        category_id: world.categoryId,
        stage: 'during',
        source: 'hotline',
        description: '楼道堆物',
        address: null,
        lat: 31.3,
        lon: 120.8,
        grid_id: grid.id,
        community_id: community.id,
        reporter_user_id: world.operatorId,
        responsible_unit_id: dispatched ? handler.id : null,
        responsible_user_id: null,
        deadline: deadline ?? null,
        yellow_at: null,
        red_at: null,
        light: null,
        overdue: 0,
        parked: 0,
        merged_into_id: null,
        search_text: id,
        attributes: null,
        state: '{}',
        version: timeline.length,
        created_at: created,
        updated_at: at,
        closed_at: state === 'closed' ? at : null,
      });
      eventRows.push(...timeline);
      links.push({ order_id: id, unit_id: grid.id }, { order_id: id, unit_id: community.id });
      if (dispatched && handler.id !== community.id) links.push({ order_id: id, unit_id: handler.id });
    }
    await write({ orders, events: eventRows, links });
    events += eventRows.length;
    if (done % 100_000 === 0) onProgress?.(done);
  }
  return events;
}
