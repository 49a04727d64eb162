import {
  classifyFix,
  DEFAULT_FILTERS,
  type FilterSettings,
  isLive,
  type PreviousFix,
} from '../domain/positions/filters.ts';
import { type Fix, PositionFlag } from '../domain/positions/fix.ts';
import type { LiveBus } from '../live/bus.ts';
import type { Db } from '../store/database.ts';
import type { Device } from '../store/devices.repository.ts';
import { commitPositionBatch, findLatest, type StoredPosition } from '../store/positions.repository.ts';
import { GroupCommit } from './group-commit.ts';
import type { IngestMetrics } from './metrics.ts';

export interface PipelineDeps {
  db: Db;
  bus: LiveBus;
  now(): number;
  metrics: IngestMetrics;
  filters?: FilterSettings;
  /** The unit path a device's events are scoped to on the live feed. */
  unitPathOf(device: Device): Promise<string | null>;
  batch?: { maxItems: number; maxDelayMs: number };
}

/** Outcome of one ingest call, after commit. */
export interface IngestResult {
  stored: StoredPosition[];
}

/**
 * decode → classify (flag, never drop) → group commit → (caller acks) → live publish.
 * Blind-spot and out-of-order fixes go to history only; they never move the live position.
 */
export class IngestPipeline {
  private readonly previous = new Map<string, PreviousFix>();
  private readonly writer: GroupCommit<StoredPosition>;
  private readonly filters: FilterSettings;

  constructor(private readonly deps: PipelineDeps) {
    this.filters = deps.filters ?? DEFAULT_FILTERS;
    this.writer = new GroupCommit(
      (items) => this.commit(items),
      deps.batch ?? { maxItems: 2000, maxDelayMs: 4 },
    );
  }

  private async previousOf(deviceId: string): Promise<PreviousFix | undefined> {
    const cached = this.previous.get(deviceId);
    if (cached) return cached;
    const latest = await findLatest(this.deps.db, deviceId);
    if (latest) this.previous.set(deviceId, { time: latest.time, lat: latest.lat, lon: latest.lon });
    return latest ? this.previous.get(deviceId) : undefined;
  }

  private async commit(items: StoredPosition[]): Promise<void> {
    const started = performance.now();
    const seen = new Map<string, number>();
    for (const p of items) seen.set(p.deviceId, Math.max(seen.get(p.deviceId) ?? 0, p.serverTime));
    const live = new Map<string, StoredPosition>();
    for (const p of items) {
      if (!isLive(p.flags)) continue;
      const current = live.get(p.deviceId);
      if (!current || current.time < p.time) live.set(p.deviceId, p);
    }
    await commitPositionBatch(this.deps.db, items, [...live.values()], seen);
    this.deps.metrics.commitSeconds.observe((performance.now() - started) / 1000);
  }

  /**
   * Stores a device's fixes and resolves after they are committed; only then may the caller
   * acknowledge them to the device. `blind` marks a blind-spot re-upload.
   */
  async ingest(
    device: Device,
    fixes: Fix[],
    opts: { blind?: boolean; protocol: string },
  ): Promise<IngestResult> {
    return (await this.stage(device, fixes, opts)).committed;
  }

  /**
   * Classifies the fixes and queues them for the next group commit. Resolves as soon as they
   * are queued, so a connection can stage its next frame at once; `committed` resolves after
   * the commit (acknowledge then). Call in arrival order per device.
   */
  async stage(
    device: Device,
    fixes: Fix[],
    opts: { blind?: boolean; protocol: string },
  ): Promise<{ committed: Promise<IngestResult> }> {
    const now = this.deps.now();
    const stored: StoredPosition[] = [];
    let previous = await this.previousOf(device.id);
    for (const raw of fixes) {
      if (!isStorableFix(raw)) {
        // No column can hold it (a time past year 275760, NaN coordinates): counted, not stored.
        this.deps.metrics.rejectedFrames.inc({ protocol: opts.protocol, reason: 'bad_value' });
        continue;
      }
      const fix = Number.isInteger(raw.time) ? raw : { ...raw, time: Math.round(raw.time) };
      const flags = classifyFix(fix, previous, now, this.filters, opts.blind === true);
      stored.push({
        deviceId: device.id,
        time: fix.time,
        serverTime: now,
        lat: fix.lat,
        lon: fix.lon,
        speed: finiteOr0(fix.speedKmh),
        course: finiteOr0(fix.course),
        altitude: finiteOr0(fix.altitude),
        valid: fix.valid && (flags & PositionFlag.INVALID) === 0,
        flags,
        attributes: fix.attributes,
      });
      if (isLive(flags)) {
        previous = { time: fix.time, lat: fix.lat, lon: fix.lon };
        this.previous.set(device.id, previous);
      }
    }
    const committed = this.writer.submit(stored).then(async () => {
      for (const p of stored)
        this.deps.metrics.positions.inc({ protocol: opts.protocol, kind: kindOf(p.flags) });
      const newest = stored.filter((p) => isLive(p.flags)).at(-1);
      if (newest) {
        const unitPath = await this.deps.unitPathOf(device);
        this.deps.bus.publish({
          type: 'position',
          unitPath,
          data: { ...positionView(newest), deviceName: device.name },
        });
      }
      return { stored };
    });
    committed.catch(() => {
      // Not stored: forget the in-memory previous fix, so a resend is not mistaken for a
      // late (blind) fix; the next call reloads it from the latest committed position.
      this.previous.delete(device.id);
    });
    return { committed };
  }

  /** Flushes what is queued; used at shutdown. */
  close(): Promise<void> {
    return this.writer.close();
  }
}

/** JavaScript's own date range (±8.64e15 ms) also keeps every time inside a BIGINT. */
const MAX_TIME_MS = 8.64e15;

/** Whether a fix can be stored at all (its time is rounded to a whole millisecond). */
function isStorableFix(fix: Fix): boolean {
  return (
    Number.isFinite(fix.time) &&
    Math.abs(fix.time) <= MAX_TIME_MS &&
    Number.isFinite(fix.lat) &&
    Number.isFinite(fix.lon)
  );
}

/** SQLite stores NaN as NULL, which the NOT NULL columns refuse: a missing measurement is 0. */
function finiteOr0(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

function kindOf(flags: number): string {
  if (flags & PositionFlag.BLIND) return 'blind';
  return isLive(flags) ? 'live' : 'flagged';
}

/** A position as the API and the live feed show it. */
export function positionView(p: StoredPosition) {
  return {
    deviceId: p.deviceId,
    time: new Date(p.time).toISOString(),
    serverTime: new Date(p.serverTime).toISOString(),
    lat: p.lat,
    lon: p.lon,
    speed: p.speed,
    course: p.course,
    altitude: p.altitude,
    valid: p.valid,
    blind: (p.flags & PositionFlag.BLIND) !== 0,
    flags: p.flags,
    attributes: p.attributes,
  };
}
