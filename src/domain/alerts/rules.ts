/** What an alert rule watches (告警类型). */
export const ALERT_KINDS = [
  'offline',
  'idle',
  'outOfSegment',
  'lateStart',
  'lowCoverage',
  'overspeed',
  'deviceAlarm',
] as const;

/** One of ALERT_KINDS. */
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Device alarms a deviceAlarm rule may name: JT/T 808 alarm bits (§8.18 Table 24) and GT06 alarm codes. */
export const DEVICE_ALARMS = ['sos', 'powerCut', 'antennaCut', 'lowVoltage'] as const;

/** One of DEVICE_ALARMS. */
export type DeviceAlarmName = (typeof DEVICE_ALARMS)[number];

/** A rule's parameters, by kind (all optional fields are filled in by checkRuleParams). */
export interface AlertParams {
  /** offline, idle, outOfSegment, lateStart: how long the condition must last. */
  minutes?: number;
  /** outOfSegment: metres beyond the segment's half-width still inside. */
  marginM?: number;
  /** lowCoverage: the coverage below which the shift alerts (0–1). */
  ratio?: number;
  /** overspeed: the speed limit in km/h and how long it must be exceeded. */
  speedKmh?: number;
  seconds?: number;
  /** deviceAlarm: which alarms raise it. */
  bits?: DeviceAlarmName[];
}

/** A parameter that is wrong: its field (e.g. "params.minutes") and what to write instead. */
export class AlertRuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'AlertRuleError';
  }
}

function number(
  params: Record<string, unknown>,
  name: string,
  bounds: { min: number; max: number; integer?: boolean },
  fallback?: number,
): number {
  const value = params[name] ?? fallback;
  const field = `params.${name}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new AlertRuleError(field, `${field} is required: a number from ${bounds.min} to ${bounds.max}`);
  }
  if (value < bounds.min || value > bounds.max || (bounds.integer && !Number.isInteger(value))) {
    throw new AlertRuleError(
      field,
      `${field} ${value} must be ${bounds.integer ? 'a whole number' : 'a number'} from ${bounds.min} to ${bounds.max}`,
    );
  }
  return value;
}

const MINUTES = { min: 1, max: 24 * 60, integer: true };

/** The parameters each kind takes, for the error that names an unknown one. */
const KNOWN: Record<AlertKind, readonly string[]> = {
  offline: ['minutes'],
  idle: ['minutes'],
  outOfSegment: ['minutes', 'marginM'],
  lateStart: ['minutes'],
  lowCoverage: ['ratio'],
  overspeed: ['speedKmh', 'seconds'],
  deviceAlarm: ['bits'],
};

/**
 * The parameters of a rule of this kind, checked and completed (marginM 0, seconds 0, bits
 * ['sos']); throws AlertRuleError naming the field at fault.
 */
export function checkRuleParams(kind: AlertKind, raw: Record<string, unknown>): AlertParams {
  for (const name of Object.keys(raw)) {
    if (!KNOWN[kind].includes(name)) {
      throw new AlertRuleError(
        `params.${name}`,
        `params.${name} is not a parameter of ${kind}: it takes ${KNOWN[kind].join(', ')}`,
      );
    }
  }
  switch (kind) {
    case 'offline':
    case 'idle':
    case 'lateStart':
      return { minutes: number(raw, 'minutes', MINUTES) };
    case 'outOfSegment':
      return {
        minutes: number(raw, 'minutes', MINUTES),
        marginM: number(raw, 'marginM', { min: 0, max: 1000 }, 0),
      };
    case 'lowCoverage':
      return { ratio: number(raw, 'ratio', { min: 0, max: 1 }) };
    case 'overspeed':
      return {
        speedKmh: number(raw, 'speedKmh', { min: 1, max: 300 }),
        seconds: number(raw, 'seconds', { min: 0, max: 3600, integer: true }, 0),
      };
    case 'deviceAlarm': {
      const bits = raw.bits ?? ['sos'];
      if (
        !Array.isArray(bits) ||
        bits.length === 0 ||
        !bits.every((b) => DEVICE_ALARMS.includes(b as DeviceAlarmName))
      ) {
        throw new AlertRuleError(
          'params.bits',
          `params.bits must list one or more of ${DEVICE_ALARMS.join(', ')}`,
        );
      }
      return { bits: [...new Set(bits as DeviceAlarmName[])] };
    }
  }
}

/** The default rules for boats that the demo seeds (issue 12). */
export const DEFAULT_BOAT_RULES: readonly { name: string; kind: AlertKind; params: AlertParams }[] = [
  { name: '离线', kind: 'offline', params: { minutes: 15 } },
  { name: '长时间停留', kind: 'idle', params: { minutes: 30 } },
  { name: '偏离责任河段', kind: 'outOfSegment', params: { minutes: 10, marginM: 10 } },
  { name: '迟到出航', kind: 'lateStart', params: { minutes: 30 } },
  { name: '覆盖率不足', kind: 'lowCoverage', params: { ratio: 0.9 } },
  { name: '超速', kind: 'overspeed', params: { speedKmh: 15, seconds: 60 } },
  { name: '紧急报警', kind: 'deviceAlarm', params: { bits: ['sos'] } },
];

/** How the inbox and an order's description name each kind (Chinese, as the centre reads them). */
export const ALERT_KIND_LABEL: Record<AlertKind, string> = {
  offline: '离线',
  idle: '长时间停留',
  outOfSegment: '偏离责任河段',
  lateStart: '迟到出航',
  lowCoverage: '覆盖率不足',
  overspeed: '超速',
  deviceAlarm: '终端报警',
};
