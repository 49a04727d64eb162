import {
  METRIC_DIRECTIONS,
  METRIC_KINDS,
  type MetricDirection,
  type MetricKind,
  SCHEDULE_BASES,
  type ScheduleBasis,
} from './model.ts';

/**
 * The rows of a metrics workbook (.xlsx), one metric and its annual target a row under a header
 * row. Reading the file is the service's (ExcelJS); this is what the rows mean, so the rules are
 * tested with plain tables. Lines are numbered as Excel shows them: the header is line 1.
 */

/** The part of an ExcelJS worksheet read here (kept structural, so the domain imports no library). */
export interface SheetLike {
  eachRow(callback: (row: { values: unknown }, rowNumber: number) => void): void;
}

/** What one good row gives: a metric (its owner unit resolved to an id) and a target for a year. */
export interface ImportedMetric {
  code: string;
  name: string;
  unitOfMeasure: string;
  ownerUnitId: string;
  kind: MetricKind;
  direction: MetricDirection;
  scheduleBasis: ScheduleBasis;
  year: number;
  annual: number;
}

/** A bad row: its line as Excel shows it and every reason it was refused. */
export interface RowProblem {
  line: number;
  reasons: string[];
}

/** The sheet read: its good rows, its bad ones, or a header that cannot be read at all. */
export interface ParsedSheet {
  rows: { line: number; metric: ImportedMetric }[];
  problems: RowProblem[];
  headerProblem?: string;
}

/** Data rows one import may hold. */
export const MAX_IMPORT_ROWS = 2000;

type Column = keyof ImportedMetric;

/** Each column with the headers accepted for it, English and Chinese (compared without case or spaces). */
export const IMPORT_COLUMNS: Record<Column, readonly string[]> = {
  code: ['code', '编码'],
  name: ['name', '名称'],
  unitOfMeasure: ['unitOfMeasure', '计量单位'],
  ownerUnitId: ['ownerUnitId', '责任单位'],
  kind: ['kind', '类型'],
  direction: ['direction', '方向'],
  scheduleBasis: ['scheduleBasis', '序时口径'],
  year: ['year', '年度'],
  annual: ['annual', '年度目标'],
};

/** The enumerated columns and their values. */
interface Enumerated {
  kind: MetricKind;
  direction: MetricDirection;
  scheduleBasis: ScheduleBasis;
}

/** Values accepted for the enumerated columns besides their English names (compared without case or spaces). */
const ALIASES: { [K in keyof Enumerated]: Record<string, Enumerated[K]> } = {
  kind: {
    cumulative: 'cumulative',
    level: 'level',
    累计: 'cumulative',
    累计值: 'cumulative',
    时点: 'level',
    时点值: 'level',
  },
  direction: { up: 'up', down: 'down', 正向: 'up', 逆向: 'down', 越大越好: 'up', 越小越好: 'down' },
  scheduleBasis: {
    months: 'months',
    days: 'days',
    workingdays: 'workingDays',
    按月: 'months',
    按日: 'days',
    按天: 'days',
    按工作日: 'workingDays',
  },
};

const CODE = /^[0-9A-Za-z_.-]{1,40}$/;
const normalHeader = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/** A cell's value as text or a number: rich text joined, a formula's result, a link's text. */
export function cellValue(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(v.richText))
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in v) return cellValue(v.result);
    if (v.text !== undefined) return cellValue(v.text);
    if (v.error !== undefined) return String(v.error);
  }
  return String(value);
}

/** Rows of the sheet as cells (index 0 = column A), with their line numbers; empty rows left out. */
export function sheetRows(sheet: SheetLike): { line: number; cells: (string | number)[] }[] {
  const rows: { line: number; cells: (string | number)[] }[] = [];
  sheet.eachRow((row, line) => {
    // ExcelJS numbers columns from 1: values[0] is always empty.
    const values = Array.isArray(row.values) ? (row.values as unknown[]).slice(1) : [];
    const cells = Array.from({ length: values.length }, (_, i) => cellValue(values[i]));
    if (cells.some((c) => c !== '')) rows.push({ line, cells });
  });
  return rows;
}

function enumerated<K extends keyof Enumerated>(column: K, text: string): Enumerated[K] | undefined {
  const table: Record<string, Enumerated[K]> = ALIASES[column];
  return Object.hasOwn(table, normalHeader(text)) ? table[normalHeader(text)] : undefined;
}

const ENGLISH: Record<keyof Enumerated, readonly string[]> = {
  kind: METRIC_KINDS,
  direction: METRIC_DIRECTIONS,
  scheduleBasis: SCHEDULE_BASES,
};

/** A number cell, or a text one that is a plain number ("1,200.5" too). */
function numberOf(cell: string | number): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  const text = cell.replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/**
 * Reads a metrics sheet: the header row maps columns by their English or Chinese names (any
 * order, other columns ignored); each row below it is checked in full, and every reason it is
 * refused reported against its line. `resolveUnit` turns a 责任单位 cell (a unit's id or code)
 * into the id of a unit the importer may assign, or undefined. A code on two lines is refused
 * on the second.
 */
