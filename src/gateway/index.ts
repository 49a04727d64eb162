import type { Platform } from '../http/app-types.ts';
import type { GatewayContext } from './context.ts';
import { createGt06Session } from './gt06-session.ts';
import { createJt808Session } from './jt808-session.ts';
import { type MqttIngest, type MqttIngestOptions, startMqttIngest } from './mqtt-ingest.ts';
import { type HttpListener, startOsmAndServer } from './osmand-server.ts';
import { type Listener, startTcpServer } from './tcp-server.ts';

/** The running device listeners. */
export interface Gateways {
  jt808: Listener;
  gt06: Listener;
  osmand: HttpListener;
  /** Present when an MQTT broker is configured. */
  mqtt: MqttIngest | undefined;
  close(): Promise<void>;
}

/** Where each device listener listens (0 picks a free port, for tests); no `mqtt`: no MQTT ingest. */
export interface GatewayPorts {
  jt808: number;
  gt06: number;
  osmand: number;
  mqtt?: MqttIngestOptions | undefined;
}

/** The ports and broker of the configuration. */
export function configuredPorts(config: Platform['config']): GatewayPorts {
  return {
    jt808: config.jt808Port,
    gt06: config.gt06Port,
    osmand: config.osmandPort,
    mqtt: config.mqttUrl ? { url: config.mqttUrl, clientId: config.mqttClientId } : undefined,
  };
}

/** Starts every device listener on the configured ports, or on `ports` (tests). */
export async function startGateways(
  platform: Platform,
  log: GatewayContext['log'],
  ports: GatewayPorts = configuredPorts(platform.config),
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
  const gt06 = await startTcpServer({
    ...common,
    protocol: 'gt06',
    port: ports.gt06,
    createSession: (io) => createGt06Session(g, io),
  });
  const osmand = await startOsmAndServer(g, platform.config.host, ports.osmand);
  // Not awaited: the server runs while the broker is away, and the client keeps reconnecting.
  const mqtt = ports.mqtt ? startMqttIngest(g, ports.mqtt) : undefined;
  return {
    jt808,
    gt06,
    osmand,
    mqtt,
    close: async () => {
      await Promise.all([jt808.close(), gt06.close(), osmand.close(), mqtt?.close()]);
    },
  };
}
