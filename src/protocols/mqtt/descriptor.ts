import type { DeviceProtocol } from '../device-protocol.ts';
import { FREE_FORM_IDENTIFIER } from '../free-form-identifier.ts';

/** JSON positions over MQTT to the platform: the topic level after `devices/` identifies the device. */
export const mqttProtocol: DeviceProtocol<'mqtt'> = {
  name: 'mqtt',
  identifier: FREE_FORM_IDENTIFIER,
};
