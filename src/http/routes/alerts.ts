import { Type } from 'typebox';
import {
  AlertListQuery,
  AlertPageSchema,
  AlertRuleListQuery,
  AlertRulePatchBody,
  AlertRuleSchema,
  AlertSchema,
  IdParams,
  NewAlertRuleBody,
  ResolveAlertBody,
} from '../../api/index.ts';
import { ALERT_HANDLERS, ALERT_RULE_MANAGERS, FLEET_READERS } from '../../domain/auth/roles.ts';
import {
  acknowledgeAlert,
  alertRuleView,
  alertView,
  createAlertRule,
  getAlertOrThrow,
  getAlertRuleOrThrow,
  listVisibleAlertRules,
  listVisibleAlerts,
  patchAlertRule,
  publishAlert,
  removeAlertRule,
  resolveAlert,
} from '../../services/alerts/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';

/** Alert rules (告警规则) and alerts (告警): episodes raised live from the ingest, acknowledged and resolved. */
export async function alertRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/alert-rules',
    {
      config: { access: FLEET_READERS },
      schema: {
        tags: ['alerts'],
        summary: 'Alert rules held in your scope, or under one unit of it',
        querystring: AlertRuleListQuery,
        response: { 200: Type.Object({ items: Type.Array(AlertRuleSchema), total: Type.Integer() }) },
      },
    },
    async (request) => {
      const items = (await listVisibleAlertRules(p.ctx, principal(request), request.query)).map(
        alertRuleView,
      );
      return { items, total: items.length };
    },
  );
  app.get(
    '/api/alert-rules/:id',
    {
      config: { access: FLEET_READERS },
      schema: { tags: ['alerts'], params: IdParams, response: { 200: AlertRuleSchema } },
    },
    async (request) => alertRuleView(await getAlertRuleOrThrow(p.ctx, principal(request), request.params.id)),
  );
  app.post(
    '/api/alert-rules',
    {
      config: { access: ALERT_RULE_MANAGERS },
      schema: {
        tags: ['alerts'],
        summary: 'Add a rule: its params are checked for its kind (400 naming the field)',
        body: NewAlertRuleBody,
        response: { 201: AlertRuleSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(alertRuleView(await createAlertRule(p.ctx, request.body))),
  );
  app.patch(
    '/api/alert-rules/:id',
    {
      config: { access: ALERT_RULE_MANAGERS },
      schema: {
        tags: ['alerts'],
        params: IdParams,
        body: AlertRulePatchBody,
        response: { 200: AlertRuleSchema },
      },
    },
    async (request) => alertRuleView(await patchAlertRule(p.ctx, request.params.id, request.body)),
  );
  app.delete(
    '/api/alert-rules/:id',
    { config: { access: ALERT_RULE_MANAGERS }, schema: { tags: ['alerts'], params: IdParams } },
    async (request, reply) => {
      await removeAlertRule(p.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/alerts',
    {
      config: { access: FLEET_READERS },
      schema: {
        tags: ['alerts'],
        summary: 'Alerts of the assets in your scope (a crew member: its boat), newest first',
        querystring: AlertListQuery,
        response: { 200: AlertPageSchema },
      },
    },
    async (request) => listVisibleAlerts(p.ctx, principal(request), request.query),
  );
  app.get(
    '/api/alerts/:id',
    {
      config: { access: FLEET_READERS },
      schema: { tags: ['alerts'], params: IdParams, response: { 200: AlertSchema } },
    },
    async (request) => alertView(await getAlertOrThrow(p.ctx, principal(request), request.params.id)),
  );
  app.post(
    '/api/alerts/:id/acknowledge',
    {
      config: { access: ALERT_HANDLERS },
      schema: { tags: ['alerts'], params: IdParams, response: { 200: AlertSchema } },
    },
    async (request) => {
      const alert = await acknowledgeAlert(p.ctx, principal(request), request.params.id);
      await publishAlert(p.ctx.db, p.bus, alert, 'acknowledged');
      return alertView(alert);
    },
  );
  app.post(
    '/api/alerts/:id/resolve',
    {
      config: { access: ALERT_HANDLERS },
      schema: {
        tags: ['alerts'],
        summary: 'Resolve with a note; the work order it raised stays as it is',
        params: IdParams,
        body: ResolveAlertBody,
        response: { 200: AlertSchema },
      },
    },
    async (request) => {
      const alert = await resolveAlert(p.ctx, principal(request), request.params.id, request.body.note);
      await publishAlert(p.ctx.db, p.bus, alert, 'resolved');
      return alertView(alert);
    },
  );
}
