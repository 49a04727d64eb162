import type { DeviceProtocol } from '../device-protocol.ts';

/**
 * JT/T 808 to the platform. A terminal is identified by its phone number (header field, §4.4.3),
 * sent as BCD padded with leading zeros (6 bytes in 2013, 10 in 2019), so the zeros are stripped.
 * Some terminals put an id that is not BCD there (seen: 4e b6 fb 4a fd 9e); the header is read
 * as hex digits, as traccar does, which for valid BCD are the decimal digits, so such an id is
 * its lower-case hex string.
 */
export const jt808Protocol: DeviceProtocol<'jt808'> = {
  name: 'jt808',
  identifier: {
    normalize: (trimmed) => trimmed.toLowerCase().replace(/^0+(?=[0-9a-f])/, ''),
    problem: (identifier) =>
      /^[0-9a-f]{1,20}$/.test(identifier)
        ? undefined
        : 'a JT/T 808 identifier is the terminal phone number of its header: 1–20 digits, or 1–20 hex digits (0–9, a–f) for a terminal whose number is not BCD',
  },
  fuzzTarget: async () => (await import('./fuzz-corpus.ts')).JT808_FUZZ_TARGET,
};
