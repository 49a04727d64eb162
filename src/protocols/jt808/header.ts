// Message header, JT/T 808-2013 §4.4.3 Table 2 and Figure 2; JT/T 808-2019 §4.4.3 (version flag,
// protocol version byte, BCD[10] phone).
//
//   2013: id WORD | props WORD | phone BCD[6]  | serial WORD | [total WORD, index WORD]
//   2019: id WORD | props WORD | version BYTE | phone BCD[10] | serial WORD | [total WORD, index WORD]
//
// Body properties: bits 0–9 body length, 10–12 encryption, 13 sub-package, 14 version flag (2019),
// 15 reserved.
import { decodeBcdDigits, encodeBcdDigits, normaliseDeviceId } from './bcd.ts';
import { type ByteWriter, u8, u16 } from './bytes.ts';
import { MAX_BODY_LENGTH } from './constants.ts';
import type { Jt808Edition, Jt808Header, Jt808Packet } from './types.ts';

const SUBPACKAGE_BIT = 1 << 13;
const VERSION_BIT = 1 << 14;

/** The header fields an encoder needs; a decoded `Jt808Header` satisfies it. */
export interface Jt808HeaderInit {
  edition: Jt808Edition;
  /** Digits of the terminal phone, left-padded with zeros to 12 (2013) or 20 (2019). */
  phone: string;
  serial: number;
  /** 2019 protocol version byte; default 1 (the first 2019 version). Ignored for 2013. */
  protocolVersion?: number;
  encryption?: number;
  packet?: Jt808Packet;
}

/** Header length for the given body-properties word. */
export function headerLength(props: number): number {
  const base = props & VERSION_BIT ? 17 : 12;
  return props & SUBPACKAGE_BIT ? base + 4 : base;
}

/**
 * Reads the header at the start of an unescaped frame, or undefined when the frame is too short
 * to hold it (the caller has already excluded the trailing checksum byte from `length`).
 */
export function decodeHeader(
  frame: Uint8Array,
  length: number,
): { header: Jt808Header; bodyOffset: number } | undefined {
  if (length < 4) return undefined;
  const props = u16(frame, 2);
  const bodyOffset = headerLength(props);
  if (length < bodyOffset) return undefined;
  const v2019 = (props & VERSION_BIT) !== 0;
  const phoneOffset = v2019 ? 5 : 4;
  const phoneLength = v2019 ? 10 : 6;
  const phone = decodeBcdDigits(frame, phoneOffset, phoneLength);
  const serialOffset = phoneOffset + phoneLength;
  const header: Jt808Header = {
    msgId: u16(frame, 0),
    bodyLength: props & MAX_BODY_LENGTH,
    encryption: (props >> 10) & 0x07,
    edition: v2019 ? '2019' : '2013',
    protocolVersion: v2019 ? u8(frame, 4) : 0,
    phone,
    deviceId: normaliseDeviceId(phone),
    serial: u16(frame, serialOffset),
  };
  if (props & SUBPACKAGE_BIT) {
    header.packet = { total: u16(frame, serialOffset + 2), index: u16(frame, serialOffset + 4) };
  }
  return { header, bodyOffset };
}

/** Writes a header for `msgId` with a body of `bodyLength` bytes; throws on out-of-range fields. */
export function encodeHeader(
  out: ByteWriter,
  msgId: number,
  init: Jt808HeaderInit,
  bodyLength: number,
): void {
  if (bodyLength > MAX_BODY_LENGTH) {
    throw new RangeError(`body of ${bodyLength} bytes exceeds ${MAX_BODY_LENGTH}; split it into packages`);
  }
  const v2019 = init.edition === '2019';
  let props = bodyLength | (((init.encryption ?? 0) & 0x07) << 10);
  if (init.packet) props |= SUBPACKAGE_BIT;
  if (v2019) props |= VERSION_BIT;
  out.word(msgId).word(props);
  if (v2019) out.byte(init.protocolVersion ?? 1);
  out.bytes(encodeBcdDigits(init.phone, v2019 ? 10 : 6)).word(init.serial);
  if (init.packet) out.word(init.packet.total).word(init.packet.index);
}
