import type { Platform } from '../http/app-types.ts';
import { DEVICE_PROTOCOLS, type Protocol } from '../protocols/device-protocols.ts';
import type { GatewayContext } from './context.ts';
import {
  type ListenerPlaces,
  type ListenerSettings,
  listenerOrThrow,
  type RunningListener,
  type RunningListeners,
} from './listeners.ts';

/** The running device listeners, by protocol (MQTT's is undefined without a broker). */
export type Gateways = RunningListeners & { close(): Promise<void> };

/** Protocols whose listener may be left out (MQTT without a broker). */
type OptionalPlaces = { [P in Protocol]: undefined extends ListenerPlaces[P] ? P : never }[Protocol];

/** Where each device listener listens (0 picks a free port, for tests); no `mqtt`: no MQTT ingest. */
export type GatewayPorts = Omit<ListenerPlaces, OptionalPlaces> &
  Partial<Pick<ListenerPlaces, OptionalPlaces>>;

/** The ports and broker of the configuration. */
export function configuredPorts(config: Platform['config']): GatewayPorts {
  const ports: Partial<Record<Protocol, unknown>> = {};
  for (const { name } of DEVICE_PROTOCOLS) ports[name] = listenerOrThrow(name).configured(config);
  return ports as GatewayPorts;
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
  const settings: ListenerSettings = {
    host: platform.config.host,
    idleSeconds: platform.config.deviceIdleSeconds,
  };
  const places = ports as ListenerPlaces;
  const start = <P extends Protocol>(protocol: P) =>
    listenerOrThrow(protocol).start(g, settings, places[protocol]);
  const running: Partial<Record<Protocol, RunningListener | undefined>> = {};
  // One after another, in the list's order.
  for (const { name } of DEVICE_PROTOCOLS) running[name] = await start(name);
  return {
    ...(running as RunningListeners),
    close: async () => {
      await Promise.all(Object.values(running).map((listener) => listener?.close()));
    },
  };
}
