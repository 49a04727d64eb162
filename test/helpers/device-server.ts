// The real server as a child process for device-gateway tests and benchmarks: free ports for every
// listener, no demo, an admin password, SQLite in `dataDir` or the PostgreSQL database given.
import net from 'node:net';
import { freePort, startServer } from './server-process.ts';

/** A running server child with the ports it listens on. */
export type DeviceServer = Awaited<ReturnType<typeof startServer>> & { jt808Port: number };

/** How to start it. */
export interface DeviceServerOptions {
  dataDir: string;
  adminPassword: string;
  /** PostgreSQL URL; unset: SQLite in `dataDir`. */
  databaseUrl?: string;
  /** Ports to reuse (a restart on the same ports); fresh free ones otherwise. */
  ports?: Record<'PORT' | 'ZS_JT808_PORT' | 'ZS_GT06_PORT' | 'ZS_OSMAND_PORT', string>;
  env?: Record<string, string>;
  /** How long the server may take to answer /api/health (startServer's default otherwise). */
  startTimeoutMs?: number;
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

type Ports = NonNullable<DeviceServerOptions['ports']>;

async function freshPorts(): Promise<Ports> {
  return {
    PORT: String(await freePort()),
    ZS_JT808_PORT: String(await freePort()),
    ZS_GT06_PORT: String(await freePort()),
    ZS_OSMAND_PORT: String(await freePort()),
  };
}

/** Starts the server and resolves once its JT/T 808 listener (opened after HTTP) accepts connections. */
export async function startDeviceServer(opts: DeviceServerOptions): Promise<DeviceServer & { ports: Ports }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOn(opts.ports ?? (await freshPorts()), opts);
    } catch (error) {
      // A port found free may be taken before the server binds it, by another test file's
      // outgoing connection (local ports come from the same range): try other ports.
      if (opts.ports || attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

async function startOn(ports: Ports, opts: DeviceServerOptions): Promise<DeviceServer & { ports: Ports }> {
  // Empty values override whatever the caller's shell had: the options say everything.
  const server = await startServer(
    {
      ...ports,
      ZS_DEMO: '0',
      ZS_ADMIN_PASSWORD: opts.adminPassword,
      ZS_DATA_DIR: opts.dataDir,
      DATABASE_URL: opts.databaseUrl ?? '',
      ZS_MQTT_URL: '',
      ...opts.env,
    },
    opts.startTimeoutMs,
  );
  const jt808Port = Number(ports.ZS_JT808_PORT);
  const deadline = Date.now() + 10_000;
  while (!(await accepts(jt808Port))) {
    if (Date.now() > deadline) throw new Error(`JT/T 808 port ${jt808Port} not open:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { ...server, jt808Port, ports };
}

/** Creates devices through the API as `headers`' user, under the root unit; returns their ids by identifier. */
export async function createDevices(
  base: string,
  headers: Record<string, string>,
  identifiers: readonly string[],
  concurrency = 8,
): Promise<Map<string, string>> {
  const units = await fetch(`${base}/api/units?kind=subdistrict&geometry=false`, { headers });
  const root = ((await units.json()) as { items: { id: string }[] }).items[0];
  if (!root) throw new Error('no subdistrict to own the devices');
  const ids = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < identifiers.length) {
      const identifier = identifiers[next++] as string;
      const res = await fetch(`${base}/api/devices`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `T${identifier}`, protocol: 'jt808', identifier, unitId: root.id }),
      });
      if (res.status !== 201) throw new Error(`device ${identifier}: ${res.status} ${await res.text()}`);
      ids.set(identifier, ((await res.json()) as { id: string }).id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, identifiers.length) }, worker));
  return ids;
}
