import { IndicatorQuery, RankingQuery, RankingsSchema, UnitIndicatorsSchema } from '../../api/index.ts';
import { STAFF_ROLES } from '../../domain/auth/roles.ts';
import { unitIndicators, unitRankings } from '../../services/indicators/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';

/** Work-order indicators (办结率, 按期办结率…) per unit and period, and rankings of units. */
export async function indicatorRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/indicators',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['indicators'],
        summary: 'A unit’s work-order indicators for a period (default: your unit, this month so far)',
        querystring: IndicatorQuery,
        response: { 200: UnitIndicatorsSchema },
      },
    },
    async (request) => unitIndicators(p.ctx, principal(request), request.query),
  );

  app.get(
    '/api/indicators/rankings',
    {
      config: { access: ['admin', 'operator', 'leader'] },
      schema: {
        tags: ['indicators'],
        summary: 'Units of a kind in your scope ranked by on-time closure rate, closure rate, cases',
        querystring: RankingQuery,
        response: { 200: RankingsSchema },
      },
    },
    async (request) => unitRankings(p.ctx, principal(request), request.query),
  );
}
