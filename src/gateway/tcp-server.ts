import net from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import type { IngestMetrics } from '../ingest/metrics.ts';

/** What a protocol supplies to the TCP adapter: one session object per connection. */
export interface TcpSession {
  /** Handles bytes as they arrive; replies are written with `send`. Must not throw. */
  onData(chunk: Buffer): void;
  /** The connection ended (either side); release what the session holds. */
  onClose(): void;
}

export interface TcpSessionIo {
  send(bytes: Uint8Array): void;
  /** Stops reading until `resume` (backpressure while commits are pending). */
  pause(): void;
  resume(): void;
  close(): void;
  remote: string;
}

export interface TcpServerOptions {
  protocol: string;
  port: number;
  host: string;
  /** Seconds without any byte before the connection is closed: catches half-open sockets. */
  idleSeconds: number;
  log: FastifyBaseLogger;
  metrics: IngestMetrics;
  createSession(io: TcpSessionIo): TcpSession;
}

/** A listening device gateway. */
export interface Listener {
  port: number;
  connections(): number;
  close(): Promise<void>;
}

/** The small adapter between `net` and a protocol's session: timeouts, keep-alive, backpressure, shutdown. */
export async function startTcpServer(opts: TcpServerOptions): Promise<Listener> {
  const sockets = new Set<net.Socket>();
  // Replies are gathered per connection and written once at the end of the tick: the acks of one
  // group commit are released together, and one write of their concatenation costs far less than
  // a stream write each (or cork/uncork, which still runs every write through the stream).
  const outgoing = new Map<net.Socket, Uint8Array[]>();
  const flushOutgoing = () => {
    for (const [socket, chunks] of outgoing) {
      if (socket.destroyed) continue;
      socket.write(chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks));
    }
    outgoing.clear();
  };
  const server = net.createServer(
    { noDelay: true, keepAlive: true, keepAliveInitialDelay: 60_000 },
    (socket) => {
      sockets.add(socket);
      opts.metrics.connections.inc({ protocol: opts.protocol });
      socket.setTimeout(opts.idleSeconds * 1000, () => socket.destroy());
      const session = opts.createSession({
        send: (bytes) => {
          if (socket.destroyed) return;
          const chunks = outgoing.get(socket);
          if (chunks) {
            chunks.push(bytes);
            return;
          }
          if (outgoing.size === 0) process.nextTick(flushOutgoing);
          outgoing.set(socket, [bytes]);
        },
        pause: () => socket.pause(),
        resume: () => socket.resume(),
        close: () => {
          // Replies gathered this tick go out before the FIN.
          const chunks = outgoing.get(socket);
          if (chunks && !socket.destroyed) socket.write(Buffer.concat(chunks));
          outgoing.delete(socket);
          socket.end();
        },
        remote: `${socket.remoteAddress}:${socket.remotePort}`,
      });
      socket.on('data', (chunk) => session.onData(chunk));
      // A reset by the device is ordinary on mobile networks: close quietly.
      socket.on('error', () => socket.destroy());
      socket.on('close', () => {
        sockets.delete(socket);
        session.onClose();
      });
    },
  );
  server.maxConnections = 100_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  opts.log.info(`${opts.protocol} gateway listening on ${opts.host}:${port}`);
  return {
    port,
    connections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        flushOutgoing();
        for (const s of sockets) s.end();
        // Devices that do not answer the FIN within a second are cut off.
        setTimeout(() => {
          for (const s of sockets) s.destroy();
        }, 1000).unref();
      }),
  };
}
