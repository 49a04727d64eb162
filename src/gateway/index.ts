import type { Platform } from '../http/app-types.ts';
import type { GatewayContext } from './context.ts';
import { createJt808Session } from './jt808-session.ts';
import { type Listener, startTcpServer } from './tcp-server.ts';

/** The running device listeners. */
export interface Gateways {
  jt808: Listener;
  close(): Promise<void>;
}

/** Starts every device listener on the configured ports (0 picks a free port, for tests). */
export async function startGateways(
  platform: Platform,
  log: GatewayContext['log'],
  ports: { jt808: number } = { jt808: platform.config.jt808Port },
): Promise<Gateways> {
  const g: GatewayContext = {
    ctx: platform.ctx,
    ingest: platform.ingest,
    devices: platform.devices,
    metrics: platform.ingestMetrics,
    log,
    framesPerSecond: platform.config.deviceFramesPerSecond,
  };
  const common = {
    host: platform.config.host,
    idleSeconds: platform.config.deviceIdleSeconds,
    log,
    metrics: g.metrics,
  };
  const jt808 = await startTcpServer({
    ...common,
    protocol: 'jt808',
    port: ports.jt808,
    createSession: (io) => createJt808Session(g, io),
  });
  return {
    jt808,
    close: async () => {
      await Promise.all([jt808.close()]);
    },
  };
}
