// Alerts (告警, issue 12): rule kinds and their parameters, and the watch that turns one asset's
// live fixes and the clock into episodes. Pure: services feed it and store what it answers.
export {
  ALERT_KIND_LABEL,
  ALERT_KINDS,
  type AlertKind,
  type AlertParams,
  AlertRuleError,
  checkRuleParams,
  DEFAULT_BOAT_RULES,
  DEVICE_ALARMS,
  type DeviceAlarmName,
} from './rules.ts';
export {
  type AlertContext,
  type AlertFix,
  AlertWatch,
  alarmsOf,
  type EpisodeChange,
  type EpisodeStart,
  type WatchedRule,
} from './watch.ts';
