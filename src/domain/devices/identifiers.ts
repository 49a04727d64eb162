/** Device protocols the gateway speaks. */
export const PROTOCOLS = ['jt808', 'gt06', 'osmand', 'mqtt'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/**
 * The canonical form of a device identifier, so that what an operator types and what a
 * terminal sends compare equal. JT/T 808 phone numbers are BCD-padded with leading zeros
 * (6 bytes in 2013, 10 in 2019), so zeros are stripped; a GT06 IMEI is 15 digits.
 */
export function normalizeIdentifier(protocol: Protocol, raw: string): string {
  const trimmed = raw.trim();
  if (protocol === 'jt808') return trimmed.replace(/^0+(?=\d)/, '');
  if (protocol === 'gt06') return trimmed.replace(/^0+(?=\d{15}$)/, '');
  return trimmed;
}

/** What is wrong with an identifier for its protocol, or undefined. */
export function identifierProblem(protocol: Protocol, identifier: string): string | undefined {
  if (protocol === 'jt808' && !/^\d{1,20}$/.test(identifier)) {
    return 'a JT/T 808 identifier is the terminal phone number: up to 20 digits';
  }
  if (protocol === 'gt06' && !/^\d{15}$/.test(identifier)) return 'a GT06 identifier is the 15-digit IMEI';
  if ((protocol === 'osmand' || protocol === 'mqtt') && !/^[A-Za-z0-9_.:-]{1,64}$/.test(identifier)) {
    return 'an OsmAnd/MQTT identifier is 1–64 letters, digits, "_", ".", ":" or "-"';
  }
  return undefined;
}