export function parseMetricSheet(
  sheet: SheetLike,
  resolveUnit: (idOrCode: string) => string | undefined,
): ParsedSheet {
  const [header, ...data] = sheetRows(sheet);
  if (!header)
    return { rows: [], problems: [], headerProblem: 'the sheet is empty: put the header on line 1' };
  if (header.line !== 1) {
    return { rows: [], problems: [], headerProblem: `the header must be on line 1, not line ${header.line}` };
  }
  const index = {} as Record<Column, number>;
  const shown = {} as Record<Column, string>;
  const missing: string[] = [];
  for (const [column, names] of Object.entries(IMPORT_COLUMNS) as [Column, readonly string[]][]) {
    const accepted = names.map(normalHeader);
    const at = header.cells.findIndex((c) => accepted.includes(normalHeader(String(c))));
    if (at < 0) missing.push(`${names[0]} (${names[1]})`);
    index[column] = at;
    shown[column] = String(header.cells[at] ?? names[0]);
  }
  if (missing.length > 0)
    return { rows: [], problems: [], headerProblem: `line 1 lacks the column(s) ${missing.join(', ')}` };
  if (data.length === 0)
    return { rows: [], problems: [], headerProblem: 'there are no rows under the header' };
  if (data.length > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      problems: [],
      headerProblem: `${data.length} rows: import at most ${MAX_IMPORT_ROWS} at a time`,
    };
  }

  const rows: ParsedSheet['rows'] = [];
  const problems: RowProblem[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, cells } of data) {
    const reasons: string[] = [];
    const cell = (c: Column) => cells[index[c]] ?? '';
    const text = (c: Column, max: number): string => {
      const value = String(cell(c)).trim();
      if (value === '') reasons.push(`${shown[c]} is empty`);
      else if (value.length > max) reasons.push(`${shown[c]} is longer than ${max} characters`);
      return value;
    };
    const pick = <K extends keyof Enumerated>(c: K) => {
      const value = String(cell(c)).trim();
      const found = enumerated(c, value);
      if (found === undefined) {
        reasons.push(
          value === ''
            ? `${shown[c]} is empty: write ${ENGLISH[c].join(' or ')}`
            : `${shown[c]} "${value}" is not ${ENGLISH[c].join(' or ')}`,
        );
      }
      return found;
    };

    const code = text('code', 40);
    if (code && code.length <= 40 && !CODE.test(code)) {
      reasons.push(`${shown.code} "${code}" may hold only letters, digits, "_", "." and "-"`);
    }
    const earlier = firstLineOf.get(code);
    if (code && earlier !== undefined) reasons.push(`${shown.code} ${code} is already on line ${earlier}`);
    else if (code) firstLineOf.set(code, line);
    const name = text('name', 100);
    const unitOfMeasure = text('unitOfMeasure', 20);
    const ownerText = String(cell('ownerUnitId')).trim();
    const ownerUnitId = ownerText === '' ? undefined : resolveUnit(ownerText);
    if (ownerText === '') reasons.push(`${shown.ownerUnitId} is empty: write a unit's id or code`);
    else if (ownerUnitId === undefined)
      reasons.push(`${shown.ownerUnitId} "${ownerText}" is no unit you manage (id or code)`);
    const kind = pick('kind');
    const direction = pick('direction');
    const scheduleBasis = pick('scheduleBasis');
    const year = numberOf(cell('year'));
    if (year === undefined || !Number.isInteger(year) || year < 2000 || year > 2100) {
      reasons.push(`${shown.year} "${cell('year')}" is not a year from 2000 to 2100`);
    }
    const annual = numberOf(cell('annual'));
    if (annual === undefined || annual <= 0 || annual > 1e15) {
      reasons.push(`${shown.annual} "${cell('annual')}" is not a number above 0`);
    }

    if (reasons.length > 0 || !ownerUnitId || !kind || !direction || !scheduleBasis) {
      problems.push({ line, reasons });
      continue;
    }
    rows.push({
      line,
      metric: {
        code,
        name,
        unitOfMeasure,
        ownerUnitId,
        kind,
        direction,
        scheduleBasis,
        year: year as number,
        annual: annual as number,
      },
    });
  }
  return { rows, problems };
}

/** What an import does with a read sheet: imports rows and skips others, or refuses it all. */
export type ImportDecision =
  | { kind: 'import'; rows: ParsedSheet['rows']; skipped: RowProblem[] }
  | { kind: 'refuse'; message: string; problems: RowProblem[] };

/**
 * All or nothing: one bad row refuses the whole sheet, unless `partial` asks to import the good
 * rows and skip the bad. A sheet whose header cannot be read, or with no good row, is refused
 * either way.
 */
export function decideImport(parsed: ParsedSheet, partial: boolean): ImportDecision {
  if (parsed.headerProblem) {
    return { kind: 'refuse', message: `Nothing imported: ${parsed.headerProblem}`, problems: [] };
  }
  const bad = parsed.problems.length;
  const total = bad + parsed.rows.length;
  if (bad > 0 && (!partial || parsed.rows.length === 0)) {
    const lines = parsed.problems.map((p) => p.line).join(', ');
    const advice = partial
      ? 'correct them and import again'
      : 'correct them, or import the good rows alone with ?partial=1';
    return {
      kind: 'refuse',
      message: `Nothing imported: ${bad} of ${total} rows are not valid (line ${lines}): ${advice}`,
      problems: parsed.problems,
    };
  }
  return { kind: 'import', rows: parsed.rows, skipped: parsed.problems };
}
