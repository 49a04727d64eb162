import type { ReportEntryView, WeeklyReportView } from '../../api/index.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { findReport, type IssuedReport, insertReport, listReports } from '../../store/reports.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { assertHeldInScope, listScopeUnder } from '../scope/index.ts';
import { weeklyReport } from './weekly.ts';

const notFound = (id: string): never => fail('REPORT_NOT_FOUND', `No report with id ${id}`);

export function reportEntryView(r: Omit<IssuedReport, 'body'>): ReportEntryView {
  return {
    id: r.id,
    kind: r.kind,
    week: r.week,
    unitId: r.unitId,
    issuedAt: new Date(r.issuedAt).toISOString(),
    issuedBy: r.issuedBy,
  };
}

/**
 * Issues a unit's weekly report: computes it now and archives the JSON unchanged; later changes
 * to the data never alter it. `issuedBy` is the caller, or null for the push-day job.
 */
export async function issueWeeklyReport(
  ctx: ServiceContext,
  who: Principal,
  q: { week: string; unitId: string },
  issuedBy: string | null = who.userId,
): Promise<ReportEntryView> {
  const body = await weeklyReport(ctx, who, q);
  const report: IssuedReport = {
    id: newId(),
    kind: 'weekly',
    week: q.week,
    unitId: q.unitId,
    issuedAt: ctx.now(),
    issuedBy,
    body,
  };
  await writeTransaction(ctx.db, [], (trx) => insertReport(trx, report));
  return reportEntryView(report);
}

/** Issued reports of units in the caller's scope (one unit's with `unitId`), newest first. */
export async function listIssuedReports(
  ctx: ServiceContext,
  who: Principal,
  q: { kind: 'weekly'; unitId?: string; week?: string },
): Promise<ReportEntryView[]> {
  const scopePath = await listScopeUnder(ctx, who, q.unitId, () =>
    fail('UNIT_NOT_FOUND', `unitId ${q.unitId} is not a unit you may read`),
  );
  return (await listReports(ctx.db, { ...q, scopePath })).map(reportEntryView);
}

/** An issued report of a unit in the caller's scope, its body as issued; REPORT_NOT_FOUND otherwise. */
export async function getIssuedReportOrThrow(
  ctx: ServiceContext,
  who: Principal,
  id: string,
): Promise<WeeklyReportView> {
  const report = await findReport(ctx.db, id);
  if (!report) return notFound(id);
  await assertHeldInScope(ctx, who, report.unitId, () => notFound(id));
  return report.body as WeeklyReportView;
}
