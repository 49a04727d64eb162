// Bytes out: the server's acknowledgements (GT06 v1.8.1 §5.1.2 login, §5.3.2 alarm, §5.4.2
// status), and terminal-side packets for tests and the device simulator.

import { buildFrame } from './frame.ts';
import { type Gt06Fix, gpsBytes, u16, u32 } from './gps.ts';
import { cellBytes } from './lbs.ts';
import { terminalInfoByte } from './terminal.ts';
import { GT06_PROTOCOL, type Gt06Cell, type Gt06Message, type Gt06TerminalInfo } from './types.ts';

/**
 * The server response: protocol number echoed with the terminal's serial and no content (e.g. 78 78
 * 05 01 00 01 d9 dc 0d 0a); `long` gives the 0x7979 form (79 79 00 05 …) that the AZ735 expects.
 */
export function encodeAck(protocol: number, serial: number, long = false): Uint8Array {
  return buildFrame(protocol, new Uint8Array(0), serial, long);
}

/**
 * The reply a message needs: an ack for login, heartbeat and alarm, and for the location packets
 * whose layout asks for one (0x32); null for the rest, which GT06 does not acknowledge (§5.2).
 */
export function replyTo(message: Gt06Message): Uint8Array | null {
  if (message.kind === 'location' || message.kind === 'noFix') {
    return message.ack === 'none'
      ? null
      : encodeAck(message.protocol, message.serial, message.ack === 'long');
  }
  const needsAck = message.kind === 'login' || message.kind === 'heartbeat' || message.kind === 'alarm';
  return needsAck ? encodeAck(message.protocol, message.serial) : null;
}

/** Login packet (§5.1); `typeId` and `timezoneOffsetMinutes` together give the extended form. */
export function encodeLogin(input: {
  imei: string;
  serial: number;
  typeId?: number;
  timezoneOffsetMinutes?: number;
}): Uint8Array {
  if (!/^\d{15,16}$/.test(input.imei))
    throw new RangeError(`IMEI must be 15 or 16 digits, got ${input.imei}`);
  const digits = input.imei.padStart(16, '0');
  const content = [...Buffer.from(digits, 'hex')];
  if (input.typeId !== undefined && input.timezoneOffsetMinutes !== undefined) {
    const minutes = Math.abs(input.timezoneOffsetMinutes);
    const value = Math.trunc(minutes / 60) * 100 + (minutes % 60);
    content.push(...u16(input.typeId), ...u16((value << 4) | (input.timezoneOffsetMinutes < 0 ? 0x08 : 0)));
  }
  return buildFrame(GT06_PROTOCOL.login, Uint8Array.from(content), input.serial);
}

/** Location packet: 0x12 (§5.2) by default, or 0x22 with ACC, upload mode, re-upload flag and optional mileage. */
export function encodeLocation(input: {
  serial: number;
  fix: Gt06Fix;
  cell: Gt06Cell;
  protocol?: typeof GT06_PROTOCOL.location | typeof GT06_PROTOCOL.locationUtc;
  acc?: boolean;
  uploadMode?: number;
  reupload?: boolean;
  mileage?: number;
  timezoneOffsetMinutes?: number;
  long?: boolean;
}): Uint8Array {
  const protocol = input.protocol ?? GT06_PROTOCOL.location;
  const content = [...gpsBytes(input.fix, input.timezoneOffsetMinutes), ...cellBytes(input.cell)];
  if (protocol === GT06_PROTOCOL.locationUtc) {
    content.push(input.acc ? 1 : 0, input.uploadMode ?? 0, input.reupload ? 1 : 0);
    if (input.mileage !== undefined) content.push(...u32(input.mileage));
  }
  return buildFrame(protocol, Uint8Array.from(content), input.serial, input.long);
}

/** Heartbeat / status packet (§5.4). */
export function encodeHeartbeat(input: {
  serial: number;
  terminal: Gt06TerminalInfo;
  voltageLevel: number;
  gsmSignal: number;
  alarmCode?: number;
  language?: number;
}): Uint8Array {
  const content = [
    terminalInfoByte(input.terminal),
    input.voltageLevel & 0xff,
    input.gsmSignal & 0xff,
    (input.alarmCode ?? 0) & 0xff,
    (input.language ?? 0x02) & 0xff,
  ];
  return buildFrame(GT06_PROTOCOL.heartbeat, Uint8Array.from(content), input.serial);
}

/** Alarm packet: 0x16 (§5.3) by default, or 0x26. `alarmCode` is a key of ALARM_CODES (0x01 SOS, 0x02 power cut…). */
export function encodeAlarm(input: {
  serial: number;
  fix: Gt06Fix;
  cell: Gt06Cell;
  terminal: Gt06TerminalInfo;
  voltageLevel: number;
  gsmSignal: number;
  alarmCode: number;
  language?: number;
  protocol?: typeof GT06_PROTOCOL.alarm | typeof GT06_PROTOCOL.alarmUtc;
}): Uint8Array {
  const content = [
    ...gpsBytes(input.fix),
    9,
    ...cellBytes(input.cell),
    terminalInfoByte(input.terminal),
    input.voltageLevel & 0xff,
    input.gsmSignal & 0xff,
    input.alarmCode & 0xff,
    (input.language ?? 0x02) & 0xff,
  ];
  return buildFrame(input.protocol ?? GT06_PROTOCOL.alarm, Uint8Array.from(content), input.serial);
}
