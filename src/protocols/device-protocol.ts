// What a device protocol is to the rest of the platform without any I/O: its name, its
// identifier rules and its fuzz target. Each codec folder exports one; `device-protocols.ts` lists
// them. The gateway's listeners and the simulator's uplinks, which do the I/O, are keyed by the
// same names.
import type { FuzzTarget } from './fuzz-target.ts';

/** How a protocol identifies a device. Pure, so that the API, the gateway and the simulator agree. */
export interface IdentifierRules {
  /** The canonical form of a trimmed identifier, so that what an operator types and what a terminal sends compare equal. */
  normalize(trimmed: string): string;
  /** What is wrong with an identifier, or undefined; the message says what a valid one looks like. */
  problem(identifier: string): string | undefined;
}

/** One device protocol, as its codec folder describes it. */
export interface DeviceProtocol<Name extends string = string> {
  /** Stored with each device and used in metrics and logs: `jt808`. */
  name: Name;
  identifier: IdentifierRules;
  /** Its fuzz target for bench/fuzz, loaded on demand so that the server never loads a corpus. */
  fuzzTarget?: () => Promise<FuzzTarget<unknown>>;
}
