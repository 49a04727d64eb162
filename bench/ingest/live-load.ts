// Devices for the live-latency figure, run as a child process: each terminal reports its
// position every `periodMs`, the fleet spread evenly over the period, each fix stamped with the
// current second. Every send is recorded (its instant on the machine's clock, and the instant
// its 0x8001 arrived) for the parent to match with what the consoles received.
//
// IPC: { connect: LiveLoadOptions } → { ready } | { error }; 'start'; 'stop' → { sends: LiveSend[] }.
import type net from 'node:net';
import { encodeLocationReport } from '../../src/protocols/jt808/index.ts';
import { clock } from './measure.ts';
import { setUp } from './terminal-setup.ts';

export interface LiveLoadOptions {
  port: number;
  phones: readonly string[];
  periodMs: number;
}

/** [phone index, fix time ms, sent at, acknowledged at, committed at (ms; 0: unknown)] */
export type LiveSend = [number, number, number, number, number];

interface Terminal {
  socket: net.Socket;
  phone: string;
  serial: number;
  /** Index in `sends` of the report waiting for its ack, or -1. */
  waiting: number;
  due: number;
}

const sends: LiveSend[] = [];
const terminals: Terminal[] = [];
let timer: NodeJS.Timeout | undefined;

async function connect(opts: LiveLoadOptions): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < opts.phones.length) {
      const i = next++;
      const phone = opts.phones[i] as string;
      const socket = await setUp(opts.port, phone);
      const t: Terminal = { socket, phone, serial: 10, waiting: -1, due: 0 };
      socket.on('data', (chunk: Buffer) => {
        // An 0x8001 answering 0x0200 settles the report in flight.
        let at = chunk.indexOf(0x7e);
        while (at >= 0 && at + 2 < chunk.length) {
          if (chunk[at + 1] === 0x80 && chunk[at + 2] === 0x01 && t.waiting >= 0) {
            (sends[t.waiting] as LiveSend)[3] = clock();
            t.waiting = -1;
          }
          at = chunk.indexOf(0x7e, at + 1);
        }
      });
      socket.on('error', () => socket.destroy());
      terminals[i] = t;
    }
  };
  await Promise.all(Array.from({ length: Math.min(100, opts.phones.length) }, worker));
}

function start(periodMs: number): void {
  const t0 = clock();
  terminals.forEach((t, i) => {
    t.due = t0 + (periodMs * i) / terminals.length;
  });
  let lon = 120.8;
  timer = setInterval(() => {
    const now = clock();
    for (let i = 0; i < terminals.length; i++) {
      const t = terminals[i] as Terminal;
      if (t.due > now) continue;
      t.due += periodMs;
      const time = Math.floor(Date.now() / 1000) * 1000;
      t.serial = (t.serial + 1) & 0xffff;
      lon += 1e-6;
      const frame = encodeLocationReport(
        { edition: '2013', phone: t.phone, serial: t.serial },
        {
          lat: 31.3 + i * 1e-5,
          lon: lon,
          time,
          speedKmh: 6.5,
          course: 90,
          altitude: 3,
          status: { acc: true, fixed: true, gps: true },
          satellites: 9,
        },
      );
      t.waiting = sends.length;
      sends.push([i, time, clock(), 0, 0]);
      t.socket.write(frame);
    }
  }, 2);
}

if (process.send) {
  process.on('message', (message: unknown) => {
    if (message === 'start') start(periodMs);
    else if (message === 'stop') {
      if (timer) clearInterval(timer);
      // Late acks still land for a second.
      setTimeout(() => {
        for (const t of terminals) t.socket.destroy();
        process.send?.({ sends }, () => process.exit(0));
      }, 1000);
    } else if (typeof message === 'object' && message !== null && 'connect' in message) {
      const opts = (message as { connect: LiveLoadOptions }).connect;
      periodMs = opts.periodMs;
      connect(opts).then(
        () => process.send?.({ ready: terminals.length }),
        (error: Error) => process.send?.({ error: error.message }),
      );
    }
  });
  process.on('disconnect', () => process.exit(0));
}
let periodMs = 5000;
