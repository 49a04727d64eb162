import type { DutyDayView } from '../../api/index.ts';
import {
  type ClockFlag,
  type DayDuty,
  dutyOfDay,
  type Interval,
  localDateOf,
  localDayWindow,
  shiftsOn,
  type TrackFix,
} from '../../domain/fleet/index.ts';
import { fail } from '../../errors/catalogue.ts';
import { type Asset, findAssetByUser, findAssets, listAssets } from '../../store/assets.repository.ts';
import { type ClockEventRecord, listClockEvents } from '../../store/clock-events.repository.ts';
import { listDevices } from '../../store/devices.repository.ts';
import { findFirstUsableFix } from '../../store/positions.repository.ts';
import { workingCalendar } from '../calendar/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { listScopeUnder } from '../scope/index.ts';
import { resolvePlans } from '../shifts/index.ts';

/** A night shift's clock-out is looked for this long after the day's end. */
const NIGHT_TAIL_MS = 12 * 3_600_000;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The events that belong to a day: those during it, and after its end those up to the next
 * clock-in (the clock-outs of a shift that ran past midnight), not the next day's shift.
 */
function eventsOfDay(events: readonly ClockEventRecord[], window: Interval): ClockEventRecord[] {
  const during = events.filter((e) => e.at >= window.from && e.at < window.to);
  const after = events.filter((e) => e.at >= window.to);
  const nextIn = after.findIndex((e) => e.kind === 'in');
  return [...during, ...(nextIn < 0 ? after : after.slice(0, nextIn))];
}

/** The boats whose duty the caller reads: a crew user their own boat; others the boats in their scope (under unitId). */
export async function boatsFor(
  ctx: ServiceContext,
  who: Principal,
  unitId: string | undefined,
): Promise<Asset[]> {
  const scopePath = await listScopeUnder(ctx, who, unitId, () =>
    fail('UNIT_NOT_FOUND', `No unit with id ${unitId}`, { field: 'unitId' }),
  );
  const boats = await listAssets(ctx.db, { scopePath, kind: 'boat' });
  if (who.role !== 'crew') return boats;
  const member = await findAssetByUser(ctx.db, who.userId);
  return boats.filter((b) => b.id === member?.boatId);
}

/** A date that exists, or 400. */
export function checkedDate(date: string): string {
  try {
    localDayWindow(date);
  } catch {
    fail('VALIDATION_FAILED', `date ${date} is not a day of the calendar: write YYYY-MM-DD`, {
      field: 'date',
    });
  }
  return date;
}

/**
 * GET /api/duty: a day's duty (上班/下班) of the boats in scope and their crews. A boat whose crew
 * clocked in that day is on duty from the first clock-in to the last clock-out (source "clock");
 * otherwise its duty is derived from its shift plan, from a shift's start to its end when its
 * terminal reported during the shift (source "derived"). See the fleet domain's dutyOfDay.
 */
export async function dutyDay(
  ctx: ServiceContext,
  who: Principal,
  query: { date?: string; unitId?: string },
): Promise<DutyDayView> {
  const now = ctx.now();
  const date = query.date === undefined ? localDateOf(now) : checkedDate(query.date);
  const window = localDayWindow(date);
  const boats = await boatsFor(ctx, who, query.unitId);
  const boatIds = boats.map((b) => b.id);
  const events = await listClockEvents(ctx.db, { boatIds, from: window.from, to: window.to + NIGHT_TAIL_MS });
  const calendar = await workingCalendar(ctx);
  const plans = await resolvePlans(ctx, boats);
  const devices = await listDevices(ctx.db, { scopePath: null });
  const openUntil = now < window.to ? now : undefined;

  const boatRows: DutyDayView['boats'] = [];
  for (const boat of boats) {
    const own = eventsOfDay(
      events.filter((e) => e.boatId === boat.id),
      window,
    );
    const ins = own.filter((e) => e.kind === 'in' && e.at < window.to);
    let duty: ReturnType<typeof dutyOfDay>;
    if (ins.length > 0) {
      const clockEvents = own.map((e) => ({ at: e.at, kind: e.kind, crewId: e.memberId }));
      duty = dutyOfDay({ date, calendar, clockEvents, openUntil });
    } else {
      const plan = plans.get(boat.id)?.plan;
      const deviceIds = devices.filter((d) => d.assetId === boat.id).map((d) => d.id);
      const fixes: TrackFix[] = [];
      for (const shift of plan ? shiftsOn(plan, date, calendar) : []) {
        const fix = await findFirstUsableFix(ctx.db, deviceIds, shift.from, Math.min(shift.to, now + 1));
        if (fix) fixes.push({ time: fix.time, lat: fix.lat, lon: fix.lon, valid: fix.valid });
      }
      duty = dutyOfDay({ date, calendar, plan, fixes });
    }
    const first = duty.intervals[0];
    const last = duty.intervals.at(-1);
    boatRows.push({
      assetId: boat.id,
      name: boat.name,
      onDutyFrom: first ? iso(first.from) : null,
      onDutyTo: last ? iso(last.to) : null,
      crewOnDuty: duty.source === 'clock' ? new Set(ins.map((e) => e.memberId)).size : null,
      source: duty.source,
      intervals: duty.intervals.map((i) => ({ from: iso(i.from), to: iso(i.to) })),
    });
  }
  return { date, people: await peopleOf(ctx, boats, events, window), boats: boatRows };
}

