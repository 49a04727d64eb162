import ExcelJS from 'exceljs';
import type { WeeklyReportView } from '../../api/index.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const GREEN = 'FFC6EFCE';
const RED = 'FFFFC7CE';
const LIGHT_FILL: Record<string, string> = { green: GREEN, yellow: 'FFFFEB9C', red: RED };
const LIGHT_LABEL: Record<string, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };
const STATE_LABEL: Record<string, string> = { open: '推进中', done: '已完成', overdue: '已逾期' };
const KIND_LABEL: Record<string, string> = {
  community: '社区',
  workstation: '联动工作站',
  department: '职能部门',
};
const RATE = '0.0%';

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

function sheetWith(
  workbook: ExcelJS.Workbook,
  title: string,
  headers: [string, number][],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(title);
  sheet.columns = headers.map(([header, width]) => ({ header, width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return sheet;
}

/**
 * The weekly report as a workbook: 工单 (figures with the week before and the change; rates as
 * percentages, a worse change in red and a better one in green), 序时进度 (lights as cell
 * colours), 排名, 重点工作 (red tasks in red) and 船队 (the fleet's week). Cells hold numbers, not text.
 */
export async function weeklyReportWorkbook(report: WeeklyReportView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = `${report.unit.name}${report.week}量化式报告`;

  const orders = sheetWith(workbook, '工单', [
    ['指标', 14],
    ['本周', 12],
    ['上周', 12],
    ['环比变化', 12],
  ]);
  for (const f of report.orders) {
    const row = orders.addRow([f.label, f.value, f.previous, f.change]);
    const rate = f.key.endsWith('Rate');
    if (rate) for (const c of [2, 3]) row.getCell(c).numFmt = RATE;
    row.getCell(4).numFmt = rate ? '+0.00"个百分点";-0.00"个百分点";0' : '+0;-0;0';
    // Fewer overdue orders is better; more of anything else is.
    const better = f.change === null || f.change === 0 ? null : f.change > 0 !== (f.key === 'overdueCount');
    if (better !== null) row.getCell(4).fill = fill(better ? GREEN : RED);
  }

  const progress = sheetWith(workbook, '序时进度', [
    ['指标', 22],
    ['责任单位', 14],
    ['年度目标', 12],
    ['完成值', 12],
    ['完成率', 10],
    ['序时进度', 10],
    ['差距(百分点)', 12],
    ['亮灯', 8],
  ]);
  for (const p of report.progress) {
    const row = progress.addRow([
      p.metric.name,
      p.unit.name,
      p.target,
      p.actual,
      p.completion,
      p.schedule,
      p.gapPoints,
      p.light === null ? '' : LIGHT_LABEL[p.light],
    ]);
    row.getCell(5).numFmt = RATE;
    row.getCell(6).numFmt = RATE;
    row.getCell(7).numFmt = '0.00';
    if (p.light !== null) row.getCell(8).fill = fill(LIGHT_FILL[p.light] ?? 'FFFFFFFF');
  }

  const ranks = sheetWith(workbook, '排名', [
    ['类别', 12],
    ['名次', 6],
    ['单位', 18],
    ['立案数', 8],
    ['办结率', 10],
    ['按期办结率', 12],
    ['满意率', 10],
  ]);
  for (const r of report.rankings) {
    for (const i of r.items) {
      const row = ranks.addRow([
        KIND_LABEL[r.kind] ?? r.kind,
        i.rank,
        i.unit.name,
        i.registered,
        i.closureRate,
        i.onTimeClosureRate,
        i.satisfactionRate,
      ]);
      for (const c of [5, 6, 7]) row.getCell(c).numFmt = RATE;
    }
  }

  const tasks = sheetWith(workbook, '重点工作', [
    ['任务', 26],
    ['截止时间', 18],
    ['状态', 8],
    ['进度', 8],
    ['本周进展', 50],
  ]);
  for (const t of report.tasks) {
    const row = tasks.addRow([
      t.title,
      new Date(Date.parse(t.deadline) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '),
      STATE_LABEL[t.state] ?? t.state,
      t.percent === null ? null : t.percent / 100,
      t.notes.map((n) => n.text).join('；'),
    ]);
    row.getCell(4).numFmt = '0%';
    if (t.red) row.getCell(3).fill = fill(RED);
  }

  const fleet = sheetWith(workbook, '船队', [
    ['船只数', 8],
    ['船日数', 8],
    ['里程(公里)', 12],
    ['作业(小时)', 12],
    ['平均覆盖率', 12],
    ['垃圾(吨)', 10],
  ]);
  const f = report.fleet;
  const row = fleet.addRow([f.boats, f.days, f.distanceKm, f.workHours, f.meanCoverage, f.tonnes]);
  row.getCell(3).numFmt = '0.00';
  row.getCell(4).numFmt = '0.00';
  row.getCell(5).numFmt = RATE;
  row.getCell(6).numFmt = '0.000';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The download's headers for a unit's week. */
export function workbookHeaders(report: WeeklyReportView): Record<string, string> {
  return {
    'content-type': XLSX,
    'content-disposition': `attachment; filename="weekly-${report.week}-${report.unit.code}.xlsx"`,
  };
}
