// The load generator's raw side: plain sockets that send the same location frames as the
// terminals, without waiting for anything, to the counting server (raw-server.ts).
import { type ChildProcess, fork } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { floodFrames } from '../../src/sim/flood-frames.ts';

/** The counting server child. */
export interface RawServer {
  pid: number;
  port: number;
  count(): Promise<{ frames: number; connections: number }>;
  stop(): void;
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve) => child.once('message', (m) => resolve(m as T)));
}

/** Starts the counting server in its own process. */
export function startRawServer(): Promise<RawServer> {
  return startChildServer('raw-server.ts');
}

/** Starts the acknowledging bound (ack-server.ts) in its own process; `count` gives its locations. */
export function startAckServer(): Promise<RawServer> {
  return startChildServer('ack-server.ts');
}

async function startChildServer(script: string): Promise<RawServer> {
  const child = fork(path.join(import.meta.dirname, script), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await nextMessage<{ port: number }>(child);
  return {
    pid: child.pid ?? 0,
    port,
    count: () => {
      const reply = nextMessage<{ frames: number; connections: number }>(child);
      child.send('count');
      return reply;
    },
    stop: () => child.kill('SIGKILL'),
  };
}

/** Opens `count` TCP connections to 127.0.0.1:`port`, `batch` at a time. */
export async function openSockets(port: number, count: number, batch = 500): Promise<net.Socket[]> {
  const sockets: net.Socket[] = [];
  for (let done = 0; done < count; done += batch) {
    const wave = Array.from(
      { length: Math.min(batch, count - done) },
      () =>
        new Promise<net.Socket>((resolve, reject) => {
          const socket = net.connect({ port, host: '127.0.0.1', noDelay: true });
          socket.once('connect', () => resolve(socket));
          socket.once('error', reject);
        }),
    );
    sockets.push(...(await Promise.all(wave)));
  }
  return sockets;
}

/**
 * Sends location frames on every socket as fast as the sockets take them, each frame in its own
 * write (as a terminal sends them): one frame per socket per turn of the event loop.
 */
export function blast(sockets: readonly net.Socket[], baseTime: number): { stop(): void } {
  let running = true;
  const seq = new Array<number>(sockets.length).fill(0);
  const builders = sockets.map((_, i) => floodFrames(String(13_600_000_001 + i), i, baseTime));
  const round = () => {
    if (!running) return;
    sockets.forEach((socket, i) => {
      if (socket.writableNeedDrain || socket.destroyed) return;
      const n = seq[i] ?? 0;
      seq[i] = n + 1;
      const build = builders[i];
      if (build) socket.write(build(n, (n + 3) & 0xffff));
    });
    setImmediate(round);
  };
  setImmediate(round);
  return {
    stop: () => {
      running = false;
    },
  };
}

/** Closes sockets and waits until they are gone. */
export async function closeSockets(sockets: readonly net.Socket[]): Promise<void> {
  await Promise.all(
    sockets.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.destroyed) return resolve();
          s.once('close', () => resolve());
          s.destroy();
        }),
    ),
  );
}
