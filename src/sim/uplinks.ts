// How a simulated terminal reaches the platform over each device protocol, keyed by the protocol's
// name: the type asks for an entry per protocol of src/protocols/device-protocols.ts.
import type { Protocol } from '../protocols/device-protocols.ts';
import { gt06Uplink } from './gt06-uplink.ts';
import { jt808Uplink } from './jt808-uplink.ts';
import { mqttUplink } from './mqtt-uplink.ts';
import { osmandUplink } from './osmand-uplink.ts';
import type { SimLog, Uplink } from './uplink.ts';

/** Which terminal: its identifier for the protocol, and the boat's name. */
export interface UplinkTerminal {
  identifier: string;
  name: string;
}

/** Where the terminals report and how long they wait for an acknowledgement. */
export interface UplinkTarget {
  host: string;
  port: number;
  ackTimeoutMs: number;
  log: SimLog;
}

/** What the simulator knows about one protocol. */
export interface SimProtocolUplink {
  /** The listener's usual port (the Traccar ports, as the gateways use; for MQTT the broker's). */
  defaultPort: number;
  /** The first identifier when none is given; the others count up from it. */
  defaultFirstId: string;
  /** A new uplink for one terminal; it connects on its first `connect`. */
  create(terminal: UplinkTerminal, target: UplinkTarget): Uplink;
}

/** Every protocol's uplink. */
export const SIM_UPLINKS: Record<Protocol, SimProtocolUplink> = {
  jt808: {
    defaultPort: 5015,
    defaultFirstId: '13900000001',
    // The identifier is the phone number of the header; the boat's name goes in the 0x0100 plate field.
    create: (terminal, { host, port, ackTimeoutMs, log }) =>
      jt808Uplink({
        host,
        port,
        phone: terminal.identifier,
        plate: terminal.name,
        ackTimeoutMs,
        retries: 3,
        retryAfterMs: 10_000,
        log,
      }),
  },
  gt06: {
    defaultPort: 5023,
    defaultFirstId: '868120000000001',
    // The identifier is the IMEI; locations go out as 0x12, heartbeats every 3 minutes.
    create: (terminal, { host, port, ackTimeoutMs, log }) =>
      gt06Uplink({ host, port, imei: terminal.identifier, ackTimeoutMs, retryAfterMs: 30_000, log }),
  },
  osmand: {
    defaultPort: 5055,
    defaultFirstId: '13900000001',
    create: (terminal, { host, port, ackTimeoutMs, log }) =>
      osmandUplink({ host, port, identifier: terminal.identifier, timeoutMs: ackTimeoutMs, log }),
  },
  mqtt: {
    defaultPort: 1883,
    defaultFirstId: '13900000001',
    // --host/--port name the broker; the server subscribes there with ZS_MQTT_URL.
    create: (terminal, { host, port, ackTimeoutMs, log }) =>
      mqttUplink({
        url: `mqtt://${host}:${port}`,
        identifier: terminal.identifier,
        timeoutMs: ackTimeoutMs,
        log,
      }),
  },
};

/** The uplink of `protocol`; throws for a protocol the simulator does not know rather than speak another. */
export function simUplinkOrThrow(protocol: string): SimProtocolUplink {
  if (!Object.hasOwn(SIM_UPLINKS, protocol)) {
    throw new Error(`the simulator has no uplink for device protocol "${protocol}": add one to SIM_UPLINKS`);
  }
  return SIM_UPLINKS[protocol as Protocol];
}
