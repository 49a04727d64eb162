// GET /api/metrics/template.xlsx: the workbook an operator downloads, fills in and imports. Read
// back with ExcelJS as Excel would open it, then imported unchanged.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import ExcelJS from 'exceljs';
import { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { postWorkbook } from './helpers/metrics.ts';
import { bj, sessions } from './helpers/orders.ts';

forEachDialect('metrics import template', (kind) => {
  const t = useTestApp(kind);
  const as = sessions(t);

  before(() => {
    t.clock.t = bj('2026-05-10 10:00');
  });

  /** The template as `user` downloads it. */
  const download = async (user: string) =>
    t.app.inject({ method: 'GET', url: '/api/metrics/template.xlsx', headers: await as(user) });

  /** The first sheet's rows as cell values, column A first. */
  async function rowsOf(bytes: Buffer): Promise<unknown[][]> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    return rows;
  }

  it('gives an operator the Chinese header and one example row of their unit and this year', async () => {
    const res = await download('operator');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(
      res.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    assert.match(
      String(res.headers['content-disposition']),
      /^attachment; filename="metrics-template\.xlsx"/,
    );
    assert.deepEqual(await rowsOf(res.rawPayload), [
      ['编码', '名称', '计量单位', '责任单位', '类型', '方向', '序时口径', '年度', '年度目标'],
      ['EXAMPLE-01', '示例指标（可删除此行）', '亿元', t.org.sub.code, '累计', '正向', '按月', 2026, 100],
    ]);
  });

  it('imports as downloaded: one metric of the operator’s unit with a 2026 target of 100', async () => {
    const op = await as('operator');
    const res = await postWorkbook(t.app, op, (await download('operator')).rawPayload);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { imported: 1, created: 1, updated: 0, skipped: [] });
    const list = await t.app.inject({ url: '/api/metrics', headers: op });
    const metric = list.json().items.find((m: { code: string }) => m.code === 'EXAMPLE-01');
    assert.deepEqual(
      [metric?.name, metric?.ownerUnitId, metric?.kind, metric?.direction, metric?.scheduleBasis],
      ['示例指标（可删除此行）', t.org.sub.id, 'cumulative', 'up', 'months'],
    );
    const detail = await t.app.inject({ url: `/api/metrics/${metric.id}`, headers: op });
    assert.deepEqual(
      detail.json().targets.map((x: { year: number; annual: number }) => [x.year, x.annual]),
      [[2026, 100]],
    );
  });

  it('is refused to those who cannot import: a leader and a community (403 FORBIDDEN)', async () => {
    for (const user of ['leader', 'commA1']) {
      const res = await download(user);
      assert.deepEqual([res.statusCode, res.json().error.code], [403, 'FORBIDDEN'], user);
    }
  });
});
