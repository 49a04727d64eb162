import { isoWeekOf, REMINDER_HOUR, weekdayAt, weekRange } from '../../domain/tasks/index.ts';
import { listReports } from '../../store/reports.repository.ts';
import { listUnits } from '../../store/units.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { getTaskSettings } from '../tasks/index.ts';
import { issueWeeklyReport } from './archive.ts';

/** The units a weekly report is issued for automatically. */
const ISSUED_FOR = ['subdistrict', 'workstation'] as const;

/**
 * On the push day's evening (from 18:00 Beijing time, as the reminders), issues the week's report
 * of the subdistrict and of each workstation that has none yet for the week (issuedBy null).
 * The number issued.
 */
export async function issueDueWeeklyReports(ctx: ServiceContext): Promise<number> {
  const now = ctx.now();
  const week = isoWeekOf(now);
  const range = weekRange(week);
  const { pushWeekday } = await getTaskSettings(ctx);
  if (
    !range ||
    now < weekdayAt(range, pushWeekday, REMINDER_HOUR) ||
    now >= weekdayAt(range, pushWeekday, 24)
  )
    return 0;
  let issued = 0;
  for (const kind of ISSUED_FOR) {
    for (const unit of await listUnits(ctx.db, { scopePath: null, kind })) {
      if ((await listReports(ctx.db, { kind: 'weekly', scopePath: null, unitId: unit.id, week })).length > 0)
        continue;
      const system: Principal = {
        userId: 'system',
        username: 'system',
        displayName: '系统',
        role: 'admin',
        unitId: unit.id,
        scopePath: null,
      };
      await issueWeeklyReport(ctx, system, { week, unitId: unit.id }, null);
      issued++;
    }
  }
  return issued;
}
