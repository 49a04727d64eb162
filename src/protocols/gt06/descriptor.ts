import type { DeviceProtocol } from '../device-protocol.ts';

/** GT06 to the platform. A terminal is identified by the 15-digit IMEI of its login packet (§5.1). */
export const gt06Protocol: DeviceProtocol<'gt06'> = {
  name: 'gt06',
  identifier: {
    // The login packet carries 16 BCD digits, the first a padding 0.
    normalize: (trimmed) => trimmed.replace(/^0+(?=\d{15}$)/, ''),
    problem: (identifier) =>
      /^\d{15}$/.test(identifier) ? undefined : 'a GT06 identifier is the 15-digit IMEI',
  },
  fuzzTarget: async () => (await import('./fuzz-corpus.ts')).GT06_FUZZ_TARGET,
};
