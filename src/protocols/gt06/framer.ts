// Cuts a GT06 TCP byte stream into frames (GT06 v1.8.1 §4) and decodes each. TCP gives
// arbitrary chunks: a frame may arrive in pieces, several frames may share a chunk, and a
// terminal or a scanner may send noise. Bytes that cannot start a frame are reported once as
// `garbage` and skipped; a frame whose length field points past its stop bits, or past the
// maximum frame size, is reported and the framer resynchronises at the next start bits. The
// buffer never holds more than one maximum-size frame, whatever arrives.

import { decodeGt06Frame } from './decode.ts';
import { headerSize, MIN_LENGTH, START_LONG, START_SHORT } from './frame.ts';
import { toHex } from './reader.ts';
import type { Gt06DecodeResult, Gt06ErrorReason } from './types.ts';

/** How a framer treats its connection. */
export interface Gt06FramerOptions {
  /** Largest frame accepted, start to stop bits; longer ones are rejected as `too_large`. Default 2048. */
  maxFrameSize?: number;
  /** The terminal's zone in minutes east of UTC. When absent, the zone announced by an extended login is used, else UTC. */
  timezoneOffsetMinutes?: number;
}

type Problem = [Gt06ErrorReason, string];

/** Longest hex kept in a garbage report; the detail still gives the full byte count. */
const MAX_REPORTED_BYTES = 256;

/** Stream decoder for one TCP connection: push chunks in, get decoded frames and errors out. */
export class Gt06Framer {
  private buffer: Uint8Array = new Uint8Array(0);
  private readonly maxFrameSize: number;
  private readonly configuredZone: number | undefined;
  private announcedZone: number | null = null;

  constructor(options: Gt06FramerOptions = {}) {
    this.maxFrameSize = Math.max(headerSize(true) + MIN_LENGTH + 2, options.maxFrameSize ?? 2048);
    this.configuredZone = options.timezoneOffsetMinutes;
  }

  /** Bytes held back waiting for the rest of a frame. */
  get pendingBytes(): number {
    return this.buffer.length;
  }

  /** Feeds one chunk; returns every frame completed by it, in order, decoded or rejected. */
  push(chunk: Uint8Array): Gt06DecodeResult[] {
    const buf = this.buffer.length === 0 ? chunk : concat(this.buffer, chunk);
    const out: Gt06DecodeResult[] = [];
    let pos = 0;
    while (pos < buf.length) {
      const start = findStart(buf, pos);
      if (start > pos) out.push(reject('garbage', buf, pos, start, 'bytes outside any frame were skipped'));
      pos = start;
      if (pos >= buf.length || buf[pos] !== buf[pos + 1]) break; // nothing, or a lone start byte: wait
      const long = buf[pos] === START_LONG;
      const head = headerSize(long);
      if (buf.length - pos < head) break;
      const length = long ? ((buf[pos + 2] ?? 0) << 8) | (buf[pos + 3] ?? 0) : (buf[pos + 2] ?? 0);
      const total = head + length + 2;
      const problem = this.problemAt(buf, pos, length, total);
      if (problem === 'wait') break;
      if (problem) {
        const next = findStart(buf, pos + 1);
        out.push(reject(problem[0], buf, pos, next, problem[1]));
        pos = next;
        continue;
      }
      out.push(this.decode(buf.subarray(pos, pos + total)));
      pos += total;
    }
    // Copy the tail so the caller's chunk can be reused and the old buffer freed.
    this.buffer = buf.slice(pos);
    return out;
  }

  // What is wrong with the frame announced at `pos`: 'wait' while it is incomplete, null when whole.
  private problemAt(buf: Uint8Array, pos: number, length: number, total: number): Problem | 'wait' | null {
    if (length < MIN_LENGTH)
      return ['length', `length field ${length} is below the minimum of ${MIN_LENGTH}`];
    if (total > this.maxFrameSize)
      return ['too_large', `frame of ${total} bytes exceeds ${this.maxFrameSize}`];
    if (buf.length - pos < total) return 'wait';
    if (buf[pos + total - 2] !== 0x0d || buf[pos + total - 1] !== 0x0a) {
      return ['framing', `no stop bits where length field ${length} puts them`];
    }
    return null;
  }

  private decode(frame: Uint8Array): Gt06DecodeResult {
    const timezoneOffsetMinutes = this.configuredZone ?? this.announcedZone ?? 0;
    const result = decodeGt06Frame(frame, { timezoneOffsetMinutes });
    if (result.ok && result.message.kind === 'login' && result.message.timezoneOffsetMinutes !== null) {
      this.announcedZone = result.message.timezoneOffsetMinutes;
    }
    return result;
  }
}

function isStartByte(value: number | undefined): boolean {
  return value === START_SHORT || value === START_LONG;
}

// Index of the next pair of start bits at or after `from`; a trailing lone start byte counts,
// since its twin may be in the next chunk. Returns buf.length when there is neither.
function findStart(buf: Uint8Array, from: number): number {
  for (let i = from; i < buf.length; i++) {
    if (!isStartByte(buf[i])) continue;
    if (i === buf.length - 1 || buf[i + 1] === buf[i]) return i;
  }
  return buf.length;
}

function reject(
  reason: Gt06ErrorReason,
  buf: Uint8Array,
  from: number,
  to: number,
  detail: string,
): Gt06DecodeResult {
  const size = to - from;
  const shown = buf.subarray(from, Math.min(to, from + MAX_REPORTED_BYTES));
  const suffix =
    size > MAX_REPORTED_BYTES ? ` (${size} bytes, first ${MAX_REPORTED_BYTES} shown)` : ` (${size} bytes)`;
  return { ok: false, error: { reason, hex: toHex(shown), detail: detail + suffix } };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}
