import type { WeeklyReportView } from '../../api/index.ts';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null) => (x === null ? '—' : String(x));
const signed = (x: number | null, rate: boolean) =>
  x === null ? '—' : `${x > 0 ? '+' : ''}${rate ? x.toFixed(2) : x}${rate ? ' 个百分点' : ''}`;
const beijing = (at: string) =>
  new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const LIGHT: Record<string, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };
const STATE: Record<string, string> = { open: '推进中', done: '已完成', overdue: '已逾期' };
const KIND: Record<string, string> = { community: '社区', workstation: '联动工作站', department: '职能部门' };

/** An A4 print stylesheet: the browser's "save as PDF" gives the paper report. */
const STYLE = `
@page { size: A4; margin: 15mm 12mm; }
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 10.5pt; color: #111; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 12pt; border-left: 4px solid #b22; padding-left: 6px; margin: 6mm 0 2mm; break-after: avoid; }
table { width: 100%; border-collapse: collapse; margin-bottom: 3mm; }
th, td { border: 1px solid #999; padding: 2px 4px; text-align: left; }
th { background: #eee; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
.green { background: #c6efce; } .yellow { background: #ffeb9c; } .red { background: #ffc7ce; }
.meta { text-align: center; color: #555; margin-bottom: 4mm; }
`;

/** The weekly report as one printable HTML page (no script; A4 print stylesheet). */
export function weeklyReportHtml(r: WeeklyReportView): string {
  const rows = (cells: string[][]) => cells.map((c) => `<tr>${c.join('')}</tr>`).join('\n');
  const td = (s: string, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${esc(s)}</td>`;
  const orders = rows(
    r.orders.map((f) => {
      const rate = f.key.endsWith('Rate');
      const show = rate ? pct : num;
      return [
        td(f.label),
        td(show(f.value), 'n'),
        td(show(f.previous), 'n'),
        td(signed(f.change, rate), 'n'),
      ];
    }),
  );
  const progress = rows(
    r.progress.map((p) => [
      td(p.metric.name),
      td(p.unit.name),
      td(num(p.target), 'n'),
      td(num(p.actual), 'n'),
      td(pct(p.completion), 'n'),
      td(pct(p.schedule), 'n'),
      td(p.gapPoints === null ? '—' : p.gapPoints.toFixed(2), 'n'),
      td(p.light === null ? '—' : (LIGHT[p.light] ?? p.light), p.light ?? ''),
    ]),
  );
  const rankings = r.rankings
    .map(
      (k) => `<h2>排名：${esc(KIND[k.kind] ?? k.kind)}</h2>
<table><thead><tr><th>名次</th><th>单位</th><th>立案数</th><th>办结率</th><th>按期办结率</th><th>满意率</th></tr></thead><tbody>
${rows(k.items.map((i) => [td(num(i.rank), 'n'), td(i.unit.name), td(num(i.registered), 'n'), td(pct(i.closureRate), 'n'), td(pct(i.onTimeClosureRate), 'n'), td(pct(i.satisfactionRate), 'n')]))}
</tbody></table>`,
    )
    .join('\n');
  const tasks = rows(
    r.tasks.map((t) => [
      td(t.title),
      td(beijing(t.deadline)),
      td(STATE[t.state] ?? t.state, t.red ? 'red' : ''),
      td(t.percent === null ? '—' : `${t.percent}%`, 'n'),
      td(t.notes.map((n) => n.text).join('；') || '本周无进展'),
    ]),
  );
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.unit.name)} ${esc(r.week)} 量化式报告</title>
<style>${STYLE}</style></head><body>
<h1>${esc(r.unit.name)}工作量化式周报（${esc(r.week)}）</h1>
<div class="meta">${esc(beijing(r.from).slice(0, 10))} 至 ${esc(beijing(new Date(Date.parse(r.to) - 1).toISOString()).slice(0, 10))} · 生成于 ${esc(beijing(r.generatedAt))}</div>
<h2>工单情况</h2>
<table><thead><tr><th>指标</th><th>本周</th><th>上周</th><th>环比变化</th></tr></thead><tbody>
${orders}
</tbody></table>
<h2>序时进度</h2>
<table><thead><tr><th>指标</th><th>责任单位</th><th>年度目标</th><th>完成值</th><th>完成率</th><th>序时进度</th><th>差距(百分点)</th><th>亮灯</th></tr></thead><tbody>
${progress}
</tbody></table>
${rankings}
<h2>船队本周</h2>
<table><thead><tr><th>船只数</th><th>船日数</th><th>里程(公里)</th><th>作业(小时)</th><th>平均覆盖率</th><th>垃圾(吨)</th></tr></thead><tbody>
<tr>${[num(r.fleet.boats), num(r.fleet.days), num(r.fleet.distanceKm), num(r.fleet.workHours), pct(r.fleet.meanCoverage), num(r.fleet.tonnes)].map((x) => td(x, 'n')).join('')}</tr>
</tbody></table>
<h2>重点工作</h2>
<table><thead><tr><th>任务</th><th>截止时间</th><th>状态</th><th>进度</th><th>本周进展</th></tr></thead><tbody>
${tasks}
</tbody></table>
</body></html>
`;
}
