import { Type } from 'typebox';
import { deadlineFrom, getCalendarYearView, putCalendarYearChecked } from '../../services/calendar/index.ts';
import { instantOf } from '../../services/orders/index.ts';
import type { App, Platform } from '../app-types.ts';

const Year = Type.Object({ year: Type.Integer({ minimum: 1970, maximum: 9999 }) });
const Day = Type.String({ maxLength: 10, description: 'YYYY-MM-DD, local date' });

/** The working calendar: holidays and make-up working days per year, and deadlines counted on it. */
export async function calendarRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/calendar/deadline',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['calendar'],
        summary: 'start + amount working hours or days, on the calendar in force',
        querystring: Type.Object({
          start: Type.String({ format: 'date-time', maxLength: 40 }),
          amount: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
          unit: Type.Union([Type.Literal('hours'), Type.Literal('days')]),
        }),
      },
    },
    async (request) => {
      const { start, amount, unit } = request.query;
      const startMs = instantOf(start, 'querystring.start');
      const { deadline, warnings } = await deadlineFrom(p.ctx, startMs, { amount, unit });
      return { start: new Date(startMs).toISOString(), deadline: new Date(deadline).toISOString(), warnings };
    },
  );

  app.get(
    '/api/calendar/:year',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['calendar'],
        summary: 'A year’s holidays and make-up working days; a year with none loaded counts weekends only',
        params: Year,
      },
    },
    async (request) => getCalendarYearView(p.ctx, request.params.year),
  );

  app.put(
    '/api/calendar/:year',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['calendar'],
        summary: 'Load or replace a year (the shape of the State Council notice file) (admin)',
        params: Year,
        body: Type.Object({
          year: Type.Integer(),
          source: Type.Optional(Type.String({ maxLength: 500 })),
          holidays: Type.Array(
            Type.Object({ name: Type.Optional(Type.String({ maxLength: 100 })), from: Day, to: Day }),
            { maxItems: 50 },
          ),
          makeUpWorkdays: Type.Array(Day, { maxItems: 50 }),
        }),
      },
    },
    async (request) => {
      await putCalendarYearChecked(p.ctx, request.params.year, request.body);
      return getCalendarYearView(p.ctx, request.params.year);
    },
  );
}
