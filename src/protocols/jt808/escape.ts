// Escaping and checksum, JT/T 808-2013 §4.4.2 and §4.4.4. Sending: build header + body, append the
// checksum, then escape; receiving: unescape, verify the checksum, then parse.
import { errorHex } from './bytes.ts';
import { ESCAPE, FLAG } from './constants.ts';
import type { Jt808FrameResult } from './types.ts';

/** XOR of `bytes[start..end)`: the check code runs from the first header byte to the byte before it (§4.4.4). */
export function xorChecksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum ^= bytes[i] ?? 0;
  return sum;
}

/** 0x7e → 0x7d 0x02 and 0x7d → 0x7d 0x01, wrapped in 0x7e delimiters (§4.4.2). */
export function escapeFrame(content: Uint8Array): Uint8Array {
  let specials = 0;
  for (const b of content) if (b === FLAG || b === ESCAPE) specials++;
  const out = new Uint8Array(content.length + specials + 2);
  out[0] = FLAG;
  let o = 1;
  for (const b of content) {
    if (b === FLAG || b === ESCAPE) {
      out[o++] = ESCAPE;
      out[o++] = b === FLAG ? 0x02 : 0x01;
    } else {
      out[o++] = b;
    }
  }
  out[o] = FLAG;
  return out;
}

/**
 * The bytes between two delimiters, unescaped into a fresh array. A 0x7d followed by anything but
 * 0x01/0x02, or ending the frame, is a 'bad_escape' error.
 */
export function unescapeFrame(escaped: Uint8Array): Jt808FrameResult {
  const first = escaped.indexOf(ESCAPE);
  // `new Uint8Array(view)` copies; `Buffer#slice` would not.
  if (first < 0) return { ok: true, frame: new Uint8Array(escaped) };
  const out = new Uint8Array(escaped.length);
  out.set(escaped.subarray(0, first));
  let o = first;
  for (let i = first; i < escaped.length; i++) {
    const b = escaped[i] ?? 0;
    if (b !== ESCAPE) {
      out[o++] = b;
      continue;
    }
    const next = escaped[++i];
    if (next === 0x02) out[o++] = FLAG;
    else if (next === 0x01) out[o++] = ESCAPE;
    else return { ok: false, error: { reason: 'bad_escape', hex: errorHex(escaped) } };
  }
  return { ok: true, frame: out.subarray(0, o) };
}
