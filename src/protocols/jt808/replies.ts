// Platform → terminal replies. Each echoes the terminal's header layout (edition, protocol version,
// phone) so a 2013 terminal gets a 2013 header and a 2019 terminal a 2019 one.
import { ByteWriter } from './bytes.ts';
import { Jt808GeneralResult, Jt808MsgId, Jt808RegisterResult } from './constants.ts';
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
  const body = new ByteWriter(5).word(to.serial).word(to.msgId).byte(result).finish();
  return encodeFrame(Jt808MsgId.platformResponse, replyHeader(to, serial), body);
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
