// Platform → terminal replies. Each echoes the terminal's header layout (edition, protocol version,
// phone) so a 2013 terminal gets a 2013 header and a 2019 terminal a 2019 one.
import { ByteWriter } from './bytes.ts';
import { ESCAPE, FLAG, Jt808GeneralResult, Jt808MsgId, Jt808RegisterResult } from './constants.ts';
import { encodeFrame } from './encode.ts';
import { encodeGbk } from './gbk.ts';
import type { Jt808Header } from './types.ts';

/** The parts of a terminal's header a reply needs; a decoded `Jt808Header` fits. */
export type Jt808ReplyTarget = Pick<
  Jt808Header,
  'edition' | 'protocolVersion' | 'phone' | 'serial' | 'msgId'
>;

function replyHeader(to: Jt808ReplyTarget, serial: number) {
  return { edition: to.edition, protocolVersion: to.protocolVersion, phone: to.phone, serial };
}

/**
 * 0x8001 platform general response (JT/T 808-2013 §8.2): reply serial WORD, reply message id WORD,
 * result BYTE. `serial` is the platform's own serial number for this message.
 */
export function encodeGeneralResponse(
  to: Jt808ReplyTarget,
  serial: number,
  result: Jt808GeneralResult = Jt808GeneralResult.ok,
): Uint8Array {
  return (
    generalResponseFast(to, serial, result) ??
    encodeFrame(
      Jt808MsgId.platformResponse,
      replyHeader(to, serial),
      new ByteWriter(5).word(to.serial).word(to.msgId).byte(result).finish(),
    )
  );
}

const VERSION_BIT = 1 << 14;
const GENERAL_RESPONSE_BODY = 5;

/**
 * The same bytes as the general path, written straight into the frame: the gateway sends one of
 * these per position report, and the general path's writer, copies, BCD parsing and escaping pass
 * cost more than the rest of the reply. Undefined when the frame needs escaping or the phone is not
 * plain BCD digits of the header's width; the general path (which also validates) handles those.
 */
function generalResponseFast(to: Jt808ReplyTarget, serial: number, result: number): Uint8Array | undefined {
  const v2019 = to.edition === '2019';
  const phoneBytes = v2019 ? 10 : 6;
  const phone = to.phone;
  if (phone.length !== phoneBytes * 2) return undefined;
  const headerBytes = v2019 ? 17 : 12;
  const end = 1 + headerBytes + GENERAL_RESPONSE_BODY;
  const out = new Uint8Array(end + 2);
  out[0] = FLAG;
  out[1] = Jt808MsgId.platformResponse >> 8;
  out[2] = Jt808MsgId.platformResponse & 0xff;
  const props = GENERAL_RESPONSE_BODY | (v2019 ? VERSION_BIT : 0);
  out[3] = props >> 8;
  out[4] = props & 0xff;
  let o = 5;
  if (v2019) out[o++] = (to.protocolVersion ?? 1) & 0xff;
  for (let i = 0; i < phone.length; i += 2) {
    const hi = hexValue(phone.charCodeAt(i));
    const lo = hexValue(phone.charCodeAt(i + 1));
    if (hi < 0 || lo < 0) return undefined;
    out[o++] = (hi << 4) | lo;
  }
  out[o++] = (serial >> 8) & 0xff;
  out[o++] = serial & 0xff;
  out[o++] = (to.serial >> 8) & 0xff;
  out[o++] = to.serial & 0xff;
  out[o++] = (to.msgId >> 8) & 0xff;
  out[o++] = to.msgId & 0xff;
  out[o++] = result & 0xff;
  let check = 0;
  for (let i = 1; i < end; i++) {
    const b = out[i] as number;
    if (b === FLAG || b === ESCAPE) return undefined;
    check ^= b;
  }
  if (check === FLAG || check === ESCAPE) return undefined;
  out[end] = check;
  out[end + 1] = FLAG;
  return out;
}

/** The value of an ASCII hex digit, or -1. */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

/**
 * 0x8100 registration response (JT/T 808-2013 §8.6, 2019 §8.9): reply serial WORD, result BYTE and,
 * only when the result is 0, the auth code STRING the terminal must present in 0x0102.
 */
export function encodeRegisterResponse(
  to: Jt808ReplyTarget,
  serial: number,
  result: Jt808RegisterResult,
  authCode = '',
): Uint8Array {
  const out = new ByteWriter(3 + authCode.length * 2).word(to.serial).byte(result);
  if (result === Jt808RegisterResult.ok) out.bytes(encodeGbk(authCode));
  return encodeFrame(Jt808MsgId.registerResponse, replyHeader(to, serial), out.finish());
}
