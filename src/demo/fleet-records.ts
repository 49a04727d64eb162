// The demo fleet's records (issue 11): docks at the river ends, the crew on their boats, the
// shifts the simulator drives, and a month of rubbish unloads.
import { localDateOf, localDayWindow, type ShiftPlan } from '../domain/fleet/index.ts';
import type { Position } from '../domain/org/polygon.ts';
import { newId } from '../ids.ts';
import { seededRandom } from '../seeded-random.ts';
import { patchAsset } from '../services/assets/index.ts';
import type { ServiceContext } from '../services/context.ts';
import { putCrew } from '../services/crews/index.ts';
import { createDock } from '../services/docks/index.ts';
import { putAssetShifts } from '../services/shifts/index.ts';
import { planFleet } from '../sim/model/fleet-plan.ts';
import { shiftStartedAgo } from '../sim/model/shift.ts';
import { type Asset, listAssets } from '../store/assets.repository.ts';
import { type DockRecord, listDocks } from '../store/docks.repository.ts';
import { writeTransaction } from '../store/read-cache.ts';
import { listUnits } from '../store/units.repository.ts';
import { insertUnloads, type UnloadRecord } from '../store/unloads.repository.ts';
import { findUserByUsername } from '../store/users.repository.ts';
import { DEMO_BOATS, DEMO_CREW, DEMO_SHIFT_MINUTES, type DemoBoat } from './fleet.ts';
import { DEMO_CONTRACTOR } from './organisations.ts';
import { DEMO_SEGMENTS } from './segments.ts';

const MINUTE = 60_000;
const DAY_MS = 86_400_000;

/** A demo dock: where boats moor and unload, at one end of a river segment. */
export interface DemoDock {
  name: string;
  lat: number;
  lon: number;
}

function endName(name: string, end: Position, other: Position): string {
  const [dLon, dLat] = [end[0] - other[0], end[1] - other[1]];
  const side = Math.abs(dLon) >= Math.abs(dLat) ? (dLon > 0 ? '东' : '西') : dLat > 0 ? '北' : '南';
  return `${name}${side}码头`;
}

/**
 * A dock at each end of each river segment (where the simulated boats moor), one where two
 * segments meet: eleven for the demo's six rivers.
 */
export const DEMO_DOCKS: readonly DemoDock[] = (() => {
  const docks = new Map<string, DemoDock>();
  for (const s of DEMO_SEGMENTS) {
    const line = s.geometry.coordinates;
    const first = line[0] as Position;
    const last = line.at(-1) as Position;
    for (const [end, other] of [
      [first, last],
      [last, first],
    ] as const) {
      const key = end.join(',');
      if (!docks.has(key)) docks.set(key, { name: endName(s.name, end, other), lat: end[1], lon: end[0] });
    }
  }
  return [...docks.values()];
})();

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The local minute of the day a demo boat's shift starts at, for the simulator started at `anchorMs`. */
function demoShiftStart(boat: DemoBoat, anchorMs: number): number {
  return Math.floor(shiftStartedAgo(anchorMs, boat.shiftLeadMinutes, DEMO_SHIFT_MINUTES).startMinute) % 1440;
}

/**
 * A demo boat's shift plan: the daily shift the simulator drives it with when it starts at
 * `anchorMs` (shiftStartedAgo, DEMO_SHIFT_MINUTES), to the minute, every day of the week.
 */
export function demoShiftPlan(boat: DemoBoat, anchorMs: number): ShiftPlan {
  const start = demoShiftStart(boat, anchorMs);
  const end = (start + DEMO_SHIFT_MINUTES) % 1440;
  return {
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: hhmm(start), end: hhmm(end) })),
    exceptions: [],
    followsCalendar: false,
  };
}

/** Each demo boat's dock end (the one the simulator moors it at: nearer its work zone), [lon, lat]. */
function dockEnds(): Map<string, Position> {
  const lines = DEMO_SEGMENTS.map((s) => ({
    code: s.code,
    halfWidthM: s.halfWidthM,
    coordinates: s.geometry.coordinates,
  }));
  const planned = planFleet(
    lines,
    DEMO_BOATS.map((b) => ({ identifier: b.phone, code: b.code, segmentCode: b.segmentCode })),
    { shiftOf: () => ({ startMinute: 0, lengthMinutes: 60 }), blindChance: 0, jitterM: 0 },
  );
  const out = new Map<string, Position>();
  for (const b of planned) {
    const line = lines.find((l) => l.code === b.segmentCode)?.coordinates ?? [];
    const end = b.plan.dock === 0 ? line[0] : line.at(-1);
    if (end) out.set(b.code, end);
  }
  return out;
}

/** The seed of the demo's unloads: the same month for every start at the same instant. */
export const DEMO_UNLOAD_SEED = 0x5e11;
/** Days of unloads seeded before the day the demo starts. */
export const DEMO_UNLOAD_DAYS = 30;

