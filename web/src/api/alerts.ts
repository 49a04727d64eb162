import type { AlertRuleView, AlertView } from '../../../src/api/index.ts';
import { request } from './client.ts';

export { ALERT_KINDS, type AlertKind, DEVICE_ALARMS } from '../../../src/domain/alerts/rules.ts';

/** One alert (告警) as the API sends it. */
export type Alert = AlertView;
/** One alert rule (告警规则) as the API sends it. */
export type AlertRule = AlertRuleView;

/** What the live feed's `alert` event carries: the alert and what just happened to it. */
export type AlertEvent = Alert & { change: 'opened' | 'ended' | 'acknowledged' | 'resolved' };

/** Alerts in the caller's scope, newest first. */
export function fetchAlerts(
  query: { status?: Alert['status']; assetId?: string; limit?: number } = {},
): Promise<{ items: Alert[]; nextCursor?: string }> {
  return request('/api/alerts', { query: { limit: 50, ...query } });
}

export function acknowledgeAlert(id: string): Promise<Alert> {
  return request(`/api/alerts/${encodeURIComponent(id)}/acknowledge`, { method: 'POST' });
}

export function resolveAlert(id: string, note: string): Promise<Alert> {
  return request(`/api/alerts/${encodeURIComponent(id)}/resolve`, { method: 'POST', body: { note } });
}

export function fetchAlertRules(): Promise<{ items: AlertRule[]; total: number }> {
  return request('/api/alert-rules');
}

/** POST /api/alert-rules: what the console's form sends. */
export interface NewAlertRule {
  name: string;
  kind: AlertRule['kind'];
  params: Record<string, unknown>;
  unitId: string;
  assetKinds?: string[] | null;
  openOrder?: { categoryId: string; stage: 'before' } | null;
}

export function createAlertRule(body: NewAlertRule): Promise<AlertRule> {
  return request('/api/alert-rules', { method: 'POST', body });
}

export function patchAlertRule(
  id: string,
  body: Partial<Omit<NewAlertRule, 'kind'>> & { enabled?: boolean },
) {
  return request<AlertRule>(`/api/alert-rules/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function deleteAlertRule(id: string): Promise<void> {
  return request(`/api/alert-rules/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** One alert, if it is in the caller's scope. */
export function fetchAlert(id: string): Promise<Alert> {
  return request(`/api/alerts/${encodeURIComponent(id)}`);
}
