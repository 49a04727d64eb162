import fastifyMultipart from '@fastify/multipart';
import { Type } from 'typebox';
import {
  ActualBody,
  ActualParams,
  literals,
  MetricActualSchema,
  MetricDetailSchema,
  MetricImportSchema,
  MetricListSchema,
  MetricPatchBody,
  MetricSchema,
  MetricTargetSchema,
  NewMetricBody,
  TargetBody,
  TargetParams,
} from '../../api/index.ts';
import { ACTUAL_ENTERERS, METRIC_MANAGERS, METRIC_READERS } from '../../domain/metrics/index.ts';
import { fail } from '../../errors/catalogue.ts';
import {
  createMetric,
  getMetricDetail,
  importMetrics,
  listVisibleMetrics,
  metricTemplate,
  metricView,
  patchMetric,
  removeMetric,
  setMetricActual,
  setMetricTarget,
} from '../../services/metrics/index.ts';
import type { App, Platform } from '../app-types.ts';
import { readFormFile } from '../file-upload.ts';
import { principal } from '../plugins/auth.ts';
import { IdParams } from '../schemas.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The largest workbook an import takes. */
const MAX_WORKBOOK_BYTES = 5 * 1_048_576;

/** Performance metrics (指标): definitions, annual targets, monthly actuals and .xlsx imports. */
export async function metricRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/metrics',
    {
      config: { access: METRIC_READERS },
      schema: {
        tags: ['metrics'],
        summary: 'Metrics in your scope, by code',
        response: { 200: MetricListSchema },
      },
    },
    async (request) => {
      const items = (await listVisibleMetrics(p.ctx, principal(request))).map(metricView);
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/metrics/template.xlsx',
    {
      config: { access: METRIC_MANAGERS },
      schema: {
        tags: ['metrics'],
        summary: 'The import template: the Chinese header row and one example row (your unit, this year)',
      },
    },
    async (request, reply) => {
      const bytes = await metricTemplate(p.ctx, principal(request));
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="metrics-template.xlsx"; filename*=UTF-8''${encodeURIComponent('指标导入模板.xlsx')}`,
        )
        .send(bytes);
    },
  );

  app.get(
    '/api/metrics/:id',
    {
      config: { access: METRIC_READERS },
      schema: {
        tags: ['metrics'],
        summary: 'One metric with the targets of units in your scope and its actuals',
        params: IdParams,
        response: { 200: MetricDetailSchema },
      },
    },
    async (request) => getMetricDetail(p.ctx, principal(request), request.params.id),
  );

  app.post(
    '/api/metrics',
    {
      config: { access: METRIC_MANAGERS },
      schema: {
        tags: ['metrics'],
        summary: 'Add a metric',
        body: NewMetricBody,
        response: { 201: MetricSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(metricView(await createMetric(p.ctx, principal(request), request.body))),
  );

  app.patch(
    '/api/metrics/:id',
    {
      config: { access: METRIC_MANAGERS },
      schema: {
        tags: ['metrics'],
        summary: 'Edit a metric; null clears ownerUserId or source',
        params: IdParams,
        body: MetricPatchBody,
        response: { 200: MetricSchema },
      },
    },
    async (request) =>
      metricView(await patchMetric(p.ctx, principal(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/metrics/:id',
    {
      config: { access: METRIC_MANAGERS },
      schema: {
        tags: ['metrics'],
        summary: 'Delete a metric with its targets and actuals',
        params: IdParams,
      },
    },
    async (request, reply) => {
      await removeMetric(p.ctx, principal(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/metrics/:id/targets/:year',
    {
      config: { access: METRIC_MANAGERS },
      schema: {
        tags: ['metrics'],
        summary: 'Set the annual target of a year (per unit on a metric computed from the work orders)',
        params: TargetParams,
        body: TargetBody,
        response: { 200: MetricTargetSchema },
      },
    },
    async (request) =>
      setMetricTarget(p.ctx, principal(request), request.params.id, request.params.year, request.body),
  );

  app.put(
    '/api/metrics/:id/actuals/:period',
    {
      config: { access: ACTUAL_ENTERERS },
      schema: {
        tags: ['metrics'],
        summary:
          'Enter a month’s actual (cumulative as of the month’s end for a cumulative metric): the owner unit',
        params: ActualParams,
        body: ActualBody,
        response: { 200: MetricActualSchema },
      },
    },
    async (request) =>
      setMetricActual(p.ctx, principal(request), request.params.id, request.params.period, request.body),
  );

  // Encapsulated: only the import takes multipart; every other route keeps answering it with 415.
  await app.register(async (scope: App) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: MAX_WORKBOOK_BYTES, files: 1, parts: 10, fields: 5, fieldSize: 1024 },
    });
    scope.post(
      '/api/metrics/import',
      {
        config: { access: METRIC_MANAGERS },
        schema: {
          tags: ['metrics'],
          summary: 'Import metrics and annual targets from an .xlsx workbook (multipart field "file")',
          description:
            'One metric a row under a header row: code, name, unitOfMeasure, ownerUnitId (id or unit code), kind, ' +
            'direction, scheduleBasis, year, annual (or 编码, 名称, 计量单位, 责任单位, 类型, 方向, 序时口径, 年度, 年度目标). ' +
            'All or nothing: 422 METRIC_IMPORT_INVALID lists every bad line (the header is line 1) and its reasons in ' +
            'details.errors; with partial=true (or 1) the good rows are imported and the bad ones listed in skipped.',
          querystring: Type.Object({
            partial: Type.Optional(literals(['1', 'true', '0', 'false'] as const)),
          }),
          response: { 200: MetricImportSchema },
        },
      },
      async (request) => {
        if (!request.isMultipart()) {
          fail(
            'UNSUPPORTED_MEDIA_TYPE',
            `Content-Type ${request.headers['content-type'] ?? '(none)'} is not accepted here: send the .xlsx ` +
              'workbook as multipart/form-data in a field named "file"',
          );
        }
        const { bytes } = await readFormFile(request, { field: 'file', noun: 'workbook', limit: '5 MB' });
        return importMetrics(
          p.ctx,
          principal(request),
          bytes,
          request.query.partial === '1' || request.query.partial === 'true',
        );
      },
    );
  });
}
