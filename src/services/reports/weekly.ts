import type { WeeklyReportView } from '../../api/index.ts';
import { weekFigures } from '../../domain/reports/figures.ts';
import { fleetWeek } from '../../domain/reports/fleet.ts';
import { previousWeek, type WeekRange, weekRange } from '../../domain/tasks/index.ts';
import { fail } from '../../errors/catalogue.ts';
import { listTaskNotes, listTasks } from '../../store/tasks.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { RANKED_UNIT_KINDS, unitIndicators, unitRankings } from '../indicators/index.ts';
import { progressAt } from '../metrics/index.ts';
import { fleetDays } from '../summaries/index.ts';
import { latestPercents, taskView } from '../tasks/index.ts';
import { getUnitOrThrow } from '../units/index.ts';

const iso = (t: number) => new Date(t).toISOString();
/** The Beijing date (YYYY-MM-DD) of the week's last day. */
const lastDayOf = (range: WeekRange) => new Date(range.to - 1 + 8 * 3_600_000).toISOString().slice(0, 10);

/** The instants of an ISO week, or VALIDATION_FAILED for a week the year does not have. */
export function weekRangeOrThrow(week: string): WeekRange {
  const range = weekRange(week);
  if (!range)
    fail('VALIDATION_FAILED', `week: ${week} is not a week of its year (2026-W22 is 25–31 May 2026)`);
  return range;
}

/**
 * The weekly quantified report (量化式报告) of a unit (the caller's own by default, else one in
 * their scope) for an ISO week, as things stand now: schedule progress at the week's last day,
 * the work-order figures of the week against the week before, the rankings of communities,
 * workstations and departments under the unit for the week, and the key tasks of units under
 * it with the notes written in the week, and the fleet's week summed from the day summaries of
 * the boats under it.
 */
export async function weeklyReport(
  ctx: ServiceContext,
  who: Principal,
  q: { week: string; unitId?: string },
): Promise<WeeklyReportView> {
  const range = weekRangeOrThrow(q.week);
  const before = weekRangeOrThrow(previousWeek(q.week));
  const unit = await getUnitOrThrow(ctx, who, q.unitId ?? who.unitId);
  const span = (r: WeekRange) => ({ unitId: unit.id, from: iso(r.from), to: iso(r.to) });
  const under: Principal = { ...who, scopePath: unit.path };
  const [progress, current, previous, rankings, tasks] = await Promise.all([
    progressAt(ctx, who, { date: lastDayOf(range), unitId: unit.id }),
    unitIndicators(ctx, who, span(range)),
    unitIndicators(ctx, who, span(before)),
    Promise.all(
      RANKED_UNIT_KINDS.map((kind) =>
        unitRankings(ctx, under, { kind, from: iso(range.from), to: iso(range.to) }),
      ),
    ),
    listTasks(ctx.db, { scopePath: unit.path }),
  ]);
  const now = ctx.now();
  // The week's days up to today (a day not begun has no summary).
  const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  const dates = [0, 1, 2, 3, 4, 5, 6]
    .map((i) => new Date(range.from + i * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10))
    .filter((d) => d <= today);
  const fleet = await fleetDays(ctx, who, dates, unit.id);
  const notes = await listTaskNotes(
    ctx.db,
    tasks.map((t) => t.id),
  );
  const percents = latestPercents(notes.filter((n) => n.createdAt < range.to));
  return {
    kind: 'weekly',
    week: q.week,
    from: iso(range.from),
    to: iso(range.to),
    unit: { id: unit.id, code: unit.code, name: unit.name },
    generatedAt: iso(now),
    progress: progress.items,
    orders: weekFigures(current.indicators, previous.indicators),
    rankings: rankings.map((r) => ({
      kind: r.kind,
      items: r.items.map((i) => ({
        rank: i.rank,
        unit: { id: i.unit.id, code: i.unit.code, name: i.unit.name },
        registered: i.indicators.registered,
        closureRate: i.indicators.closureRate,
        onTimeClosureRate: i.indicators.onTimeClosureRate,
        satisfactionRate: i.indicators.satisfactionRate,
      })),
    })),
    fleet: fleetWeek(fleet),
    tasks: tasks
      .filter((t) => t.createdAt < range.to)
      .map((t) => {
        const view = taskView(t, Math.min(now, range.to), percents.get(t.id) ?? null);
        return {
          id: t.id,
          title: t.title,
          ownerUnitId: t.ownerUnitId,
          deadline: view.deadline,
          state: view.state,
          red: view.red,
          percent: view.percent,
          notes: notes
            .filter((n) => n.taskId === t.id && n.createdAt >= range.from && n.createdAt < range.to)
            .map((n) => ({ text: n.text, percent: n.percent, createdAt: iso(n.createdAt) })),
        };
      }),
  };
}
