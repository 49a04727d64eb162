import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { decideImport, parseMetricSheet, type SheetLike } from './import-rows.ts';

/** A workbook built with ExcelJS, written as .xlsx and read back, as an upload arrives. */
async function sheetOf(rows: unknown[][]): Promise<SheetLike> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('指标');
  for (const row of rows) sheet.addRow(row);
  const bytes = await book.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes);
  const read = back.worksheets[0];
  assert.ok(read, 'the workbook has a sheet');
  return read;
}

/** Units by id or code, as the service resolves them for the importer. */
const UNITS: Record<string, string> = { 'unit-sub': 'unit-sub', '320506001': 'unit-sub', A1: 'unit-a1' };
const resolve = (text: string) => UNITS[text];

const ZH_HEADER = ['编码', '名称', '计量单位', '责任单位', '类型', '方向', '序时口径', '年度', '年度目标'];
const GOOD = ['ECO-01', '地区生产总值', '亿元', '320506001', 'cumulative', 'up', 'months', 2026, 100];

describe('parseMetricSheet: rows of a metrics workbook', () => {
  it('reports every bad row with its line as Excel shows it and every reason, and keeps the good ones', async () => {
    const sheet = await sheetOf([
      ZH_HEADER,
      GOOD,
      ['ECO-02', '', '亿元', 'unit-sub', 'sometimes', 'up', 'months', 2026, 50],
      ['ENV-01', 'PM2.5 平均浓度', 'μg/m³', 'A1', '时点', '逆向', '按日', 2026, 35],
      ['ECO-03', '固定资产投资', '亿元', 'NOPE', 'cumulative', 'up', 'months', 1999, -5],
      ['ECO-01', '地区生产总值（重复）', '亿元', 'unit-sub', 'cumulative', 'up', 'months', 2026, 100],
      [],
      ['BAD CODE', '招商引资', '亿元', 'A1', 'cumulative', 'sideways', '', 2026, 'abc'],
      [
        'SAFE-01',
        { richText: [{ text: '安全生产' }, { text: '事故数' }] },
        '起',
        'unit-sub',
        'level',
        'down',
        'workingDays',
        '2026',
        '1,200.5',
      ],
    ]);
    const parsed = parseMetricSheet(sheet, resolve);
    assert.equal(parsed.headerProblem, undefined);
    assert.deepEqual(
      parsed.rows.map((r) => [r.line, r.metric.code]),
      [
        [2, 'ECO-01'],
        [4, 'ENV-01'],
        [9, 'SAFE-01'],
      ],
    );
    assert.deepEqual(parsed.problems, [
      { line: 3, reasons: ['名称 is empty', '类型 "sometimes" is not cumulative or level'] },
      {
        line: 5,
        reasons: [
          '责任单位 "NOPE" is no unit you manage (id or code)',
          '年度 "1999" is not a year from 2000 to 2100',
          '年度目标 "-5" is not a number above 0',
        ],
      },
      { line: 6, reasons: ['编码 ECO-01 is already on line 2'] },
      {
        line: 8,
        reasons: [
          '编码 "BAD CODE" may hold only letters, digits, "_", "." and "-"',
          '方向 "sideways" is not up or down',
          '序时口径 is empty: write months or days or workingDays',
          '年度目标 "abc" is not a number above 0',
        ],
      },
    ]);
  });

  it('reads Chinese values, unit codes, numbers written as text and rich text', async () => {
    const sheet = await sheetOf([
      ZH_HEADER,
      ['ENV-01', 'PM2.5 平均浓度', 'μg/m³', 'A1', '时点', '逆向', '按日', 2026, 35],
      [
        'SAFE-01',
        { richText: [{ text: '安全生产' }, { text: '事故数' }] },
        '起',
        '320506001',
        '累计',
        '越小越好',
        '按工作日',
        '2026',
        '1,200.5',
      ],
    ]);
    const { rows, problems } = parseMetricSheet(sheet, resolve);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      rows.map((r) => r.metric),
      [
        {
          code: 'ENV-01',
          name: 'PM2.5 平均浓度',
          unitOfMeasure: 'μg/m³',
          ownerUnitId: 'unit-a1',
          kind: 'level',
          direction: 'down',
          scheduleBasis: 'days',
          year: 2026,
          annual: 35,
        },
        {
          code: 'SAFE-01',
          name: '安全生产事故数',
          unitOfMeasure: '起',
          ownerUnitId: 'unit-sub',
          kind: 'cumulative',
          direction: 'down',
          scheduleBasis: 'workingDays',
          year: 2026,
          annual: 1200.5,
        },
      ],
    );
  });

  it('takes English headers in any order, other columns ignored', async () => {
    const sheet = await sheetOf([
      [
        'annual',
        'Year',
        'remark',
        'scheduleBasis',
        'direction',
        'kind',
        'ownerUnitId',
        'unitOfMeasure',
        'name',
        'code',
      ],
      [250, 2027, '备注', 'days', 'up', 'cumulative', 'unit-sub', '万元', '税收', 'TAX-1'],
    ]);
    const { rows, problems } = parseMetricSheet(sheet, resolve);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      rows.map((r) => [r.line, r.metric.code, r.metric.year, r.metric.annual, r.metric.scheduleBasis]),
      [[2, 'TAX-1', 2027, 250, 'days']],
    );
  });

  const HEADER_CASES: [string, unknown[][], string][] = [
    ['an empty sheet', [], 'the sheet is empty: put the header on line 1'],
    ['a header alone', [ZH_HEADER], 'there are no rows under the header'],
    [
      'a header without 方向 and 年度目标',
      [ZH_HEADER.filter((h) => h !== '方向' && h !== '年度目标'), ['x']],
      'line 1 lacks the column(s) direction (方向), annual (年度目标)',
    ],
    ['a header on line 2', [[], ZH_HEADER, GOOD], 'the header must be on line 1, not line 2'],
  ];
  for (const [what, rows, problem] of HEADER_CASES) {
    it(`refuses ${what}`, async () => {
      const sheet = await sheetOf(rows);
      assert.equal(parseMetricSheet(sheet, resolve).headerProblem, problem);
    });
  }
});

