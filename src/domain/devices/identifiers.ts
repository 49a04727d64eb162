// Device identifiers as the device API and the gateway compare them. The rules themselves belong to
// each protocol's descriptor (src/protocols/<protocol>/descriptor.ts).
import { DEVICE_PROTOCOLS, deviceProtocolOrThrow, type Protocol } from '../../protocols/device-protocols.ts';

export type { Protocol };

/** Device protocols the gateway speaks. */
export const PROTOCOLS: readonly Protocol[] = DEVICE_PROTOCOLS.map((p) => p.name);

/**
 * The canonical form of a device identifier, so that what an operator types and what a
 * terminal sends compare equal (e.g. a JT/T 808 phone number without its BCD padding zeros).
 */
export function normalizeIdentifier(protocol: Protocol, raw: string): string {
  return deviceProtocolOrThrow(protocol).identifier.normalize(raw.trim());
}

/** What is wrong with an identifier for its protocol, or undefined. */
export function identifierProblem(protocol: Protocol, identifier: string): string | undefined {
  return deviceProtocolOrThrow(protocol).identifier.problem(identifier);
}
