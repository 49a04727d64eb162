// Sub-package reassembly (JT/T 808-2013 §4.4.3, "消息包封装项"): a message longer than one frame's
// 1,023-byte body is split into packages that carry the total and a 1-based index, each with its
// own consecutive serial number. The pieces are joined in index order and the whole body decoded
// as if it had arrived in one frame. Pure: time comes in as an argument.
import { decodeBody } from './decode.ts';
import type { Jt808Header, Jt808Message, Jt808Packet } from './types.ts';

/** Limits that keep a connection from holding unbounded partial messages. */
export interface ReassemblyLimits {
  /** Messages in progress at once; the oldest is dropped past this. */
  maxMessages: number;
  /** Bytes held across all messages in progress. */
  maxBytes: number;
  /** A message whose next package has not come within this is dropped. */
  timeoutMs: number;
}

export const DEFAULT_REASSEMBLY_LIMITS: ReassemblyLimits = {
  maxMessages: 8,
  maxBytes: 256 * 1024,
  timeoutMs: 60_000,
};

/**
 * What adding a package gives: nothing yet, the whole message, a whole message whose joined body
 * does not decode, or why the package was refused. `dropped` names the messages given up during
 * the call (past the timeout, the oldest past `maxMessages`, the one over `maxBytes`): their
 * packages already received will never complete.
 */
export type ReassemblyResult = Joined & { dropped: readonly string[] };

type Joined =
  | { status: 'pending'; key: string }
  | { status: 'complete'; key: string; message: Jt808Message }
  | { status: 'malformed'; key: string; reason: string }
  | { status: 'refused'; reason: string };

interface Partial {
  total: number;
  parts: Map<number, Uint8Array>;
  bytes: number;
  touched: number;
}

const NONE: readonly string[] = Object.freeze([]);

/** Joins the packages of split messages for one connection. */
export class Jt808Reassembler {
  private readonly partials = new Map<string, Partial>();
  private held = 0;
  /** Messages given up during the current `add`. */
  private dropped: string[] = [];

  constructor(private readonly limits: ReassemblyLimits = DEFAULT_REASSEMBLY_LIMITS) {}

  /**
   * Adds one package. The key names the whole message: the terminal, the message id, the total
   * and the serial number of package 1 (serials of one message are consecutive, §4.4.3).
   */
  add(header: Jt808Header & { packet: Jt808Packet }, body: Uint8Array, now: number): ReassemblyResult {
    this.dropped = [];
    const result = this.join(header, body, now);
    return { ...result, dropped: this.dropped.length > 0 ? this.dropped : NONE };
  }

  private join(header: Jt808Header & { packet: Jt808Packet }, body: Uint8Array, now: number): Joined {
    this.expire(now);
    const { total, index } = header.packet;
    if (total < 1 || index < 1 || index > total)
      return { status: 'refused', reason: `package ${index} of ${total}` };
    const key = `${header.deviceId}:${header.msgId}:${total}:${(header.serial - index + 1) & 0xffff}`;
    let partial = this.partials.get(key);
    if (!partial) {
      while (this.partials.size >= this.limits.maxMessages)
        this.drop(this.partials.keys().next().value as string);
      partial = { total, parts: new Map(), bytes: 0, touched: now };
      this.partials.set(key, partial);
    }
    if (!partial.parts.has(index)) {
      if (this.held + body.length > this.limits.maxBytes) {
        this.drop(key);
        return {
          status: 'refused',
          reason: `more than ${this.limits.maxBytes} bytes of split messages in progress`,
        };
      }
      partial.parts.set(index, Uint8Array.from(body));
      partial.bytes += body.length;
      this.held += body.length;
    }
    partial.touched = now;
    if (partial.parts.size < total) return { status: 'pending', key };
    const whole = new Uint8Array(partial.bytes);
    let offset = 0;
    for (let i = 1; i <= total; i++) {
      const part = partial.parts.get(i) as Uint8Array;
      whole.set(part, offset);
      offset += part.length;
    }
    this.forget(key);
    const { packet: _packet, ...rest } = header;
    const message = decodeBody({ ...rest, bodyLength: whole.length }, whole);
    return typeof message === 'string'
      ? { status: 'malformed', key, reason: message }
      : { status: 'complete', key, message };
  }

  /** Messages still waiting for packages (for tests and metrics). */
  get inProgress(): number {
    return this.partials.size;
  }

  private expire(now: number): void {
    for (const [key, partial] of this.partials) {
      if (now - partial.touched > this.limits.timeoutMs) this.drop(key);
    }
  }

  /** Gives a message up: its packages will never complete. */
  private drop(key: string): void {
    if (this.forget(key)) this.dropped.push(key);
  }

  private forget(key: string): boolean {
    const partial = this.partials.get(key);
    if (!partial) return false;
    this.held -= partial.bytes;
    this.partials.delete(key);
    return true;
  }
}
