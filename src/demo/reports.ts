// The demo's weekly report archive: last week's quantified report (量化式报告) of the subdistrict
// and of each linkage workstation, issued by the leader at seeding, so that the archive a leader
// opens is not empty and holds the week the reports page shows first.
import { lastCompleteWeek } from '../domain/tasks/index.ts';
import { principalOf } from '../services/auth/index.ts';
import type { ServiceContext } from '../services/context.ts';
import { issueWeeklyReport } from '../services/reports/index.ts';
import { writeTransaction } from '../store/read-cache.ts';
import { listReports } from '../store/reports.repository.ts';
import { listUnits } from '../store/units.repository.ts';
import { findUserByUsername } from '../store/users.repository.ts';

/**
 * Issues the last complete ISO week's report (Beijing time) of the subdistrict and each
 * workstation through the issuing service, as the leader, in one transaction. A database with
 * no demo leader, or with issued reports already, is left alone; returns what it issued, or undefined.
 */
export async function seedDemoReports(
  ctx: ServiceContext,
): Promise<{ week: string; reports: number } | undefined> {
  const user = await findUserByUsername(ctx.db, 'leader');
  if (!user?.active) return undefined;
  if ((await listReports(ctx.db, { kind: 'weekly', scopePath: null })).length > 0) return undefined;
  const leader = await principalOf(ctx, user);
  const week = lastCompleteWeek(ctx.now());
  // The subdistrict's last, so that it heads the archive (newest first).
  const units = [
    ...(await listUnits(ctx.db, { scopePath: null, kind: 'workstation' })),
    ...(await listUnits(ctx.db, { scopePath: null, kind: 'subdistrict' })),
  ];
  await writeTransaction(ctx.db, [], async (trx) => {
    for (const unit of units) await issueWeeklyReport({ ...ctx, db: trx }, leader, { week, unitId: unit.id });
  });
  return { week, reports: units.length };
}
