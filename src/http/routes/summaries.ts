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
import { fleetDay, fleetMonth, getAssetDay } from '../../services/summaries/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';

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
        response: { 200: FleetDaySchema },
      },
    },
    async (request) => fleetDay(p.ctx, principal(request), request.params.date, request.query.unitId),
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
        response: { 200: FleetMonthSchema },
      },
    },
    async (request) => fleetMonth(p.ctx, principal(request), request.params.month, request.query.unitId),
  );
}
