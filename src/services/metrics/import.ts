import ExcelJS from 'exceljs';
import type { MetricImportView } from '../../api/index.ts';
import {
  decideImport,
  metricProblem,
  type ParsedSheet,
  parseMetricSheet,
} from '../../domain/metrics/index.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import { findMetricByCode, insertMetric, putTarget } from '../../store/metrics.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { listUnits } from '../../store/units.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { listScopeOf } from '../scope/index.ts';
import { saveMetric } from './metrics.ts';

/** The first sheet of an .xlsx workbook, or METRIC_IMPORT_INVALID saying the file is not one. */
async function firstSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    fail(
      'METRIC_IMPORT_INVALID',
      'Nothing imported: the file is not an .xlsx workbook: save it from Excel or WPS as .xlsx',
    );
  }
  const sheet = book.worksheets[0];
  if (!sheet) fail('METRIC_IMPORT_INVALID', 'Nothing imported: the workbook has no sheet');
  return sheet;
}

/**
 * Rows whose code names a metric computed from the work orders must keep its kind "level": they
 * move from the good rows to the bad ones.
 */
async function checkExisting(ctx: ServiceContext, parsed: ParsedSheet): Promise<ParsedSheet> {
  const rows: ParsedSheet['rows'] = [];
  const problems = [...parsed.problems];
  for (const row of parsed.rows) {
    const existing = await findMetricByCode(ctx.db, row.metric.code);
    const problem = metricProblem({ kind: row.metric.kind, source: existing?.source ?? null });
    if (problem) problems.push({ line: row.line, reasons: [`${row.metric.code}: ${problem}`] });
    else rows.push(row);
  }
  return { ...parsed, rows, problems: problems.sort((a, b) => a.line - b.line) };
}

/**
 * Imports metrics and their annual targets from an .xlsx workbook (admins and operators): one
 * metric a row (src/domain/metrics/import-rows.ts); a code that exists updates that metric and
 * sets its target for the row's year. All or nothing: a bad row refuses the file with every bad
 * line and its reasons in `details.errors`, unless `partial` imports the good rows alone.
 */
export async function importMetrics(
  ctx: ServiceContext,
  who: Principal,
  bytes: Buffer,
  partial: boolean,
): Promise<MetricImportView> {
  const sheet = await firstSheet(bytes);
  const units = await listUnits(ctx.db, { scopePath: listScopeOf(who) });
  const byKey = new Map<string, string>();
  for (const u of units) byKey.set(u.code, u.id);
  for (const u of units) byKey.set(u.id, u.id);
  const parsed = await checkExisting(
    ctx,
    parseMetricSheet(sheet, (text) => byKey.get(text)),
  );
  const decision = decideImport(parsed, partial);
  if (decision.kind === 'refuse')
    fail('METRIC_IMPORT_INVALID', decision.message, { errors: decision.problems });

  const now = ctx.now();
  let created = 0;
  await writeTransaction(ctx.db, [], async (trx) => {
    for (const { metric: row } of decision.rows) {
      const { year, annual, ...fields } = row;
      const existing = await findMetricByCode(trx, row.code);
      const metric = existing
        ? { ...existing, ...fields, updatedAt: now }
        : { id: newId(), ...fields, ownerUserId: null, source: null, createdAt: now, updatedAt: now };
      if (existing) await saveMetric(trx, existing, metric);
      else {
        await insertMetric(trx, metric);
        created++;
      }
      await putTarget(trx, {
        metricId: metric.id,
        year,
        unitId: metric.ownerUnitId,
        annual,
        monthly: null,
        updatedBy: who.userId,
        updatedAt: now,
      });
    }
  });
  const imported = decision.rows.length;
  return { imported, created, updated: imported - created, skipped: decision.skipped };
}