/** The crews of these boats (and anyone who clocked in for one that day), with their day's clock times. */
async function peopleOf(
  ctx: ServiceContext,
  boats: readonly Asset[],
  events: readonly ClockEventRecord[],
  window: Interval,
): Promise<DutyDayView['people']> {
  const boatIds = new Set(boats.map((b) => b.id));
  const crew = (await listAssets(ctx.db, { scopePath: null, kind: 'crew' })).filter(
    (m) => m.boatId !== null && boatIds.has(m.boatId),
  );
  const known = new Set(crew.map((m) => m.id));
  const others = [...new Set(events.map((e) => e.memberId))].filter((id) => !known.has(id));
  const members = [...crew, ...(await findAssets(ctx.db, others))];
  const boatOrder = new Map(boats.map((b, i) => [b.id, i]));
  const rows = members.map((m) => {
    const own = eventsOfDay(
      events.filter((e) => e.memberId === m.id),
      window,
    );
    const clockIn = own.find((e) => e.kind === 'in' && e.at < window.to);
    const latest = clockIn ? own.filter((e) => e.at >= clockIn.at).at(-1) : undefined;
    const flags = new Set<ClockFlag>(own.flatMap((e) => e.flags));
    return {
      memberId: m.id,
      name: m.name,
      code: m.code,
      assetId: clockIn?.boatId ?? own[0]?.boatId ?? m.boatId ?? '',
      clockIn: clockIn ? iso(clockIn.at) : null,
      clockOut: latest?.kind === 'out' ? iso(latest.at) : null,
      flags: [...flags],
    };
  });
  rows.sort(
    (a, b) =>
      (boatOrder.get(a.assetId) ?? 0) - (boatOrder.get(b.assetId) ?? 0) || a.code.localeCompare(b.code),
  );
  return rows.filter((r) => r.assetId !== '').map(({ code: _code, ...row }) => row);
}

/**
 * One boat's duty on a date, as GET /api/duty reports it (no scope check: the caller has
 * already found the boat). The day summaries read it.
 */
export async function dutyOfBoat(ctx: ServiceContext, boat: Asset, date: string): Promise<DayDuty> {
  const now = ctx.now();
  const window = localDayWindow(date);
  const events = eventsOfDay(
    await listClockEvents(ctx.db, { boatIds: [boat.id], from: window.from, to: window.to + NIGHT_TAIL_MS }),
    window,
  );
  const calendar = await workingCalendar(ctx);
  const openUntil = now < window.to ? now : undefined;
  if (events.some((e) => e.kind === 'in' && e.at < window.to)) {
    const clockEvents = events.map((e) => ({ at: e.at, kind: e.kind, crewId: e.memberId }));
    return dutyOfDay({ date, calendar, clockEvents, openUntil });
  }
  const plan = (await resolvePlans(ctx, [boat])).get(boat.id)?.plan;
  const shifts = plan ? shiftsOn(plan, date, calendar) : [];
  const fixes: TrackFix[] = [];
  // No shift that day (a day off, no plan): no terminal to ask, and no devices to list.
  if (shifts.length > 0) {
    const deviceIds = (await listDevices(ctx.db, { scopePath: null }))
      .filter((d) => d.assetId === boat.id)
      .map((d) => d.id);
    for (const shift of shifts) {
      const fix = await findFirstUsableFix(ctx.db, deviceIds, shift.from, Math.min(shift.to, now + 1));
      if (fix) fixes.push({ time: fix.time, lat: fix.lat, lon: fix.lon, valid: fix.valid });
    }
  }
  return dutyOfDay({ date, calendar, plan, fixes });
}
