import type { CalendarYear } from '../domain/calendar/calendar.ts';
import type { Db } from './database.ts';
import { parseJson } from './dialect/json.ts';

/** Every stored calendar year, ascending. */
export async function listCalendarYears(db: Db): Promise<CalendarYear[]> {
  const rows = await db.selectFrom('calendar_years').select('data').orderBy('year').execute();
  return rows.flatMap((r) => parseJson<CalendarYear>(r.data) ?? []);
}

/** One stored calendar year, or undefined. */
export async function findCalendarYear(db: Db, year: number): Promise<CalendarYear | undefined> {
  const row = await db
    .selectFrom('calendar_years')
    .select('data')
    .where('year', '=', year)
    .executeTakeFirst();
  return row ? (parseJson<CalendarYear>(row.data) ?? undefined) : undefined;
}

/** Stores (or replaces) a validated calendar year. */
export async function putCalendarYear(db: Db, data: CalendarYear, now: number): Promise<void> {
  const json = JSON.stringify(data);
  await db
    .insertInto('calendar_years')
    .values({ year: data.year, data: json, updated_at: now })
    .onConflict((oc) => oc.column('year').doUpdateSet({ data: json, updated_at: now }))
    .execute();
}
