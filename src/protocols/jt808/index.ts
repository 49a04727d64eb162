// JT/T 808 codec (2011/2013/2019): bytes in, neutral messages out, replies as bytes. Pure: no
// sockets, no storage, no clock. Typical use on one connection:
//
//   const framer = new Jt808Framer();
//   for (const f of framer.push(chunk)) {
//     const r = f.ok ? decodeFrame(f.frame) : f;   // r.ok === false → log and count r.error
//     ...store r.message, then reply with encodeGeneralResponse(r.message.header, nextSerial())
//   }
export { fromHex, toHex } from './bytes.ts';
export {
  Jt808Alarm,
  Jt808GeneralResult,
  Jt808MsgId,
  Jt808RegisterResult,
  MAX_ESCAPED_FRAME,
} from './constants.ts';
export { decodeBody, decodeFrame } from './decode.ts';
export { encodeFrame } from './encode.ts';
export { escapeFrame, unescapeFrame, xorChecksum } from './escape.ts';
export { Jt808Framer, type Jt808FramerOptions } from './framer.ts';
export type { Jt808HeaderInit } from './header.ts';
export { encodeLocationBody, type Jt808LocationInput, type Jt808StatusInput } from './location-encode.ts';
export {
  DEFAULT_REASSEMBLY_LIMITS,
  Jt808Reassembler,
  type ReassemblyLimits,
  type ReassemblyResult,
} from './reassembly.ts';
export { encodeGeneralResponse, encodeRegisterResponse, type Jt808ReplyTarget } from './replies.ts';
export {
  encodeAuth,
  encodeBatch,
  encodeHeartbeat,
  encodeLocationReport,
  encodeRegister,
  encodeUnregister,
  type Jt808BatchInput,
  type Jt808RegisterInput,
} from './terminal.ts';
export type * from './types.ts';
