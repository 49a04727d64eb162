import type { FastifyReply } from 'fastify';
import { type TSchema, Type } from 'typebox';
import {
  IssueReportBody,
  ReportEntrySchema,
  ReportListQuery,
  ReportListSchema,
  WeeklyReportQuery,
  WeeklyReportSchema,
  type WeeklyReportView,
} from '../../api/index.ts';
import { TASK_MANAGERS, TASK_READERS } from '../../domain/tasks/index.ts';
import {
  getIssuedReportOrThrow,
  issueWeeklyReport,
  listIssuedReports,
  weeklyReport,
  weeklyReportHtml,
  weeklyReportWorkbook,
  workbookHeaders,
} from '../../services/reports/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';
import { IdParams } from '../schemas.ts';

/** A download's bytes: OpenAPI's binary string. */
const FileBody = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A 200 answer that is the report as JSON, .xlsx or printable HTML. */
function reportIn(schema: TSchema) {
  return {
    description: 'JSON; with the .xlsx suffix a workbook, with .html a printable A4 page',
    content: {
      'application/json': { schema },
      [XLSX]: { schema: FileBody },
      'text/html': { schema: Type.String() },
    },
  };
}

type Format = 'json' | 'xlsx' | 'html';

async function sendAs(reply: FastifyReply, format: Format, report: WeeklyReportView) {
  if (format === 'xlsx') {
    const body = await weeklyReportWorkbook(report);
    for (const [k, v] of Object.entries(workbookHeaders(report))) reply.header(k, v);
    return reply.send(body);
  }
  if (format === 'html')
    return reply.header('content-type', 'text/html; charset=utf-8').send(weeklyReportHtml(report));
  return reply.header('content-type', 'application/json; charset=utf-8').send(report);
}

/** The weekly quantified report (量化式报告): on demand for any week, issued, and the archive. */
export async function reportRoutes(app: App, p: Platform): Promise<void> {
  for (const format of ['json', 'xlsx', 'html'] as const) {
    app.get(
      format === 'json' ? '/api/reports/weekly' : `/api/reports/weekly.${format}`,
      {
        config: { access: TASK_READERS },
        schema: {
          tags: ['reports'],
          summary: `A unit's weekly report for an ISO week (Beijing time), as things stand now${format === 'json' ? '' : ` (.${format})`}`,
          querystring: WeeklyReportQuery,
          response: { 200: reportIn(WeeklyReportSchema) },
        },
      },
      async (request, reply) =>
        sendAs(reply, format, await weeklyReport(p.ctx, principal(request), request.query)),
    );
  }

  app.post(
    '/api/reports/weekly/issue',
    {
      config: { access: TASK_MANAGERS },
      schema: {
        tags: ['reports'],
        summary: 'Issue a unit’s weekly report: archived unchanged',
        body: IssueReportBody,
        response: { 201: ReportEntrySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issueWeeklyReport(p.ctx, principal(request), request.body)),
  );

  app.get(
    '/api/reports',
    {
      config: { access: TASK_READERS },
      schema: {
        tags: ['reports'],
        summary: 'Issued reports of units in your scope, newest first',
        querystring: ReportListQuery,
        response: { 200: ReportListSchema },
      },
    },
    async (request) => ({ items: await listIssuedReports(p.ctx, principal(request), request.query) }),
  );

  app.get(
    '/api/reports/:id',
    {
      config: { access: TASK_READERS },
      schema: {
        tags: ['reports'],
        summary: 'An issued report as it was issued: :id for JSON, :id.xlsx, :id.html',
        params: IdParams,
        response: { 200: reportIn(WeeklyReportSchema) },
      },
    },
    async (request, reply) => {
      const match = /^(.*)\.(xlsx|html)$/.exec(request.params.id);
      const id = match?.[1] ?? request.params.id;
      const format: Format = (match?.[2] as Format | undefined) ?? 'json';
      return sendAs(reply, format, await getIssuedReportOrThrow(p.ctx, principal(request), id));
    },
  );
}
