// GT06 (Concox) codec: bytes in, neutral messages out, replies as bytes.

export { crcItu } from './crc.ts';
export { decodeGt06Frame, type Gt06DecodeOptions } from './decode.ts';
export { encodeAck, encodeAlarm, encodeHeartbeat, encodeLocation, encodeLogin, replyTo } from './encode.ts';
export { buildFrame } from './frame.ts';
export { Gt06Framer, type Gt06FramerOptions } from './framer.ts';
export type { Gt06Fix } from './gps.ts';
export { ALARM_CODES } from './terminal.ts';
export * from './types.ts';
