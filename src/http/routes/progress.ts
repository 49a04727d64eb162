import {
  ProgressQuery,
  ProgressSchema,
  ProgressSettingsBody,
  ProgressSettingsSchema,
} from '../../api/index.ts';
import { METRIC_READERS } from '../../domain/metrics/index.ts';
import { getProgressSettings, progressAt, putProgressSettings } from '../../services/metrics/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';

/** Schedule progress (序时进度): every metric's completion against the elapsed share of the year. */
export async function progressRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/progress',
    {
      config: { access: METRIC_READERS },
      schema: {
        tags: ['metrics'],
        summary:
          'Completion against schedule at a date for each target of its year in your scope (docs/LEADERS.md)',
        querystring: ProgressQuery,
        response: { 200: ProgressSchema },
      },
    },
    async (request) => progressAt(p.ctx, principal(request), request.query),
  );

  app.get(
    '/api/settings/progress',
    {
      config: { access: METRIC_READERS },
      schema: {
        tags: ['metrics'],
        summary: 'The yellow threshold of the progress lights, in points',
        response: { 200: ProgressSettingsSchema },
      },
    },
    async () => getProgressSettings(p.ctx),
  );

  app.patch(
    '/api/settings/progress',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['metrics'],
        summary: 'Change the yellow threshold (admin)',
        body: ProgressSettingsBody,
        response: { 200: ProgressSettingsSchema },
      },
    },
    async (request) => putProgressSettings(p.ctx, request.body),
  );
}
