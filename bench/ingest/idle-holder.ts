// Holds idle device connections for the idle-memory figure (idle.ts), in its own process so that
// the benchmark process does not need a file descriptor for each of them. Run as a child process;
// the parent sends { port, count } → { connected } or { error }; 'status' → { open, closedByPeer };
// 'close' → { closed } once every socket is gone, then this process exits.
import net from 'node:net';
import { closeSockets } from './raw.ts';

/** Connections opened at once; more overflow the server's accept queue and wait for SYN retries. */
const BATCH = 500;
/** A wave that has not connected by then is reported as an error instead of waiting forever. */
const WAVE_TIMEOUT_MS = 30_000;

const sockets: net.Socket[] = [];
let closing = false;
let closedByPeer = 0;

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1', noDelay: true });
    socket.once('connect', () => {
      socket.removeListener('error', reject);
      // After the connection is up, a reset or close is counted, not thrown.
      socket.on('error', () => socket.destroy());
      socket.once('close', () => {
        if (!closing) closedByPeer++;
      });
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

async function open(port: number, count: number): Promise<void> {
  for (let done = 0; done < count; done += BATCH) {
    const wave = Array.from({ length: Math.min(BATCH, count - done) }, () => connect(port));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${done} of ${count} connected, the next ${wave.length} not within 30 s`)),
        WAVE_TIMEOUT_MS,
      );
    });
    try {
      // Sockets of a failed wave that did connect are closed when this process exits.
      sockets.push(...(await Promise.race([Promise.all(wave), timeout])));
    } finally {
      clearTimeout(timer);
    }
  }
}

async function closeAll(): Promise<void> {
  closing = true;
  await closeSockets(sockets);
}

process.on('message', (message: unknown) => {
  if (message === 'status') {
    process.send?.({ open: sockets.filter((s) => !s.destroyed).length, closedByPeer });
  } else if (message === 'close') {
    void closeAll().then(() => process.send?.({ closed: true }, () => process.exit(0)));
  } else if (typeof message === 'object' && message !== null && 'port' in message && 'count' in message) {
    const { port, count } = message as { port: number; count: number };
    open(port, count).then(
      () => process.send?.({ connected: sockets.length }),
      (error: Error) => process.send?.({ error: `${error.message} (after ${sockets.length} connected)` }),
    );
  }
});
// The parent going away (crash, Ctrl-C) takes this process and its sockets with it.
process.on('disconnect', () => process.exit(0));
