import type { DeviceProtocol } from '../device-protocol.ts';
import { FREE_FORM_IDENTIFIER } from '../free-form-identifier.ts';

/** OsmAnd / Traccar Client to the platform: the app's device id (`id`, `deviceid`) identifies it. */
export const osmandProtocol: DeviceProtocol<'osmand'> = {
  name: 'osmand',
  identifier: FREE_FORM_IDENTIFIER,
  fuzzTarget: async () => (await import('./fuzz-corpus.ts')).OSMAND_FUZZ_TARGET,
};
