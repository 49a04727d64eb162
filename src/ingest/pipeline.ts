import type { PositionView } from '../api/index.ts';
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
import { noteCommittedFixes } from '../store/day-summaries.repository.ts';
import type { Device } from '../store/devices.repository.ts';
import { commitPositionBatch, findLatest, type StoredPosition } from '../store/positions.repository.ts';
import { type Completion, GroupCommit } from './group-commit.ts';
import type { IngestMetrics } from './metrics.ts';

export interface PipelineDeps {
  db: Db;
  bus: LiveBus;
  now(): number;
  metrics: IngestMetrics;
  filters?: FilterSettings;
  /** The unit path a device's events are scoped to on the live feed. */
  unitPathOf(device: Device): Promise<string | null>;
  batch?: { maxItems: number; maxDelayMs: number; maxInFlight?: number };
  /** Whether committed fixes mark their days for the summaries job (default true); off only to measure its cost. */
  noteDays?: boolean;
  /**
   * Told of each committed submission (the alert rules, src/services/alerts): it must return at
   * once and do its work later, and it sees blind-spot fixes flagged as such (to leave them out).
   */
  observer?: { observe(device: Device, stored: readonly StoredPosition[]): void };
}

/** Outcome of one ingest call, after commit. */
export interface IngestResult {
  stored: StoredPosition[];
  /**
   * Fixes no column can hold (a time past year 275760, NaN coordinates): counted, not stored.
   * A caller never acknowledges them as stored; it answers the protocol's "message error".
   */
  unstorable: number;
}

/** Outcome callbacks of `stageNow`: called once, after the commit (or its failure). */
export interface StageCompletion {
  resolve(stored: StoredPosition[], unstorable: number): void;
  reject(error: unknown): void;
}

/**
 * decode → classify (flag, never drop) → group commit → (caller acks) → live publish.
 * Blind-spot and out-of-order fixes go to history only; they never move the live position.
 */
export class IngestPipeline {
  /** Each device's last live fix; null: looked up, and the device has none yet. */
  private readonly previous = new Map<string, PreviousFix | null>();
  private readonly writer: GroupCommit<StoredPosition>;
  private readonly filters: FilterSettings;
  /** Positions stored since the counters were last updated: protocol → a count per kind (KINDS). */
  private readonly tally = new Map<string, number[]>();
  private tallyScheduled = false;

  constructor(private readonly deps: PipelineDeps) {
    this.filters = deps.filters ?? DEFAULT_FILTERS;
    this.writer = new GroupCommit(
      (items) => this.commit(items),
      deps.batch ?? { maxItems: 2000, maxDelayMs: 4 },
    );
  }

  private async previousOf(deviceId: string): Promise<PreviousFix | undefined> {
    const cached = this.previous.get(deviceId);
    if (cached !== undefined) return cached ?? undefined;
    const latest = await findLatest(this.deps.db, deviceId);
    // Another call may have staged a fix for the device while this one waited: that is newer.
    const now = this.previous.get(deviceId);
    if (now !== undefined) return now ?? undefined;
    const previous = latest ? { time: latest.time, lat: latest.lat, lon: latest.lon } : null;
    this.previous.set(deviceId, previous);
    return previous ?? undefined;
  }

  private async commit(items: StoredPosition[]): Promise<void> {
    const started = performance.now();
    const seen = new Map<string, number>();
    const live = new Map<string, StoredPosition>();
    for (const p of items) {
      const at = seen.get(p.deviceId);
      if (at === undefined || at < p.serverTime) seen.set(p.deviceId, p.serverTime);
      if (!isLive(p.flags)) continue;
      const current = live.get(p.deviceId);
      if (!current || current.time < p.time) live.set(p.deviceId, p);
    }
    await commitPositionBatch(this.deps.db, items, [...live.values()], seen);
    // The days these fixes fell on (blind-spot ones included: they dirty their own past day)
    // are noted in memory; the summaries job recomputes them, not the ingest.
    if (this.deps.noteDays !== false) noteCommittedFixes(this.deps.db, items);
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
    const previous = await this.previousOf(device.id);
    let completion!: StageCompletion;
    const committed = new Promise<IngestResult>((resolve, reject) => {
      completion = { resolve: (stored, unstorable) => resolve({ stored, unstorable }), reject };
    });
    this.stageWith(device, fixes, opts, previous, completion);
    return { committed };
  }