/**
 * A month of rubbish unloads for the demo boats: on about three days in ten a boat unloads once
 * at its dock, 0.25–0.85 t, during its shift, so the contractor's 14 boats clear about 70 t a
 * month. Deterministic for an anchor (seededRandom).
 */
export function planDemoUnloads(
  boats: readonly { id: string; code: string }[],
  dockIdOf: (code: string) => { dockId: string | null; lat: number; lon: number } | undefined,
  anchorMs: number,
): UnloadRecord[] {
  const random = seededRandom(DEMO_UNLOAD_SEED);
  const byCode = new Map(DEMO_BOATS.map((b) => [b.code, b]));
  const out: UnloadRecord[] = [];
  for (let d = DEMO_UNLOAD_DAYS; d >= 1; d--) {
    const date = localDateOf(anchorMs - d * DAY_MS);
    for (const boat of boats) {
      const [happens, weight, when] = [random(), random(), random()];
      const demo = byCode.get(boat.code);
      const place = dockIdOf(boat.code);
      if (!demo || !place || happens >= 0.3) continue;
      const at =
        localDayWindow(date).from +
        demoShiftStart(demo, anchorMs) * MINUTE +
        Math.round((0.15 + 0.7 * when) * DEMO_SHIFT_MINUTES) * MINUTE;
      if (at >= anchorMs) continue;
      out.push({
        id: newId(),
        assetId: boat.id,
        at,
        tonnes: Math.round((0.25 + 0.6 * weight) * 100) / 100,
        dockId: place.dockId,
        lat: place.lat,
        lon: place.lon,
        photoId: null,
        recordedBy: null,
        createdAt: at,
      });
    }
  }
  return out;
}

/** What seedDemoFleetRecords wrote. */
export interface DemoFleetRecords {
  docks: DockRecord[];
  crewOnBoats: number;
  shifts: number;
  unloads: number;
}

/**
 * Seeds the demo fleet's records for the contractor's boats and crew: docks, crews (the demo
 * `crew` login linked to CREW-01 钱建国 on 清波1号), each boat's shift, a month of unloads. Runs
 * inside the caller's transaction.
 */
export async function seedDemoFleetRecords(
  ctx: ServiceContext,
  contractorId: string,
): Promise<DemoFleetRecords> {
  const docks: DockRecord[] = [];
  for (const d of DEMO_DOCKS) docks.push(await createDock(ctx, { ...d, unitId: contractorId }));
  const assets = await listAssets(ctx.db, { scopePath: null });
  const byCode = new Map<string, Asset>(
    assets.filter((a) => a.unitId === contractorId).map((a) => [a.code, a]),
  );
  const boats = DEMO_BOATS.map((b) => byCode.get(b.code)).filter((b): b is Asset => b !== undefined);
  let crewOnBoats = 0;
  for (const boat of boats) {
    const memberIds = DEMO_CREW.filter((c) => c.boatCode === boat.code)
      .map((c) => byCode.get(c.code)?.id)
      .filter((id): id is string => id !== undefined);
    crewOnBoats += (await putCrew(ctx, boat.id, memberIds)).length;
  }
  const login = await findUserByUsername(ctx.db, 'crew');
  const first = byCode.get(DEMO_CREW[0]?.code ?? '');
  if (login?.role === 'crew' && first) await patchAsset(ctx, first.id, { userId: login.id });
  const anchor = ctx.now();
  for (const demo of DEMO_BOATS) {
    const boat = byCode.get(demo.code);
    if (boat) await putAssetShifts(ctx, boat.id, demoShiftPlan(demo, anchor));
  }
  const ends = dockEnds();
  const dockAt = new Map(docks.map((d) => [`${d.lon},${d.lat}`, d.id]));
  const unloads = planDemoUnloads(
    boats,
    (code) => {
      const end = ends.get(code);
      return end ? { dockId: dockAt.get(end.join(',')) ?? null, lat: end[1], lon: end[0] } : undefined;
    },
    anchor,
  );
  await insertUnloads(ctx.db, unloads);
  return { docks, crewOnBoats, shifts: boats.length, unloads: unloads.length };
}

/**
 * Adds the fleet's records to a demo database whose fleet was seeded before they existed (no
 * docks held by the demo contractor); anything else is left alone. Returns whether it seeded.
 */
export async function ensureDemoFleetRecords(ctx: ServiceContext): Promise<boolean> {
  const contractor = (await listUnits(ctx.db, { scopePath: null, kind: 'contractor' })).find(
    (u) => u.code === DEMO_CONTRACTOR.code,
  );
  if (!contractor) return false;
  const boats = await listAssets(ctx.db, { scopePath: contractor.path, kind: 'boat' });
  if (!boats.some((b) => b.code === DEMO_BOATS[0]?.code)) return false;
  if ((await listDocks(ctx.db, { scopePath: contractor.path })).length > 0) return false;
  await writeTransaction(ctx.db, [], (trx) => seedDemoFleetRecords({ ...ctx, db: trx }, contractor.id));
  return true;
}
