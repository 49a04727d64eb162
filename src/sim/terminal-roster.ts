// Runs simulated terminals on a timer: each reports every `intervalMs`, and their first reports are
// spread over one interval so that the platform sees a steady stream rather than bursts.

import type { Protocol } from '../protocols/device-protocols.ts';
import type { BoatPlan } from './model/boat.ts';
import { SimTerminal, type TerminalStats } from './terminal.ts';
import type { SimLog } from './uplink.ts';
import { simUplinkOrThrow } from './uplinks.ts';

/** Time given to the first sessions before the first reports. */
const SESSION_SETUP_MS = 500;

/** A boat to simulate: its terminal identifier, display name and movement plan. */
export interface SimBoat {
  identifier: string;
  name: string;
  plan: BoatPlan;
}

/** Where and how the fleet reports. */
export interface FleetConfig {
  protocol: Protocol;
  host: string;
  port: number;
  intervalMs: number;
  ackTimeoutMs: number;
  log: SimLog;
  /** The clock; tests may shift it. */
  now?: () => number;
  /** No blind spots during this long after the start (a fresh demo shows every boat at once). */
  blindGraceMs?: number;
}

/** A running fleet. */
export interface Fleet {
  stats(): TerminalStats[];
  stop(): void;
}

/** Starts one terminal per boat; `stop` disconnects them all. */
export function startFleet(boats: readonly SimBoat[], config: FleetConfig): Fleet {
  const now = config.now ?? Date.now;
  const start = now();
  const blindFrom = start + (config.blindGraceMs ?? 0);
  const timers = new Set<NodeJS.Timeout>();
  const uplinks = simUplinkOrThrow(config.protocol);
  const terminals = boats.map(
    (boat) => new SimTerminal(boat.identifier, boat.plan, uplinks.create(boat, config), blindFrom),
  );
  let stopped = false;
  for (const t of terminals) t.prepare(start);
  terminals.forEach((terminal, i) => {
    // Drift-free schedule: the k-th report is due at first + k × interval. The first waits a
    // moment for the session (register, authenticate) that `prepare` opened.
    const first = start + SESSION_SETUP_MS + (i * config.intervalMs) / Math.max(1, terminals.length);
    let k = 0;
    const schedule = () => {
      if (stopped) return;
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          terminal.tick(now());
          k++;
          schedule();
        },
        Math.max(0, first + k * config.intervalMs - now()),
      );
      timers.add(timer);
    };
    schedule();
  });
  return {
    stats: () => terminals.map((t) => t.stats()),
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const t of terminals) t.stop();
    },
  };
}
