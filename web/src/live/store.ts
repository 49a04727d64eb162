import type { DeviceStatus, LivePosition } from '../api/types.ts';
import type { DeviceStatusEvent, LiveState } from './controller.ts';
import { mergeLatest } from './merge.ts';

/** What the live feed has told the console so far. Replaced (never mutated) on every change. */
export interface LiveSnapshot {
  state: LiveState;
  /** Latest fix per device id. */
  positions: ReadonlyMap<string, LivePosition>;
  /** Status per device id, as pushed by the feed (a fresh fix counts as online). */
  statuses: ReadonlyMap<string, { status: DeviceStatus; lastSeenAt: string | null }>;
  /** Bumped on every unit.* event so that pages showing units refetch them. */
  unitsVersion: number;
  /** Bumped on every order.* event so that pages showing order figures refetch them. */
  ordersVersion: number;
  /** Bumped on every alert event so that the alert panel refetches; `newAlerts` counts openings only. */
  alertsVersion: number;
  newAlerts: number;
}

/** A tiny external store for useSyncExternalStore, fed by the LiveController. */
export class LiveStore {
  private snapshot: LiveSnapshot = {
    state: 'connecting',
    positions: new Map(),
    statuses: new Map(),
    unitsVersion: 0,
    ordersVersion: 0,
    alertsVersion: 0,
    newAlerts: 0,
  };
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveSnapshot => this.snapshot;

  private update(next: Partial<LiveSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...next };
    for (const listener of this.listeners) listener();
  }

  setState(state: LiveState): void {
    if (state !== this.snapshot.state) this.update({ state });
  }

  /** Merges fixes; fixes from the feed also mark their device online (a REST snapshot says nothing about now). */
  addPositions(incoming: LivePosition[], fromFeed: boolean): void {
    const positions = mergeLatest(this.snapshot.positions, incoming);
    if (positions === this.snapshot.positions && !fromFeed) return;
    let statuses = this.snapshot.statuses;
    if (fromFeed) {
      const next = new Map(statuses);
      for (const p of incoming) next.set(p.deviceId, { status: 'online', lastSeenAt: p.serverTime });
      statuses = next;
    }
    this.update({ positions, statuses });
  }

  setStatus(event: DeviceStatusEvent): void {
    const statuses = new Map(this.snapshot.statuses);
    statuses.set(event.deviceId, { status: event.status, lastSeenAt: event.lastSeenAt });
    this.update({ statuses });
  }

  unitsChanged(): void {
    this.update({ unitsVersion: this.snapshot.unitsVersion + 1 });
  }

  ordersChanged(): void {
    this.update({ ordersVersion: this.snapshot.ordersVersion + 1 });
  }

  alertChanged(change: string): void {
    this.update({
      alertsVersion: this.snapshot.alertsVersion + 1,
      newAlerts: this.snapshot.newAlerts + (change === 'opened' ? 1 : 0),
    });
  }
}
