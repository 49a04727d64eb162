// Every device protocol the platform speaks. The device API, the gateway and the simulator iterate
// this list; adding a protocol is a codec folder with its descriptor and a line here (the gateway's
// listeners and the simulator's uplinks are keyed by `Protocol`, so the compiler asks for theirs).
import type { DeviceProtocol } from './device-protocol.ts';
import { gt06Protocol } from './gt06/descriptor.ts';
import { jt808Protocol } from './jt808/descriptor.ts';
import { mqttProtocol } from './mqtt/descriptor.ts';
import { osmandProtocol } from './osmand/descriptor.ts';

/** The device protocols, in the order the API lists them. */
export const DEVICE_PROTOCOLS = [jt808Protocol, gt06Protocol, osmandProtocol, mqttProtocol] as const;

/** The name of a device protocol: `jt808`, `gt06`, … */
export type Protocol = (typeof DEVICE_PROTOCOLS)[number]['name'];

const BY_NAME = new Map<string, DeviceProtocol>(DEVICE_PROTOCOLS.map((p) => [p.name, p]));

/** The protocol called `name`; throws for a name no descriptor has, rather than guess one. */
export function deviceProtocolOrThrow(name: string): DeviceProtocol {
  const protocol = BY_NAME.get(name);
  if (!protocol) {
    throw new Error(
      `unknown device protocol "${name}": add its descriptor to DEVICE_PROTOCOLS (one of ${[...BY_NAME.keys()].join(', ')})`,
    );
  }
  return protocol;
}
