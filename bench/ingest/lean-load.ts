// The lean load generator of the ingest benchmarks, run as a child process so that its CPU is
// its own (read from /proc/self/stat). Each terminal registers and authenticates through the
// codec (not measured), then floods: its JT/T 808 0x0200 frame is built once and patched in
// place for every report (serial, longitude, BCD time, checksum: JT/T 808-2013 §4.4.3, §8.18),
// a window's worth goes out in one write, and 0x8001 acknowledgements are counted by scanning
// the bytes for 0x7e 0x80 0x01, without the codec. Nothing is allocated per report but the
// batch's buffer: no promise, closure, map entry or clock read.
//
// IPC: { connect: LeanLoadOptions } → { ready, refused } | { error }; 'start'; 'mark' →
// LeanMark; 'stop' → { stopped } once nothing is in flight (or after 5 s).
import { readFileSync } from 'node:fs';
import type net from 'node:net';
import { encodeLocationReport } from '../../src/protocols/jt808/index.ts';
import { floodFix } from '../../src/sim/flood-frames.ts';
import { setUp } from './terminal-setup.ts';

/** What the generator connects to and how hard it pushes. */
export interface LeanLoadOptions {
  port: number;
  phones: readonly string[];
  /** Reports in flight a terminal; 0: report once and stay idle (the idle-memory figure). */
  window: number;
  /** The first fix time, epoch ms; each report is one second after the last. */
  baseTime: number;
  /** First index of these phones in the whole fleet (the template's latitude). */
  firstIndex?: number;
}

/** Counters and this process's CPU, at one instant. */
export interface LeanMark {
  acked: number;
  refused: number;
  /** Connections the server closed. */
  closed: number;
  /** CPU this process has used (user + system), seconds, from /proc/self/stat. */
  cpuSeconds: number;
  /** performance.now() of this process, ms. */
  at: number;
}

// Offsets in an unescaped 2013 frame counted from its leading 0x7e (as in flood-frames.ts).
const SERIAL = 11;
const LON = 25;
const TIME = 35;
const GMT8_MS = 8 * 3_600_000;
const BCD = Array.from({ length: 100 }, (_, v) => ((Math.floor(v / 10) % 10) << 4) | (v % 10));
const special = (b: number) => b === 0x7e || b === 0x7d;

/** One terminal's state: allocated once, patched for every report. */
class Terminal {
  readonly template: Buffer;
  /** XOR of the frame's bytes that are never patched. */
  private readonly fixedCheck: number;
  private serial = 1;
  private lon: number;
  /** The fix time in GMT+8: the day's three BCD bytes and the second of the day. */
  private day = [0, 0, 0];
  private secondOfDay = 0;
  private time: number;
  inFlight = 0;
  sent = 0;
  acked = 0;
  refused = 0;
  /** An incomplete frame at the end of the last chunk. */
  carry: Buffer | undefined;

  constructor(
    readonly socket: net.Socket,
    readonly phone: string,
    index: number,
    baseTime: number,
  ) {
    let lat = 31.3 + index * 1e-4;
    let frame: Buffer;
    // A template whose interior needs no escaping, so that every offset is fixed.
    for (;;) {
      const fix = { ...floodFix(baseTime, index, 0), lat };
      frame = Buffer.from(encodeLocationReport({ edition: '2013', phone, serial: 1 }, fix));
      if (!frame.subarray(1, -1).some(special)) break;
      lat += 1e-6;
    }
    this.template = frame;
    this.lon = frame.readUInt32BE(LON);
    let check = 0;
    for (let i = 1; i < frame.length - 2; i++) {
      const patched =
        (i >= SERIAL && i < SERIAL + 2) || (i >= LON && i < LON + 4) || (i >= TIME && i < TIME + 6);
      if (!patched) check ^= frame[i] as number;
    }
    this.fixedCheck = check;
    this.time = baseTime;
    this.setDay();
  }

  private setDay(): void {
    const t = new Date(this.time + GMT8_MS);
    this.day = [BCD[t.getUTCFullYear() % 100], BCD[t.getUTCMonth() + 1], BCD[t.getUTCDate()]] as number[];
    this.secondOfDay = t.getUTCHours() * 3600 + t.getUTCMinutes() * 60 + t.getUTCSeconds();
  }

