import type { DeviceProtocol } from '../device-protocol.ts';

/**
 * JT/T 808 to the platform. A terminal is identified by its phone number (header field, §4.4.3),
 * sent as BCD padded with leading zeros (6 bytes in 2013, 10 in 2019), so the zeros are stripped.
 */
export const jt808Protocol: DeviceProtocol<'jt808'> = {
  name: 'jt808',
  identifier: {
    normalize: (trimmed) => trimmed.replace(/^0+(?=\d)/, ''),
    problem: (identifier) =>
      /^\d{1,20}$/.test(identifier)
        ? undefined
        : 'a JT/T 808 identifier is the terminal phone number: up to 20 digits',
  },
  fuzzTarget: async () => (await import('./fuzz-corpus.ts')).JT808_FUZZ_TARGET,
};