describe('decideImport: all or nothing, or the good rows with partial=1', () => {
  const good = { line: 2, metric: { code: 'A' } } as never;
  const bad = { line: 3, reasons: ['名称 is empty'] };
  const CASES: [string, Parameters<typeof decideImport>[0], boolean, string][] = [
    ['every row good', { rows: [good], problems: [] }, false, 'import 1, skip 0'],
    [
      'one bad row, all or nothing',
      { rows: [good], problems: [bad] },
      false,
      'refuse: Nothing imported: 1 of 2 rows are not valid (line 3): correct them, or import the good rows alone with ?partial=1',
    ],
    ['one bad row, partial=1', { rows: [good], problems: [bad] }, true, 'import 1, skip 1'],
    [
      'no good row, partial=1',
      { rows: [], problems: [bad] },
      true,
      'refuse: Nothing imported: 1 of 1 rows are not valid (line 3): correct them and import again',
    ],
    [
      'an unreadable header, partial=1',
      { rows: [], problems: [], headerProblem: 'there are no rows under the header' },
      true,
      'refuse: Nothing imported: there are no rows under the header',
    ],
  ];
  for (const [what, parsed, partial, expected] of CASES) {
    it(what, () => {
      const d = decideImport(parsed, partial);
      const got =
        d.kind === 'import' ? `import ${d.rows.length}, skip ${d.skipped.length}` : `refuse: ${d.message}`;
      assert.equal(got, expected);
      if (d.kind === 'refuse') assert.deepEqual(d.problems, parsed.problems);
    });
  }
});
