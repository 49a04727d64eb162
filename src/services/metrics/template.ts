import ExcelJS from 'exceljs';
import { dayKeyOf, localDayIndex } from '../../domain/calendar/local-day.ts';
import { IMPORT_COLUMNS } from '../../domain/metrics/index.ts';
import { workingCalendar } from '../calendar/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { getUnitOrThrow } from '../units/index.ts';

/** The Chinese header of each import column, in the order the template lays them out. */
const HEADERS = Object.values(IMPORT_COLUMNS).map((names) => names[1] ?? names[0] ?? '');

/**
 * The import template (.xlsx): the Chinese header row the import reads and one example row that
 * imports as it is — the caller's own unit as owner (by its code) and this year (Beijing time), so
 * an operator sees every column filled in the way the import expects before writing their own.
 */
export async function metricTemplate(ctx: ServiceContext, who: Principal): Promise<Buffer> {
  const unit = await getUnitOrThrow(ctx, who, who.unitId);
  const calendar = await workingCalendar(ctx);
  const year = Number(dayKeyOf(localDayIndex(calendar.utcOffsetMs, ctx.now())).slice(0, 4));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('指标');
  sheet.addRow(HEADERS).font = { bold: true };
  sheet.addRow([
    'EXAMPLE-01',
    '示例指标（可删除此行）',
    '亿元',
    unit.code,
    '累计',
    '正向',
    '按月',
    year,
    100,
  ]);
  sheet.columns.forEach((column, i) => {
    column.width = i === 1 ? 28 : 14;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
