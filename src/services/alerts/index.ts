/**
 * Alerts (告警, issue 12): rules, the episodes the live engine raises from the ingest stream and
 * the clock, their lifecycle (open → acknowledged → resolved) and the work orders they open.
 * This index is the feature's one entry.
 */
export {
  type AlertChange,
  type AlertListQuery,
  acknowledgeAlert,
  alertView,
  crewBoatOf,
  getAlertOrThrow,
  listVisibleAlerts,
  publishAlert,
  publishAlertsOfOrder,
  resolveAlert,
} from './alerts.ts';
export { AlertEngine, type AlertLog } from './engine.ts';
export {
  type AlertRuleInput,
  alertRuleView,
  createAlertRule,
  getAlertRuleOrThrow,
  listVisibleAlertRules,
  patchAlertRule,
  removeAlertRule,
  seedDefaultAlertRules,
} from './rules.ts';
