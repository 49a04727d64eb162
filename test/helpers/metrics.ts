import ExcelJS from 'exceljs';
import type { App } from '../../src/http/app-types.ts';
import { multipartBody } from './photos.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An .xlsx workbook of one sheet with these rows, as Excel would save it. */
export async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('指标');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** POST /api/metrics/import with the workbook in the form field "file". */
export function postWorkbook(app: App, headers: Record<string, string>, bytes: Uint8Array, query = '') {
  const body = multipartBody(bytes, 'metrics.xlsx', XLSX);
  return app.inject({
    method: 'POST',
    url: `/api/metrics/import${query}`,
    headers: { ...headers, 'content-type': body.contentType },
    payload: body.payload,
  });
}
