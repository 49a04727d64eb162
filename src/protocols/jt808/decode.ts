// Decodes one unescaped frame (as produced by `Jt808Framer`) into a neutral message. Order follows
// JT/T 808-2013 §4.4.2: the checksum is verified before anything is parsed.
import { decodeBatch } from './batch.ts';
import { errorHex, u8 } from './bytes.ts';
import { Jt808MsgId } from './constants.ts';
import { xorChecksum } from './escape.ts';
import { decodeHeader } from './header.ts';
import { decodeLocationBody } from './location.ts';
import { decodeAuth, decodeRegister } from './register.ts';
import type { Jt808DecodeResult, Jt808ErrorReason, Jt808Header, Jt808Message } from './types.ts';

/** Smallest frame: a 2013 header without sub-package fields (12 bytes) and the checksum. */
const MIN_FRAME = 13;

function fail(
  reason: Jt808ErrorReason,
  frame: Uint8Array,
  detail?: string,
  header?: Jt808Header,
): Jt808DecodeResult {
  const error = { reason, hex: errorHex(frame), ...(detail === undefined ? {} : { detail }) };
  return { ok: false, error: header ? { ...error, header } : error };
}

/**
 * Decodes header + body + checksum. Never throws: every failure is a typed error, and errors past
 * the header carry it so the caller can still answer 0x8001 "wrong message" (result 2).
 */
export function decodeFrame(frame: Uint8Array): Jt808DecodeResult {
  try {
    return decodeUnsafe(frame);
  } catch (err) {
    return fail('internal', frame, err instanceof Error ? err.message : String(err));
  }
}

function decodeUnsafe(frame: Uint8Array): Jt808DecodeResult {
  if (frame.length < MIN_FRAME) {
    return fail('truncated', frame, `frame of ${frame.length} bytes, minimum ${MIN_FRAME}`);
  }
  const contentLength = frame.length - 1;
  // §4.4.4: XOR from the first header byte to the last body byte.
  const expected = xorChecksum(frame, 0, contentLength);
  const actual = u8(frame, contentLength);
  if (expected !== actual) {
    const detail = `checksum 0x${actual.toString(16)} but content gives 0x${expected.toString(16)}`;
    return fail('checksum', frame, detail);
  }
  const parsed = decodeHeader(frame, contentLength);
  if (!parsed) return fail('truncated', frame, `frame of ${frame.length} bytes is shorter than its header`);
  const { header, bodyOffset } = parsed;
  const body = frame.subarray(bodyOffset, contentLength);
  if (body.length !== header.bodyLength) {
    return fail(
      'length',
      frame,
      `header declares ${header.bodyLength} body bytes, frame has ${body.length}`,
      header,
    );
  }
  if (header.packet) {
    // One package of a split message: reassembly belongs to the session, not to the frame decoder.
    return { ok: true, message: { kind: 'fragment', header: { ...header, packet: header.packet }, body } };
  }
  if (header.encryption !== 0) {
    return { ok: true, message: { kind: 'unsupported', header, msgId: header.msgId, body } };
  }
  const message = decodeBody(header, body);
  return typeof message === 'string' ? fail('body', frame, message, header) : { ok: true, message };
}

/** Decodes a message body for its header's id; a string says why it failed. Used for reassembled messages too. */
export function decodeBody(header: Jt808Header, body: Uint8Array): Jt808Message | string {
  switch (header.msgId) {
    case Jt808MsgId.heartbeat:
      return { kind: 'heartbeat', header };
    case Jt808MsgId.unregister:
      return { kind: 'unregister', header };
    case Jt808MsgId.register: {
      const reg = decodeRegister(body, header.edition);
      return typeof reg === 'string' ? reg : { kind: 'register', header, ...reg };
    }
    case Jt808MsgId.auth: {
      const auth = decodeAuth(body, header.edition);
      return typeof auth === 'string' ? auth : { kind: 'auth', header, ...auth };
    }
    case Jt808MsgId.location: {
      const loc = decodeLocationBody(body, 0, body.length);
      return 'detail' in loc ? loc.detail : { kind: 'location', header, location: loc.location };
    }
    case Jt808MsgId.locationBatch:
      return decodeBatchMessage(header, body);
    default:
      return { kind: 'unsupported', header, msgId: header.msgId, body };
  }
}

function decodeBatchMessage(header: Jt808Header, body: Uint8Array): Jt808Message | string {
  const batch = decodeBatch(body);
  if (typeof batch === 'string') return batch;
  return {
    kind: 'locationBatch',
    header,
    batchType: batch.batchType,
    blindSpot: batch.batchType === 1,
    locations: batch.locations,
    invalidItems: batch.invalidItems,
    ...(batch.truncated ? { truncated: true as const } : {}),
  };
}
