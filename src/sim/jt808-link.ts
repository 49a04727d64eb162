// The terminal side of one JT/T 808 TCP connection: serial numbers, replies matched to requests,
// and retransmission of unanswered messages the way JT/T 808-2013 describes it (terminal parameters
// 0x0002 "TCP response timeout" T and 0x0003 "TCP retransmissions" N; after the n-th resend the
// wait grows to T(n) = T(n-1) × (n + 1)).
import net from 'node:net';
import { decodeFrame, Jt808Framer, type Jt808HeaderInit, Jt808MsgId } from '../protocols/jt808/index.ts';

/** A platform reply: 0x8001 general response or 0x8100 registration response. */
export interface Jt808Reply {
  msgId: number;
  /** The terminal serial the platform answers. */
  replySerial: number;
  /** 0x8001 only: the message id answered. */
  replyMsgId?: number;
  result: number;
  /** 0x8100 with result 0: the code to present in 0x0102. */
  authCode?: string;
}

/** Where to connect and how patiently to wait for replies. */
export interface Jt808LinkOptions {
  host: string;
  port: number;
  /** Terminal phone number, digits. */
  phone: string;
  edition?: '2013' | '2019';
  /** First wait for a reply before sending again (parameter 0x0002). */
  ackTimeoutMs: number;
  /** Times a message is sent again before giving up (parameter 0x0003). */
  retries: number;
}

interface Pending {
  bytes: Uint8Array;
  attempt: number;
  waitMs: number;
  deadline: number;
  resolve(reply: Jt808Reply): void;
  reject(error: Error): void;
}

function parseReply(msgId: number, body: Uint8Array): Jt808Reply | undefined {
  const view = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (msgId === Jt808MsgId.registerResponse && view.length >= 3) {
    const result = view.readUInt8(2);
    const authCode = result === 0 ? view.subarray(3).toString('latin1') : undefined;
    return { msgId, replySerial: view.readUInt16BE(0), result, ...(authCode !== undefined && { authCode }) };
  }
  if (msgId === Jt808MsgId.platformResponse && view.length >= 5) {
    return {
      msgId,
      replySerial: view.readUInt16BE(0),
      replyMsgId: view.readUInt16BE(2),
      result: view.readUInt8(4),
    };
  }
  return undefined;
}

/** One TCP connection of a simulated terminal. Open with `Jt808Link.open`. */
export class Jt808Link {
  private serial = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly framer = new Jt808Framer();
  private readonly sweeper: NodeJS.Timeout;
  private ended = false;
  /** Settles when the connection is gone, whoever closed it. */
  readonly closed: Promise<void>;

  private constructor(
    private readonly socket: net.Socket,
    private readonly opts: Jt808LinkOptions,
  ) {
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('error', () => socket.destroy());
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    void this.closed.then(() => this.fail(new Error('connection closed')));
    this.sweeper = setInterval(() => this.sweep(), Math.max(20, opts.ackTimeoutMs / 4));
    this.sweeper.unref();
  }

  /** Connects; rejects when the platform cannot be reached. */
  static open(opts: Jt808LinkOptions): Promise<Jt808Link> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: opts.host, port: opts.port, noDelay: true });
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new Jt808Link(socket, opts));
      });
    });
  }

  /** Messages sent and not yet answered. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Whether the connection is still up. */
  get open(): boolean {
    return !this.ended && !this.socket.destroyed;
  }

  /**
   * Sends the message `build` makes for the next serial number; resolves with the platform's
   * reply, rejects once the retransmissions are spent or the connection closes.
   */
  request(build: (header: Jt808HeaderInit) => Uint8Array): Promise<Jt808Reply> {
    if (!this.open) return Promise.reject(new Error('connection closed'));
    this.serial = (this.serial + 1) & 0xffff;
    const serial = this.serial;
    const bytes = build({ edition: this.opts.edition ?? '2013', phone: this.opts.phone, serial });
    return new Promise((resolve, reject) => {
      const waitMs = this.opts.ackTimeoutMs;
      this.pending.set(serial, { bytes, attempt: 0, waitMs, deadline: Date.now() + waitMs, resolve, reject });
      this.socket.write(bytes);
    });
  }

  /** Closes the connection; unanswered requests reject. */
  close(): void {
    this.ended = true;
    clearInterval(this.sweeper);
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    for (const f of this.framer.push(chunk)) {
      if (!f.ok) continue;
      const decoded = decodeFrame(f.frame);
      if (!decoded.ok || decoded.message.kind !== 'unsupported') continue;
      const reply = parseReply(decoded.message.msgId, decoded.message.body);
      const waiting = reply && this.pending.get(reply.replySerial);
      if (!reply || !waiting) continue;
      this.pending.delete(reply.replySerial);
      waiting.resolve(reply);
    }
  }

  private sweep(): void {
    const now = Date.now();
    for (const [serial, p] of this.pending) {
      if (p.deadline > now) continue;
      if (p.attempt >= this.opts.retries) {
        this.pending.delete(serial);
        p.reject(new Error(`no reply to serial ${serial} after ${p.attempt + 1} sends`));
        continue;
      }
      p.attempt++;
      p.waitMs *= p.attempt + 1;
      p.deadline = now + p.waitMs;
      this.socket.write(p.bytes);
    }
  }

  private fail(error: Error): void {
    this.ended = true;
    clearInterval(this.sweeper);
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
