// The GT06 packet envelope (GT06 v1.8.1 §4): start bits 0x78 0x78 with a one-byte length, or
// 0x79 0x79 with a two-byte length for long packets; then protocol number, information content,
// serial number (WORD), CRC-ITU over length..serial (§4.6) and stop bits 0x0D 0x0A (§4.7).
// The length counts protocol number + content + serial + CRC (§4.2), so it is at least 5.

import { crcItu } from './crc.ts';
import { toHex } from './reader.ts';
import type { Gt06Error } from './types.ts';

/** Start bits of a short frame (0x78 0x78, one-byte length). */
export const START_SHORT = 0x78;
/** Start bits of a long frame (0x79 0x79, two-byte length). */
export const START_LONG = 0x79;
/** Protocol number + serial + CRC: the smallest value the length field can hold. */
export const MIN_LENGTH = 5;

/** A frame whose envelope and CRC have been checked. */
export interface Gt06Frame {
  protocol: number;
  content: Uint8Array;
  serial: number;
  long: boolean;
}

/** Bytes taken by start bits and length field for a short or long frame. */
export function headerSize(long: boolean): number {
  return long ? 4 : 3;
}

/** Wraps content in a GT06 envelope; switches to the 0x79 0x79 form when asked or when content is too long for one length byte. */
export function buildFrame(protocol: number, content: Uint8Array, serial: number, long = false): Uint8Array {
  const length = content.length + MIN_LENGTH;
  const isLong = long || length > 0xff;
  const head = headerSize(isLong);
  const frame = new Uint8Array(head + length + 2);
  const view = new DataView(frame.buffer);
  frame[0] = frame[1] = isLong ? START_LONG : START_SHORT;
  if (isLong) view.setUint16(2, length);
  else frame[2] = length;
  frame[head] = protocol & 0xff;
  frame.set(content, head + 1);
  const serialAt = head + 1 + content.length;
  view.setUint16(serialAt, serial & 0xffff);
  view.setUint16(serialAt + 2, crcItu(frame, 2, serialAt + 2));
  frame[serialAt + 4] = 0x0d;
  frame[serialAt + 5] = 0x0a;
  return frame;
}

/** Checks one complete frame's envelope and CRC and splits it into its fields. */
export function openFrame(
  bytes: Uint8Array,
): { ok: true; frame: Gt06Frame } | { ok: false; error: Gt06Error } {
  const fail = (reason: Gt06Error['reason'], detail: string) => ({
    ok: false as const,
    error: { reason, detail, hex: toHex(bytes) },
  });
  const first = bytes[0];
  const long = first === START_LONG;
  if ((first !== START_SHORT && !long) || bytes[1] !== first) {
    return fail('framing', 'frame does not start with 0x7878 or 0x7979');
  }
  const head = headerSize(long);
  if (bytes.length < head + MIN_LENGTH + 2)
    return fail('length', `frame of ${bytes.length} bytes is too short`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = long ? view.getUint16(2) : view.getUint8(2);
  if (length < MIN_LENGTH)
    return fail('length', `length field ${length} is below the minimum of ${MIN_LENGTH}`);
  if (head + length + 2 !== bytes.length) {
    return fail('length', `length field ${length} does not match a frame of ${bytes.length} bytes`);
  }
  if (bytes[bytes.length - 2] !== 0x0d || bytes[bytes.length - 1] !== 0x0a) {
    return fail('framing', 'frame does not end with stop bits 0x0d0a');
  }
  const crcAt = bytes.length - 4;
  const expected = crcItu(bytes, 2, crcAt);
  const actual = view.getUint16(crcAt);
  if (expected !== actual) {
    return fail('crc', `CRC-ITU is 0x${hex4(actual)}, expected 0x${hex4(expected)}`);
  }
  return {
    ok: true,
    frame: {
      protocol: view.getUint8(head),
      content: bytes.subarray(head + 1, crcAt - 2),
      serial: view.getUint16(crcAt - 2),
      long,
    },
  };
}

function hex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}