  /** Writes the next `count` reports into `out` at `at` (count × template length bytes). */
  fill(out: Buffer, at: number, count: number): void {
    const t = this.template;
    const len = t.length;
    const last = len - 2;
    for (let k = 0; k < count; k++, at += len) {
      t.copy(out, at);
      // Serial: the platform answers it; values with an escaped byte are skipped.
      let s = this.serial;
      do s = (s + 1) & 0xffff;
      while (special(s >> 8) || special(s & 0xff));
      this.serial = s;
      // Time: one second on; BCD bytes are never 0x7d or 0x7e.
      this.time += 1000;
      if (++this.secondOfDay === 86_400) this.setDay();
      const sod = this.secondOfDay;
      const d = this.day;
      // Longitude creeps east; values with an escaped byte, or a checksum that is one, skipped.
      let lon = this.lon;
      let check = 0;
      const timeCheck =
        (d[0] as number) ^
        (d[1] as number) ^
        (d[2] as number) ^
        (BCD[(sod / 3600) | 0] as number) ^
        (BCD[((sod / 60) | 0) % 60] as number) ^
        (BCD[sod % 60] as number);
      for (;;) {
        lon++;
        const b0 = lon >>> 24;
        const b1 = (lon >>> 16) & 0xff;
        const b2 = (lon >>> 8) & 0xff;
        const b3 = lon & 0xff;
        if (special(b1) || special(b2) || special(b3) || special(b0)) continue;
        check = this.fixedCheck ^ (s >> 8) ^ (s & 0xff) ^ b0 ^ b1 ^ b2 ^ b3 ^ timeCheck;
        if (!special(check)) break;
      }
      this.lon = lon;
      out[at + SERIAL] = s >> 8;
      out[at + SERIAL + 1] = s & 0xff;
      out.writeUInt32BE(lon, at + LON);
      out[at + TIME] = d[0] as number;
      out[at + TIME + 1] = d[1] as number;
      out[at + TIME + 2] = d[2] as number;
      out[at + TIME + 3] = BCD[(sod / 3600) | 0] as number;
      out[at + TIME + 4] = BCD[((sod / 60) | 0) % 60] as number;
      out[at + TIME + 5] = BCD[sod % 60] as number;
      out[at + last] = check;
    }
    this.sent += count;
  }

  /** Sends reports until `window` are in flight, in one write. */
  refill(window: number): void {
    const n = window - this.inFlight;
    if (n <= 0 || this.socket.destroyed) return;
    const out = Buffer.allocUnsafe(n * this.template.length);
    this.fill(out, 0, n);
    this.inFlight += n;
    this.socket.write(out);
  }

  /** Counts the 0x8001 answers in `chunk` (result byte 0: acked); returns how many. */
  scan(chunk: Buffer): number {
    let buf = chunk;
    if (this.carry) {
      buf = Buffer.concat([this.carry, chunk]);
      this.carry = undefined;
    }
    let answered = 0;
    let i = buf.indexOf(0x7e);
    while (i >= 0) {
      const end = buf.indexOf(0x7e, i + 1);
      if (end < 0) {
        this.carry = Buffer.from(buf.subarray(i));
        break;
      }
      if (end === i + 1) {
        i = end;
        continue;
      }
      if (buf[i + 1] === 0x80 && buf[i + 2] === 0x01) {
        // The result is the 17th unescaped byte after the flag (header 12, reply serial 2, id 2).
        let j = i + 1;
        for (let k = 0; k < 16; k++) j += buf[j] === 0x7d ? 2 : 1;
        if (buf[j] === 0) this.acked++;
        else this.refused++;
        answered++;
      }
      i = buf.indexOf(0x7e, end + 1);
    }
    return answered;
  }
}

/** CPU seconds of this process (utime + stime, clock ticks of 10 ms). */
function cpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'latin1');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const terminals: Terminal[] = [];
let window = 0;
let closed = 0;
let stopping = false;
let running = false;

async function connectAll(opts: LeanLoadOptions): Promise<void> {
  window = opts.window;
  let next = 0;
  const worker = async () => {
    while (next < opts.phones.length) {
      const i = next++;
      const phone = opts.phones[i] as string;
      const socket = await setUp(opts.port, phone);
      const t = new Terminal(socket, phone, (opts.firstIndex ?? 0) + i, opts.baseTime);
      socket.on('data', (chunk: Buffer) => {
        const n = t.scan(chunk);
        t.inFlight -= n;
        if (running) t.refill(window);
      });
      socket.on('error', () => socket.destroy());
      socket.once('close', () => {
        if (!stopping) closed++;
      });
      terminals[i] = t;
    }
  };
  await Promise.all(Array.from({ length: Math.min(100, opts.phones.length) }, worker));
  // The idle figure: every terminal reports once, then stays silent.
  if (opts.window === 0) {
    for (const t of terminals) t.refill(1);
    const deadline = Date.now() + 60_000;
    while (terminals.some((t) => t.inFlight > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function mark(): LeanMark {
  let acked = 0;
  let refused = 0;
  for (const t of terminals) {
    acked += t.acked;
    refused += t.refused;
  }
  return { acked, refused, closed, cpuSeconds: cpuSeconds(), at: performance.now() };
}

if (process.send) {
  process.on('message', (message: unknown) => {
    if (message === 'start') {
      running = true;
      for (const t of terminals) t.refill(window);
    } else if (message === 'mark') {
      process.send?.(mark());
    } else if (message === 'stop') {
      running = false;
      stopping = true;
      const deadline = Date.now() + 5000;
      const wait = () => {
        if (terminals.every((t) => t.inFlight <= 0 || t.socket.destroyed) || Date.now() > deadline) {
          for (const t of terminals) t.socket.destroy();
          process.send?.({ stopped: true, ...mark() }, () => process.exit(0));
        } else setTimeout(wait, 20);
      };
      wait();
    } else if (typeof message === 'object' && message !== null && 'connect' in message) {
      connectAll((message as { connect: LeanLoadOptions }).connect).then(
        () => process.send?.({ ready: terminals.length, ...mark() }),
        (error: Error) => process.send?.({ error: error.message }),
      );
    }
  });
  process.on('disconnect', () => process.exit(0));
}
