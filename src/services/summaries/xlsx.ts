import ExcelJS from 'exceljs';
import type { FleetDayView, FleetMonthView } from '../../api/index.ts';

/** A spreadsheet to download. */
export interface SheetFile {
  body: Buffer;
  contentType: string;
  contentDisposition: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One column: its Chinese header, width, number format, the value of a row, and whether the totals row sums it. */
interface Column<T> {
  header: string;
  width: number;
  numFmt?: string;
  value: (row: T) => string | number | null;
  sum?: boolean;
}

const HOUR_S = 3600;
/** HH:mm in Asia/Shanghai of an ISO instant, or empty. */
const localTime = (at: string | null) =>
  at === null ? '' : new Date(Date.parse(at) + 8 * HOUR_S * 1000).toISOString().slice(11, 16);

/** A sheet of rows under a bold, frozen header, and a totals row (合计) summing the columns that add up. */
async function sheetOf<T>(
  title: string,
  columns: Column<T>[],
  rows: readonly T[],
  file: string,
): Promise<SheetFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(title);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
  // Totals as values, not SUM formulas: ExcelJS drops a formula's cached result of 0, and a
  // reader that does not recalculate (a phone's preview) would show an empty cell.
  const totals = sheet.addRow(
    columns.map((c, i) => {
      if (i === 0) return '合计';
      if (!c.sum) return null;
      return rows.reduce((n, r) => n + Number(c.value(r) ?? 0), 0);
    }),
  );
  totals.font = { bold: true };
  columns.forEach((c, i) => {
    if (c.numFmt) sheet.getColumn(i + 1).numFmt = c.numFmt;
  });
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    body,
    contentType: XLSX,
    contentDisposition: `attachment; filename="${file}"`,
  };
}

type DayRow = FleetDayView['items'][number] & { name: string };

/** The fleet day as a spreadsheet: one row per boat, a totals row. */
export function fleetDaySheet(view: FleetDayView, names: ReadonlyMap<string, string>): Promise<SheetFile> {
  const rows: DayRow[] = view.items.map((i) => ({ ...i, name: names.get(i.assetId) ?? i.assetId }));
  const columns: Column<DayRow>[] = [
    { header: '船只', width: 14, value: (r) => r.name },
    { header: '日期', width: 12, value: (r) => r.date },
    { header: '里程(公里)', width: 11, numFmt: '0.00', value: (r) => r.distanceM / 1000, sum: true },
    { header: '作业(小时)', width: 11, numFmt: '0.00', value: (r) => r.workS / HOUR_S, sum: true },
    { header: '休息(小时)', width: 11, numFmt: '0.00', value: (r) => r.restS / HOUR_S, sum: true },
    { header: '无数据(小时)', width: 12, numFmt: '0.00', value: (r) => r.noDataS / HOUR_S, sum: true },
    {
      header: '班外航行(小时)',
      width: 14,
      numFmt: '0.00',
      value: (r) => r.offDutyMovingS / HOUR_S,
      sum: true,
    },
    { header: '行程数', width: 8, numFmt: '0', value: (r) => r.trips, sum: true },
    { header: '停留数', width: 8, numFmt: '0', value: (r) => r.stops, sum: true },
    {
      header: '覆盖率',
      width: 9,
      numFmt: '0.0%',
      value: (r) => {
        const sections = r.coverage.reduce((n, c) => n + c.sections, 0);
        return sections === 0 ? null : r.coverage.reduce((n, c) => n + c.visited, 0) / sections;
      },
    },
    { header: '卸载次数', width: 9, numFmt: '0', value: (r) => r.unloads.count, sum: true },
    { header: '卸载(吨)', width: 10, numFmt: '0.00', value: (r) => r.unloads.tonnes, sum: true },
    { header: '上班', width: 8, value: (r) => localTime(r.duty.onDutyFrom) },
    { header: '下班', width: 8, value: (r) => localTime(r.duty.onDutyTo) },
  ];
  return sheetOf(`日汇总 ${view.date}`, columns, rows, `fleet-day-${view.date}.xlsx`);
}

type MonthRow = FleetMonthView['items'][number];

/** The fleet month as a spreadsheet: one row per boat, a totals row. */
export function fleetMonthSheet(view: FleetMonthView): Promise<SheetFile> {
  const columns: Column<MonthRow>[] = [
    { header: '船只', width: 14, value: (r) => r.name },
    { header: '月份', width: 9, value: (r) => r.month },
    { header: '天数', width: 7, numFmt: '0', value: (r) => r.days, sum: true },
    { header: '里程(公里)', width: 11, numFmt: '0.00', value: (r) => r.distanceM / 1000, sum: true },
    { header: '作业(小时)', width: 11, numFmt: '0.00', value: (r) => r.workH, sum: true },
    { header: '休息(小时)', width: 11, numFmt: '0.00', value: (r) => r.restH, sum: true },
    { header: '平均覆盖率', width: 11, numFmt: '0.0%', value: (r) => r.meanCoverage },
    { header: '覆盖不足天数', width: 12, numFmt: '0', value: (r) => r.daysBelowCoverage, sum: true },
    { header: '卸载(吨)', width: 10, numFmt: '0.00', value: (r) => r.tonnes, sum: true },
  ];
  return sheetOf(`月汇总 ${view.month}`, columns, view.items, `fleet-month-${view.month}.xlsx`);
}
