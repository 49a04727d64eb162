// The terminal side of one GT06 TCP connection (GT06 v1.8.1 §4–§5): information serial numbers,
// and the server's acks matched to the packets that need one. Only login (0x01), heartbeat (0x13)
// and alarm (0x16/0x26) are acknowledged; a location (0x12/0x22) has no reply in the protocol, so
// it is only written, never waited for.
import net from 'node:net';
import { headerSize, MIN_LENGTH, openFrame, START_LONG, START_SHORT } from '../protocols/gt06/frame.ts';

/** Where to connect. */
export interface Gt06LinkOptions {
  host: string;
  port: number;
}

/** A server ack: the protocol number and serial of the packet it answers (78 78 05 PN SN SN CRC 0d 0a). */
export interface Gt06Ack {
  protocol: number;
  serial: number;
}

/** Largest server frame kept while waiting for its end; acks are 10 bytes, commands a few hundred. */
const MAX_SERVER_FRAME = 1024;

/** Cuts the server's byte stream into checked frames (envelope and CRC by the codec's `openFrame`). */
export class Gt06AckReader {
  private buffer: Buffer = Buffer.alloc(0);

  /** Feeds one chunk; returns the frames it completed. Noise and bad frames are skipped. */
  push(chunk: Uint8Array): Gt06Ack[] {
    const buf = this.buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffer, chunk]);
    const out: Gt06Ack[] = [];
    let pos = 0;
    while (pos < buf.length) {
      const first = buf[pos];
      if (first !== START_SHORT && first !== START_LONG) {
        pos++;
        continue;
      }
      if (pos + 1 >= buf.length) break; // a lone start byte: its twin may come next
      if (buf[pos + 1] !== first) {
        pos++;
        continue;
      }
      const long = first === START_LONG;
      const head = headerSize(long);
      if (buf.length - pos < head) break;
      const length = long ? buf.readUInt16BE(pos + 2) : buf.readUInt8(pos + 2);
      const total = head + length + 2;
      if (length < MIN_LENGTH || total > MAX_SERVER_FRAME) {
        pos++;
        continue;
      }
      if (buf.length - pos < total) break;
      const opened = openFrame(buf.subarray(pos, pos + total));
      if (!opened.ok) {
        pos++;
        continue;
      }
      out.push({ protocol: opened.frame.protocol, serial: opened.frame.serial });
      pos += total;
    }
    this.buffer = buf.subarray(pos);
    return out;
  }
}

interface Waiter {
  protocol: number;
  timer: NodeJS.Timeout;
  resolve(): void;
  reject(error: Error): void;
}

/** One TCP connection of a simulated GT06 terminal. Open with `Gt06Link.open`. */
export class Gt06Link {
  private serial = 0;
  private readonly waiting = new Map<number, Waiter>();
  private readonly reader = new Gt06AckReader();
  private ended = false;
  /** Settles when the connection is gone, whoever closed it. */
  readonly closed: Promise<void>;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('error', () => socket.destroy());
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    void this.closed.then(() => this.fail(new Error('connection closed')));
  }

  /** Connects; rejects when the platform cannot be reached. */
  static open(opts: Gt06LinkOptions): Promise<Gt06Link> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: opts.host, port: opts.port, noDelay: true });
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new Gt06Link(socket));
      });
    });
  }

  /** Whether the connection is still up. */
  get open(): boolean {
    return !this.ended && !this.socket.destroyed;
  }

  /** Packets sent and not yet acknowledged. */
  get inFlight(): number {
    return this.waiting.size;
  }

  /**
   * Writes the packet `build` makes for the next serial number (§4.5: 1 after power-on, then one
   * up per packet); resolves once the bytes are handed to the operating system. No ack is awaited.
   */
  send(build: (serial: number) => Uint8Array): Promise<number> {
    if (!this.open) return Promise.reject(new Error('connection closed'));
    const serial = this.nextSerial();
    return this.write(build(serial)).then(() => serial);
  }

  /**
   * Writes a packet that the server acknowledges (login, heartbeat, alarm) and resolves on the ack
   * echoing its protocol number and serial; rejects after `timeoutMs` or when the connection closes.
   */
  request(protocol: number, build: (serial: number) => Uint8Array, timeoutMs: number): Promise<void> {
    if (!this.open) return Promise.reject(new Error('connection closed'));
    const serial = this.nextSerial();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(serial);
        reject(new Error(`no ack to protocol 0x${hex2(protocol)} serial ${serial} within ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref();
      this.waiting.set(serial, { protocol, timer, resolve, reject });
      this.write(build(serial)).catch((error: Error) => {
        if (!this.waiting.delete(serial)) return;
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  /** Closes the connection; packets waiting for an ack reject. */
  close(): void {
    this.ended = true;
    this.socket.destroy();
  }

  private nextSerial(): number {
    // The serial is a WORD; 0 is skipped after a wrap, as after power-on it starts at 1.
    this.serial = (this.serial % 0xffff) + 1;
    return this.serial;
  }

  private write(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.write(bytes, (error) => (error ? reject(error) : resolve()));
    });
  }

  private onData(chunk: Buffer): void {
    for (const ack of this.reader.push(chunk)) {
      const waiter = this.waiting.get(ack.serial);
      if (!waiter || waiter.protocol !== ack.protocol) continue;
      this.waiting.delete(ack.serial);
      clearTimeout(waiter.timer);
      waiter.resolve();
    }
  }

  private fail(error: Error): void {
    this.ended = true;
    for (const w of this.waiting.values()) {
      clearTimeout(w.timer);
      w.reject(error);
    }
    this.waiting.clear();
  }
}

function hex2(value: number): string {
  return value.toString(16).padStart(2, '0');
}
