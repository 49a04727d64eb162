// Frame assembly for every encoder (JT/T 808-2013 §4.4): header, body, XOR checksum, then escaping
// and the 0x7e delimiters. Encoders take their inputs from our own code, so unlike the decoder they
// throw RangeError on arguments the wire cannot carry.
import { ByteWriter } from './bytes.ts';
import { escapeFrame, xorChecksum } from './escape.ts';
import { encodeHeader, type Jt808HeaderInit } from './header.ts';

/** A complete escaped frame, delimiters included, for `msgId` with `body`. */
export function encodeFrame(msgId: number, header: Jt808HeaderInit, body: Uint8Array): Uint8Array {
  const out = new ByteWriter(21 + body.length + 1);
  encodeHeader(out, msgId, header, body.length);
  out.bytes(body);
  const content = out.finish();
  const framed = new Uint8Array(content.length + 1);
  framed.set(content);
  framed[content.length] = xorChecksum(content);
  return escapeFrame(framed);
}
