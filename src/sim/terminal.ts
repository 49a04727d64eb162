// One simulated terminal: samples its boat's movement model on every tick and reports through its
// uplink, holding fixes back while off the network (blind spot, reconnecting, unacknowledged) and
// re-uploading them, oldest first, as blind-spot batches once the platform is reachable again.
import { type BoatFix, type BoatPlan, inBlindSpot, sampleBoat } from './model/boat.ts';
import type { SimFix } from './model/fix.ts';
import type { Uplink } from './uplink.ts';

/** Fixes per re-upload: a 0x0704 body must stay under 1,023 bytes (about 40 bytes a fix here). */
export const MAX_BATCH = 20;
/** Fixes kept while offline; older ones are dropped, as a terminal's flash buffer would. */
const MAX_BACKLOG = 20_000;

/** Counters of one terminal. */
export interface TerminalStats {
  fixes: number;
  /** Fixes the platform took: acknowledged (JT/T 808, MQTT, OsmAnd) or, for GT06 locations, which have no ack, written. */
  acked: number;
  /** Of `acked`, fixes re-uploaded late (blind spot or resend). */
  reuploaded: number;
  backlog: number;
  onDuty: boolean;
  online: boolean;
}

/** The fix reported at `time`, in seconds (the resolution of JT/T 808's BCD time field). */
export function locationOf(fix: BoatFix, time: number): SimFix {
  return {
    lat: Math.round(fix.lat * 1e6) / 1e6,
    lon: Math.round(fix.lon * 1e6) / 1e6,
    time: Math.floor(time / 1000) * 1000,
    speedKmh: fix.speedKmh,
    course: fix.course,
    altitude: 3,
    status: { acc: fix.state !== 'docked', fixed: true, gps: true, beidou: true },
    satellites: fix.satellites,
    signal: 24,
  };
}

/** A boat's terminal: call `tick(now)` at the reporting interval. */
export class SimTerminal {
  private backlog: SimFix[] = [];
  private live: SimFix[] = [];
  private pumping = false;
  private readonly counts = { fixes: 0, acked: 0, reuploaded: 0 };
  private onDuty = false;

  constructor(
    readonly identifier: string,
    private readonly plan: BoatPlan,
    private readonly uplink: Uplink,
    /** No blind spot before this instant, so that a fresh start shows every boat at once. */
    private readonly blindFrom = 0,
  ) {}

  /** Takes one fix at `now` and sends what can be sent. */
  tick(now: number): void {
    const fix = sampleBoat(this.plan, now);
    this.onDuty = fix !== undefined;
    if (!fix) {
      // Off duty: the terminal is switched off; whatever was not acknowledged waits for the next shift.
      this.uplink.close();
      return;
    }
    this.counts.fixes++;
    const location = locationOf(fix, now);
    if (now >= this.blindFrom && inBlindSpot(this.plan, now)) {
      this.hold([location]);
      return;
    }
    this.uplink.connect();
    if (!this.uplink.ready()) {
      this.hold([location]);
      return;
    }
    this.live.push(location);
    void this.pump();
  }

  /** Connects ahead of the first report when on duty, so that the first fix goes out live. */
  prepare(now: number): void {
    if (sampleBoat(this.plan, now)) this.uplink.connect();
  }

  /** Current counters. */
  stats(): TerminalStats {
    return { ...this.counts, backlog: this.backlog.length, onDuty: this.onDuty, online: this.uplink.ready() };
  }

  /** Disconnects for good. */
  stop(): void {
    this.uplink.close();
  }

  private hold(fixes: SimFix[]): void {
    this.backlog.push(...fixes);
    if (this.backlog.length > MAX_BACKLOG) this.backlog.splice(0, this.backlog.length - MAX_BACKLOG);
  }

  /** Sends the backlog (as blind-spot batches), then live fixes; one message in flight at a time. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.uplink.ready() && (this.backlog.length > 0 || this.live.length > 0)) {
        const blind = this.backlog.length > 0;
        if (blind) this.backlog.sort((a, b) => a.time - b.time);
        const chunk = (blind ? this.backlog : this.live).splice(0, MAX_BATCH);
        if (!(await this.uplink.send(chunk, blind))) {
          // Not acknowledged: keep it, and re-upload it later as history.
          this.hold(chunk);
          break;
        }
        this.counts.acked += chunk.length;
        if (blind) this.counts.reuploaded += chunk.length;
      }
    } finally {
      this.pumping = false;
    }
  }
}
