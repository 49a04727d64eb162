import {
  ClockEventSchema,
  ClockInBody,
  ClockOutBody,
  DutyDaySchema,
  DutyEventListSchema,
  DutyEventsQuery,
  DutyQuery,
} from '../../api/index.ts';
import { FLEET_READERS } from '../../domain/auth/roles.ts';
import { clock, clockEventView, dutyDay, listDutyEvents } from '../../services/duty/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';

/** Duty (上班/下班): crew clock in and out on their phones; a day's duty of boats and crews. */
export async function dutyRoutes(app: App, p: Platform): Promise<void> {
  app.post(
    '/api/duty/clock-in',
    {
      config: { access: ['crew'] },
      schema: {
        tags: ['duty'],
        summary: 'Clock in for your boat; far from the boat or a dock is accepted but flagged',
        body: ClockInBody,
        response: { 201: ClockEventSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(clockEventView(await clock(p.ctx, principal(request), 'in', request.body))),
  );
  app.post(
    '/api/duty/clock-out',
    {
      config: { access: ['crew'] },
      schema: {
        tags: ['duty'],
        summary: 'Clock out from your boat',
        body: ClockOutBody,
        response: { 201: ClockEventSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(clockEventView(await clock(p.ctx, principal(request), 'out', request.body))),
  );
  app.get(
    '/api/duty',
    {
      config: { access: FLEET_READERS },
      schema: {
        tags: ['duty'],
        summary:
          'A day’s duty of the boats in your scope and of their crews (clock-ins, or derived from shifts)',
        querystring: DutyQuery,
        response: { 200: DutyDaySchema },
      },
    },
    async (request) => dutyDay(p.ctx, principal(request), request.query),
  );
  app.get(
    '/api/duty/events',
    {
      config: { access: FLEET_READERS },
      schema: {
        tags: ['duty'],
        summary:
          'A day’s clock-ins and clock-outs (打卡记录) of the boats in your scope, each with its time, position, distance, flags and photo; of one boat or one crew login if asked',
        querystring: DutyEventsQuery,
        response: { 200: DutyEventListSchema },
      },
    },
    async (request) => listDutyEvents(p.ctx, principal(request), request.query),
  );
}
