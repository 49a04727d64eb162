import { type Static, Type } from 'typebox';
import { FIGURE_KEYS } from '../domain/reports/figures.ts';
import { TASK_STATES } from '../domain/tasks/model.ts';
import { ISO_WEEK_PATTERN } from '../domain/tasks/week.ts';
import { Id, Nullable, Time } from './common.ts';
import { ProgressItemSchema } from './metrics.ts';

/** The weekly quantified report (量化式报告): what the routes accept and answer. */

/** An ISO week, `2026-W22`, counted in Beijing time. */
export const IsoWeek = Type.String({
  pattern: ISO_WEEK_PATTERN,
  description: 'ISO week, Beijing time: 2026-W22',
});

/** GET /api/reports/weekly(.xlsx|.html)?week=&unitId= (the unit defaults to your own). */
export const WeeklyReportQuery = Type.Object({ week: IsoWeek, unitId: Type.Optional(Id) });

/** POST /api/reports/weekly/issue. */
export const IssueReportBody = Type.Object({ week: IsoWeek, unitId: Id });

/** GET /api/reports?kind=weekly&unitId=&week=. */
export const ReportListQuery = Type.Object({
  kind: Type.Literal('weekly'),
  unitId: Type.Optional(Id),
  week: Type.Optional(IsoWeek),
});

const UnitRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });

export const FigureSchema = Type.Object({
  key: Type.Enum(FIGURE_KEYS),
  label: Type.String(),
  value: Nullable(Type.Number()),
  previous: Nullable(Type.Number()),
  change: Nullable(
    Type.Number({ description: 'a count’s difference; a rate’s change in percentage points' }),
  ),
});

export const RankingSchema = Type.Object({
  kind: Type.String(),
  items: Type.Array(
    Type.Object({
      rank: Nullable(Type.Integer()),
      unit: UnitRef,
      registered: Type.Integer(),
      closureRate: Nullable(Type.Number()),
      onTimeClosureRate: Nullable(Type.Number()),
      satisfactionRate: Nullable(Type.Number()),
    }),
  ),
});

export const ReportTaskSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  ownerUnitId: Type.String(),
  deadline: Time,
  state: Type.Enum(TASK_STATES),
  red: Type.Boolean(),
  percent: Nullable(Type.Number()),
  notes: Type.Array(Type.Object({ text: Type.String(), percent: Nullable(Type.Number()), createdAt: Time })),
});

/** The weekly report as JSON: the same whether computed now or archived when issued. */
export const WeeklyReportSchema = Type.Object({
  kind: Type.Literal('weekly'),
  week: Type.String(),
  from: Time,
  to: Time,
  unit: UnitRef,
  generatedAt: Time,
  progress: Type.Array(ProgressItemSchema),
  orders: Type.Array(FigureSchema),
  rankings: Type.Array(RankingSchema),
  tasks: Type.Array(ReportTaskSchema),
  fleet: Type.Object({
    boats: Type.Integer({ description: 'boats with a day summary in the week' }),
    days: Type.Integer({ description: 'boat-days summed' }),
    distanceKm: Type.Number(),
    workHours: Type.Number(),
    meanCoverage: Nullable(Type.Number({ description: 'mean coverage over the segment-days covered' })),
    tonnes: Type.Number(),
  }),
});

export const ReportEntrySchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  week: Type.String(),
  unitId: Type.String(),
  issuedAt: Time,
  issuedBy: Nullable(Type.String()),
});
export const ReportListSchema = Type.Object({ items: Type.Array(ReportEntrySchema) });

export type WeeklyReportView = Static<typeof WeeklyReportSchema>;
export type ReportEntryView = Static<typeof ReportEntrySchema>;
