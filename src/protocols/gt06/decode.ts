// Decodes one complete GT06 frame into a neutral message. Nothing thrown while reading the
// content escapes: a short content becomes `truncated`, an impossible value `invalid`.

import { openFrame } from './frame.ts';
import { readGps } from './gps.ts';
import { cellAttributes, readCellWithLength } from './lbs.ts';
import { InvalidField, isLocationProtocol, readLocation } from './locations.ts';
import { ByteReader, TruncatedError, toHex } from './reader.ts';
import { alarmOfCode, readTerminalInfo, terminalAttributes } from './terminal.ts';
import { GT06_PROTOCOL, type Gt06DecodeResult, type Gt06Error, type Gt06Message } from './types.ts';

/** How to read a terminal's times. */
export interface Gt06DecodeOptions {
  /** Minutes east of UTC that the terminal's date-times are in; 0 (UTC, the GT06 default) when absent. */
  timezoneOffsetMinutes?: number;
}

/** Decodes one complete frame (start bits to stop bits); never throws. */
export function decodeGt06Frame(bytes: Uint8Array, options: Gt06DecodeOptions = {}): Gt06DecodeResult {
  const opened = openFrame(bytes);
  if (!opened.ok) return opened;
  const { protocol, content, serial, long } = opened.frame;
  const fail = (reason: Gt06Error['reason'], detail: string): Gt06DecodeResult => ({
    ok: false,
    error: { reason, detail: `protocol 0x${protocol.toString(16)}: ${detail}`, hex: toHex(bytes) },
  });
  try {
    return { ok: true, message: decodeContent(protocol, new ByteReader(content), serial, long, options) };
  } catch (error) {
    if (error instanceof TruncatedError) return fail('truncated', error.message);
    if (error instanceof InvalidField) return fail('invalid', error.message);
    return fail('invalid', `unexpected decoder failure: ${String(error)}`);
  }
}

function decodeContent(
  protocol: number,
  r: ByteReader,
  serial: number,
  long: boolean,
  options: Gt06DecodeOptions,
): Gt06Message {
  const tz = options.timezoneOffsetMinutes ?? 0;
  if (isLocationProtocol(protocol)) {
    const location = readLocation(protocol, r, serial, tz, long);
    if (location) return location;
  }
  switch (protocol) {
    case GT06_PROTOCOL.login:
      return { kind: 'login', protocol, serial, ...readLogin(r) };
    case GT06_PROTOCOL.heartbeat:
      return readHeartbeat(r, serial);
    case GT06_PROTOCOL.alarm:
    case GT06_PROTOCOL.alarmUtc:
      return readAlarm(protocol, r, serial, tz);
    default:
      return { kind: 'unsupported', protocol, serial, contentHex: toHex(r.take(r.remaining)) };
  }
}

// §5.1: terminal ID = IMEI as 8 BCD bytes (16 digits, the first a padding 0). The extended
// login of later documents adds a type identification code WORD and a time zone WORD:
// bits 15–4 the offset as hours × 100 + minutes (800 = UTC+8:00), bit 3 set for west.
function readLogin(r: ByteReader) {
  const digits = toHex(r.take(8));
  if (!/^\d{16}$/.test(digits)) throw new InvalidField(`terminal ID ${digits} is not BCD`);
  const imei = digits.startsWith('0') ? digits.slice(1) : digits;
  const typeId = r.remaining >= 2 ? r.u16() : null;
  let timezoneOffsetMinutes: number | null = null;
  if (r.remaining >= 2) {
    const word = r.u16();
    const value = word >>> 4;
    const minutes = Math.trunc(value / 100) * 60 + (value % 100);
    timezoneOffsetMinutes = (word & 0x08) !== 0 ? -minutes : minutes;
  }
  return { imei, typeId, timezoneOffsetMinutes };
}

// §5.4: terminal information, voltage level, GSM signal strength, alarm/language WORD.
function readHeartbeat(r: ByteReader, serial: number): Gt06Message {
  const terminal = readTerminalInfo(r.u8());
  const voltageLevel = r.u8();
  const gsmSignal = r.u8();
  const alarmCode = r.remaining >= 1 ? r.u8() : null;
  return {
    kind: 'heartbeat',
    protocol: GT06_PROTOCOL.heartbeat,
    serial,
    terminal,
    voltageLevel,
    gsmSignal,
    alarmCode,
  };
}

// §5.3: GPS block, length-prefixed LBS block, terminal information, voltage level, GSM signal
// strength, alarm/language. The alarm code names the alarm; if it is 0 the status bits do.
function readAlarm(protocol: 0x16 | 0x26, r: ByteReader, serial: number, tz: number): Gt06Message {
  const gps = readGps(r, tz);
  const cell = readCellWithLength(r);
  const terminal = readTerminalInfo(r.u8());
  const voltageLevel = r.u8();
  const gsmSignal = r.u8();
  const alarmCode = r.u8();
  const alarm = alarmOfCode(alarmCode) ?? terminal.alarm ?? 'general';
  const position = gps.ok ? gps.position : null;
  if (position) {
    Object.assign(
      position.attributes,
      cellAttributes(cell),
      terminalAttributes(terminal, voltageLevel, gsmSignal),
      {
        alarm,
      },
    );
  }
  return { kind: 'alarm', protocol, serial, alarm, alarmCode, position, terminal, voltageLevel, gsmSignal };
}