  /**
   * `stage` without a promise, for the gateways' hot path: when the device's previous fix is
   * already known, classifies and queues the fixes now and returns true, and `done` is called
   * after the commit. Returns false (nothing staged) when the previous fix must first be read
   * from the database; use `stage` then.
   */
  stageNow(
    device: Device,
    fixes: Fix[],
    opts: { blind?: boolean; protocol: string },
    done: StageCompletion,
  ): boolean {
    const previous = this.previous.get(device.id);
    if (previous === undefined) return false;
    this.stageWith(device, fixes, opts, previous ?? undefined, done);
    return true;
  }

  private stageWith(
    device: Device,
    fixes: Fix[],
    opts: { blind?: boolean; protocol: string },
    first: PreviousFix | undefined,
    done: StageCompletion,
  ): void {
    const now = this.deps.now();
    const stored: StoredPosition[] = [];
    let unstorable = 0;
    let previous = first;
    for (const raw of fixes) {
      if (!isStorableFix(raw)) {
        unstorable++;
        continue;
      }
      const time = Number.isInteger(raw.time) ? raw.time : Math.round(raw.time);
      const fix = time === raw.time ? raw : { ...raw, time };
      const flags = classifyFix(fix, previous, now, this.filters, opts.blind === true);
      stored.push({
        deviceId: device.id,
        time,
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
        previous = { time, lat: fix.lat, lon: fix.lon };
        this.previous.set(device.id, previous);
      }
    }
    if (unstorable > 0) this.deps.metrics.unstorableFixes.inc({ protocol: opts.protocol }, unstorable);
    this.writer.enqueue(stored, new Staged(this, device, opts.protocol, stored, unstorable, done));
  }

  /** After the commit of a staged submission: counters, the live feed, then the caller. */
  committed(staged: Staged): void {
    this.count(staged.protocol, staged.stored);
    if (this.deps.bus.listening) this.publish(staged.device, staged.stored);
    this.deps.observer?.observe(staged.device, staged.stored);
    staged.done.resolve(staged.stored, staged.unstorable);
  }

  /** The commit of a staged submission failed: nothing of it is stored. */
  failed(staged: Staged, error: unknown): void {
    // Forget the in-memory previous fix, so a resend is not mistaken for a late (blind) fix;
    // the next call reloads it from the latest committed position.
    this.previous.delete(staged.device.id);
    staged.done.reject(error);
  }

  /**
   * Counts stored positions. The counter is updated once per kind after each commit, not once
   * per position: prom-client hashes the labels on every call (and a label string per position
   * cost an allocation each).
   */
  private count(protocol: string, stored: StoredPosition[]): void {
    let counts = this.tally.get(protocol);
    if (!counts) {
      counts = KINDS.map(() => 0);
      this.tally.set(protocol, counts);
    }
    for (const p of stored) (counts[kindOf(p.flags)] as number)++;
    if (this.tallyScheduled) return;
    this.tallyScheduled = true;
    queueMicrotask(() => {
      this.tallyScheduled = false;
      for (const [protocol, counted] of this.tally) {
        counted.forEach((n, k) => {
          if (n > 0) this.deps.metrics.positions.inc({ protocol, kind: KINDS[k] }, n);
        });
      }
      this.tally.clear();
    });
  }

  /** The device's newest live position to the live feed; only built when someone listens. */
  private publish(device: Device, stored: StoredPosition[]): void {
    let newest: StoredPosition | undefined;
    for (const p of stored) if (isLive(p.flags)) newest = p;
    if (!newest) return;
    const view = positionView(newest);
    this.deps.unitPathOf(device).then(
      (unitPath) =>
        this.deps.bus.publish({ type: 'position', unitPath, data: { ...view, deviceName: device.name } }),
      () => undefined,
    );
  }

  /** Flushes what is queued; used at shutdown. */
  close(): Promise<void> {
    return this.writer.close();
  }
}

/**
 * One staged submission waiting for its commit. A class rather than an object of closures: the
 * per-frame closures cost allocations (and, run through tsx, a `__name` call each).
 */
class Staged implements Completion {
  constructor(
    private readonly pipeline: IngestPipeline,
    readonly device: Device,
    readonly protocol: string,
    readonly stored: StoredPosition[],
    readonly unstorable: number,
    readonly done: StageCompletion,
  ) {}

  resolve(): void {
    this.pipeline.committed(this);
  }

  reject(error: unknown): void {
    this.pipeline.failed(this, error);
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

/** The `kind` label of the positions counter, by index. */
const KINDS = ['live', 'flagged', 'blind'] as const;

/** A stored position's index in KINDS. */
function kindOf(flags: number): number {
  if (flags & PositionFlag.BLIND) return 2;
  return isLive(flags) ? 0 : 1;
}

/** A position as the API and the live feed show it. */
export function positionView(p: StoredPosition): PositionView {
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
