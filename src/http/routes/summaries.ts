import type { FastifyReply } from 'fastify';
import { type TSchema, Type } from 'typebox';
import {
  AssetDayParams,
  DaySummarySchema,
  FleetDayParams,
  FleetDaySchema,
  FleetMonthParams,
  FleetMonthSchema,
  FleetQuery,
} from '../../api/index.ts';
import { FLEET_READERS } from '../../domain/auth/roles.ts';
import {
  fleetDay,
  fleetDayFile,
  fleetMonth,
  fleetMonthFile,
  getAssetDay,
  type SheetFile,
} from '../../services/summaries/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';

/** The spreadsheet's path suffix. */
const SUFFIX = '.xlsx';

/** A download's bytes: OpenAPI's binary string. */
const FileBody = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' });

/** A 200 answer that is JSON, or with the .xlsx suffix a spreadsheet. */
function fileOr(schema: TSchema, description: string) {
  return {
    description: `JSON; ${description}`,
    content: {
      'application/json': { schema },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: FileBody },
    },
  };
}

/** Sends a spreadsheet to download. */
function sendFile(reply: FastifyReply, file: SheetFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', file.contentDisposition)
    .send(file.body);
}

/** Daily summaries (日汇总) of an asset and the fleet's day and month reports, scoped like the assets. */
export async function summaryRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/assets/:id/days/:date',
    {
      config: { access: FLEET_READERS },
      schema: {
        tags: ['assets'],
        summary:
          "An asset's day (日汇总, date in Asia/Shanghai): distance, work/rest/no-data time, trips, stops, coverage, unloads, duty",
        params: AssetDayParams,
        response: { 200: DaySummarySchema },
      },
    },
    async (request) => getAssetDay(p.ctx, principal(request), request.params.id, request.params.date),
  );

  app.get(
    '/api/fleet/days/:date',
    {
      config: { access: FLEET_READERS },
      schema: {
        tags: ['assets'],
        summary: "Every visible boat's day summary (under unitId when given)",
        params: FleetDayParams,
        querystring: FleetQuery,
        response: {
          200: fileOr(FleetDaySchema, 'date.xlsx: the spreadsheet (Chinese headers, a totals row)'),
        },
      },
    },
    async (request, reply) => {
      const { date } = request.params;
      const who = principal(request);
      if (!date.endsWith(SUFFIX)) return reply.send(await fleetDay(p.ctx, who, date, request.query.unitId));
      return sendFile(
        reply,
        await fleetDayFile(p.ctx, who, date.slice(0, -SUFFIX.length), request.query.unitId),
      );
    },
  );

  app.get(
    '/api/fleet/months/:month',
    {
      config: { access: FLEET_READERS },
      schema: {
        tags: ['assets'],
        summary:
          "Every visible boat's month (YYYY-MM): distance, work and rest hours, mean coverage, days below the threshold, tonnes — from day summaries",
        params: FleetMonthParams,
        querystring: FleetQuery,
        response: {
          200: fileOr(FleetMonthSchema, 'month.xlsx: the spreadsheet (Chinese headers, a totals row)'),
        },
      },
    },
    async (request, reply) => {
      const { month } = request.params;
      const who = principal(request);
      if (!month.endsWith(SUFFIX))
        return reply.send(await fleetMonth(p.ctx, who, month, request.query.unitId));
      return sendFile(
        reply,
        await fleetMonthFile(p.ctx, who, month.slice(0, -SUFFIX.length), request.query.unitId),
      );
    },
  );
}
