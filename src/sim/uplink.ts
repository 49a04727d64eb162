import type { SimFix } from './model/fix.ts';

/** How a simulated terminal reaches the platform, whatever the protocol. */
export interface Uplink {
  /** Whether fixes can be sent now (connected and, where the protocol needs it, authenticated). */
  ready(): boolean;
  /** Starts connecting when not connected; safe to call on every tick. */
  connect(): void;
  /** Sends fixes (oldest first); resolves true when the platform acknowledged all of them. */
  send(fixes: readonly SimFix[], blind: boolean): Promise<boolean>;
  /** Disconnects (end of shift, shutdown). */
  close(): void;
}

/** Where the simulator writes what happens: a pino logger or the console fit. */
export interface SimLog {
  info(message: string): void;
  warn(message: string): void;
}
