// The "terminal information content" byte and the alarm code of alarm/status packets
// (GT06 v1.8.1 §5.3.1.14 and the alarm/language field that follows it). Codes past the 1.8.1
// table (0x09 onwards) come from later Concox documents as traccar's Gt06ProtocolDecoder maps them.

import type { DeviceAlarm, Gt06TerminalInfo } from './types.ts';

/** Alarm code of the alarm/language field → neutral alarm name. */
export const ALARM_CODES: Readonly<Record<number, DeviceAlarm>> = {
  1: 'sos',
  2: 'powerCut',
  3: 'vibration',
  4: 'geofenceEnter',
  5: 'geofenceExit',
  6: 'overspeed',
  9: 'vibration',
  14: 'lowBattery',
  15: 'lowBattery',
  17: 'powerOff',
  19: 'tampering',
  20: 'door',
  35: 'fallDown',
  41: 'acceleration',
  42: 'cornering',
  43: 'cornering',
  44: 'accident',
  48: 'braking',
};

// Bits 3–5 of the terminal information byte: 001 shock, 010 power cut, 011 low battery, 100 SOS;
// 110 and 111 are later additions that traccar reads as geofence and removal.
const INFO_ALARMS: Readonly<Record<number, DeviceAlarm>> = {
  1: 'vibration',
  2: 'powerCut',
  3: 'lowBattery',
  4: 'sos',
  6: 'geofence',
  7: 'removing',
};

/** Neutral alarm name of an alarm code, or null for 0x00 (normal) and unknown codes. */
export function alarmOfCode(code: number): DeviceAlarm | null {
  return ALARM_CODES[code] ?? null;
}

/** Decodes the terminal information byte. */
export function readTerminalInfo(value: number): Gt06TerminalInfo {
  return {
    armed: (value & 0x01) !== 0,
    acc: (value & 0x02) !== 0,
    charging: (value & 0x04) !== 0,
    alarm: INFO_ALARMS[(value >>> 3) & 0x07] ?? null,
    gpsTracking: (value & 0x40) !== 0,
    oilCut: (value & 0x80) !== 0,
  };
}

/** Encodes the terminal information byte; an alarm without a bit pattern (e.g. overspeed) leaves bits 3–5 clear. */
export function terminalInfoByte(info: Gt06TerminalInfo): number {
  const alarmBits = Number(Object.entries(INFO_ALARMS).find(([, name]) => name === info.alarm)?.[0] ?? 0);
  return (
    (info.armed ? 0x01 : 0) |
    (info.acc ? 0x02 : 0) |
    (info.charging ? 0x04 : 0) |
    (alarmBits << 3) |
    (info.gpsTracking ? 0x40 : 0) |
    (info.oilCut ? 0x80 : 0)
  );
}

/** The terminal information as position attributes, in the names the rest of the system uses. */
export function terminalAttributes(info: Gt06TerminalInfo, voltageLevel: number, gsmSignal: number) {
  return {
    ignition: info.acc,
    charge: info.charging,
    armed: info.armed,
    gpsTracking: info.gpsTracking,
    oilCut: info.oilCut,
    voltageLevel,
    gsmSignal,
  };
}
