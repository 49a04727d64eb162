import type { IdentifierRules } from './device-protocol.ts';

/**
 * The identifier of the protocols where the device names itself (an OsmAnd app's device id, an
 * MQTT topic level): kept as sent, and limited to characters that are safe in a URL and a topic.
 */
export const FREE_FORM_IDENTIFIER: IdentifierRules = {
  normalize: (trimmed) => trimmed,
  problem: (identifier) =>
    /^[A-Za-z0-9_.:-]{1,64}$/.test(identifier)
      ? undefined
      : 'an OsmAnd/MQTT identifier is 1–64 letters, digits, "_", ".", ":" or "-"',
};
