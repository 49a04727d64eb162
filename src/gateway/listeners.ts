// How the gateway starts each device protocol's listener, keyed by the protocol's name. The type
// asks for an entry per protocol of src/protocols/device-protocols.ts; `tcp-server.ts` stays the
// only file that touches `net`.
import type { Config } from '../config.ts';
import type { Protocol } from '../protocols/device-protocols.ts';
import type { GatewayContext } from './context.ts';
import { createGt06Session } from './gt06-session.ts';
import { createJt808Session } from './jt808-session.ts';
import { type MqttIngestOptions, startMqttIngest } from './mqtt-ingest.ts';
import { startOsmAndServer } from './osmand-server.ts';
import { startTcpServer, type TcpSession, type TcpSessionIo } from './tcp-server.ts';

/** Where the listeners bind and how long a silent connection lives. */
export interface ListenerSettings {
  host: string;
  idleSeconds: number;
}

/** What a running listener offers: at least a way to stop it. */
export interface RunningListener {
  close(): Promise<void>;
}

/** A protocol's listener: where the configuration puts it, and how to start it there. */
export interface ListenerFactory<Where, Running extends RunningListener | undefined> {
  /** Where it listens according to the configuration (a port, a broker). */
  configured(config: Config): Where;
  /** Resolves once it listens at `where` (a port of 0 picks a free one). */
  start(g: GatewayContext, settings: ListenerSettings, where: Where): Promise<Running>;
}

/** Checks that `configured` and `start` agree on where the listener is. */
function listener<Where, Running extends RunningListener | undefined>(
  factory: ListenerFactory<Where, Running>,
): ListenerFactory<Where, Running> {
  return factory;
}

/** A TCP listener on `port` (0 picks a free one), one session per connection. */
function tcpListener(
  protocol: Protocol,
  configured: (config: Config) => number,
  createSession: (g: GatewayContext, io: TcpSessionIo) => TcpSession,
) {
  return listener({
    configured,
    start: (g, settings, port) =>
      startTcpServer({
        ...settings,
        protocol,
        port,
        log: g.log,
        metrics: g.metrics,
        createSession: (io) => createSession(g, io),
      }),
  });
}

/** Every protocol's listener. */
export const LISTENERS = {
  jt808: tcpListener('jt808', (config) => config.jt808Port, createJt808Session),
  gt06: tcpListener('gt06', (config) => config.gt06Port, createGt06Session),
  osmand: listener({
    configured: (config) => config.osmandPort,
    start: (g, settings, port: number) => startOsmAndServer(g, settings.host, port),
  }),
  // No broker configured, no MQTT ingest.
  mqtt: listener({
    configured: (config): MqttIngestOptions | undefined =>
      config.mqttUrl ? { url: config.mqttUrl, clientId: config.mqttClientId } : undefined,
    // Not waiting for the broker: the server runs while it is away, and the client keeps reconnecting.
    start: async (g, _settings, broker) => (broker ? startMqttIngest(g, broker) : undefined),
  }),
} satisfies Record<Protocol, unknown>;

/** Where each protocol's listener is (a port, a broker), as its factory takes it. */
export type ListenerPlaces = { [P in Protocol]: Parameters<(typeof LISTENERS)[P]['start']>[2] };
/** Each protocol's running listener. */
export type RunningListeners = { [P in Protocol]: Awaited<ReturnType<(typeof LISTENERS)[P]['start']>> };

// The same table, typed so that a protocol's place and running listener stay paired in generic code.
const FACTORIES: { [P in Protocol]: ListenerFactory<ListenerPlaces[P], RunningListeners[P]> } = LISTENERS;

/** The listener of `protocol`; throws for a protocol without one rather than start another's. */
export function listenerOrThrow<P extends Protocol>(
  protocol: P,
): ListenerFactory<ListenerPlaces[P], RunningListeners[P]> {
  if (!Object.hasOwn(FACTORIES, protocol)) {
    throw new Error(`the gateway has no listener for device protocol "${protocol}": add one to LISTENERS`);
  }
  return FACTORIES[protocol];
}
