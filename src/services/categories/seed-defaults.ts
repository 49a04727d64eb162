import { CALENDAR_CN_2026 } from '../../domain/calendar/cn-2026.ts';
import { newId } from '../../ids.ts';
import { putCalendarYear } from '../../store/calendar.repository.ts';
import { insertCategory } from '../../store/categories.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { getSetting, putSetting } from '../../store/settings.repository.ts';
import { listUnits } from '../../store/units.repository.ts';
import { forgetCalendar } from '../calendar/index.ts';
import type { ServiceContext } from '../context.ts';
import { DEFAULT_CATEGORIES, DEPARTMENT_KEYWORDS, type DepartmentKey } from './default-list.ts';

const SEEDED_KEY = 'workOrders.defaultsSeeded';

/** Department unit ids by key, found by name: the one thing a fresh organisation and the demo share. */
async function departmentsByKey(ctx: ServiceContext): Promise<Map<DepartmentKey, string>> {
  const departments = await listUnits(ctx.db, { scopePath: null, kind: 'department' });
  const found = new Map<DepartmentKey, string>();
  for (const [key, keyword] of Object.entries(DEPARTMENT_KEYWORDS) as [DepartmentKey, string][]) {
    const unit = departments.find((d) => d.name.includes(keyword));
    if (unit) found.set(key, unit.id);
  }
  return found;
}

/**
 * Seeds the default category dictionary and the 2026 holiday calendar, once per database (a
 * settings flag remembers it, so categories an admin deleted do not come back). Departments
 * that do not exist yet leave their categories without a default unit for the admin to set.
 */
export async function seedWorkOrderDefaults(ctx: ServiceContext): Promise<{ categories: number } | null> {
  if (await getSetting(ctx.db, SEEDED_KEY, false)) return null;
  const departments = await departmentsByKey(ctx);
  const now = ctx.now();
  await writeTransaction(ctx.db, ['categories'], async (trx) => {
    for (const d of DEFAULT_CATEGORIES) {
      const departmentId = d.handler === 'community' ? null : (departments.get(d.handler) ?? null);
      await insertCategory(trx, {
        id: newId(),
        type: d.type,
        majorCode: d.majorCode,
        majorName: d.majorName,
        minorCode: d.minorCode,
        minorName: d.minorName,
        timeLimit: d.timeLimit,
        defaultUnitKind: d.handler === 'community' ? 'community' : 'department',
        defaultUnitId: departmentId,
        defaultStage: d.stage,
        duplicateRadiusM: d.duplicateRadiusM,
        active: true,
        extraFields: [],
        createdAt: now,
        updatedAt: now,
      });
    }
    await putCalendarYear(trx, CALENDAR_CN_2026, now);
    await putSetting(trx, SEEDED_KEY, true, now);
  });
  forgetCalendar(ctx);
  return { categories: DEFAULT_CATEGORIES.length };
}
