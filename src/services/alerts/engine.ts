import {
  type AlertContext,
  type AlertFix,
  type AlertKind,
  AlertWatch,
  alarmsOf,
  type EpisodeChange,
} from '../../domain/alerts/index.ts';
import { type CoverageSegment, localDateOf, shiftsOn, trackSettingsFor } from '../../domain/fleet/index.ts';
import { isLive } from '../../domain/positions/filters.ts';
import type { LiveBus } from '../../live/bus.ts';
import { type AlertRuleRecord, listAlertRules, listUnendedAlerts } from '../../store/alerts.repository.ts';
import { type Asset, findAsset } from '../../store/assets.repository.ts';
import { type Device, listDevices } from '../../store/devices.repository.ts';
import { listDocks } from '../../store/docks.repository.ts';
import { listAssetTrack, type StoredPosition } from '../../store/positions.repository.ts';
import { findSegment } from '../../store/segments.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import { workingCalendar } from '../calendar/index.ts';
import type { ServiceContext } from '../context.ts';
import { resolvePlans } from '../shifts/index.ts';
import { endEpisode, openEpisode } from './raise.ts';
import { alertRulesVersion } from './rules.ts';

const DAY_MS = 86_400_000;
/** How long (process time) an asset's shift plan, segments and docks are used before they are read again. */
const CONTEXT_TTL_MS = 5 * 60_000;
/** How far back a watch started after a restart replays the asset's stored fixes to find its state. */
const REPLAY_MS = 12 * 3_600_000;

/** One rule watching one asset, and the alert of its open episode. */
interface Watched {
  rule: AlertRuleRecord;
  watch: AlertWatch;
  alertId: string | null;
}

/** A device's asset and the rules watching it. */
interface DeviceWatch {
  device: Device;
  asset: Asset;
  unitPath: string;
  watched: Watched[];
  rulesVersion: number;
  /** When (process time) its context was read, and until when (platform time) its shifts hold. */
  loadedAt: number;
  validUntil: number;
  /** The segments the context was built with, reused while they are unchanged (their lines are costly). */
  segmentsKey: string;
  segments: CoverageSegment[];
}

/** A no-rules answer for a device, and the rules version it was decided under. */
interface Unwatched {
  rulesVersion: number;
}

/** Something the engine reports that went wrong (a failed write); the app passes its logger. */
export interface AlertLog {
  warn(details: object, message: string): void;
}

/**
 * The one place alerts are evaluated live: the ingest pipeline hands it each committed batch's
 * live fixes (blind-spot and other flagged fixes never reach it, and a watch ignores any fix not
 * newer than the last it saw), the jobs plugin its clock. Per device it keeps the asset's
 * watches in memory, started from the stored track of the last hours. A batch is evaluated at
 * once when the device's watches are loaded (pure arithmetic, microseconds); loading them and
 * storing what opens or ends are queued per device, in order, off the ingest's path: the
 * acknowledgement never waits for a rule.
 */
export class AlertEngine {
  private readonly devices = new Map<string, DeviceWatch | Unwatched>();
  /** Per device, the promise of its last queued work: loads, fixes, ticks and writes run in order. */
  private readonly chains = new Map<string, Promise<void>>();
  private pending = 0;
  private ticks = 0;
  private readonly drained: (() => void)[] = [];
  private rules: { version: number; list: AlertRuleRecord[]; paths: Map<string, string> } | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly bus: LiveBus,
    private readonly log: AlertLog = { warn: () => undefined },
  ) {}

  /** After a commit: the batch's stored fixes of a device, in time order. Returns at once. */
  observe(device: Device, stored: readonly StoredPosition[]): void {
    if (device.assetId === null) return;
    const known = this.devices.get(device.id);
    if (known && !('watched' in known) && known.rulesVersion === alertRulesVersion()) return;
    const fixes: AlertFix[] = [];
    for (const p of stored) {
      if (!isLive(p.flags)) continue;
      fixes.push({
        time: p.time,
        lat: p.lat,
        lon: p.lon,
        speedKmh: p.speed,
        valid: p.valid,
        alarms: alarmsOf(p.attributes),
      });
    }
    if (fixes.length === 0) return;
    if (known && 'watched' in known && this.isFresh(known) && !this.chains.has(device.id)) {
      this.evaluate(known, fixes);
      return;
    }
    this.enqueue(device.id, device, fixes[0]?.time, (w) => this.evaluate(w, fixes));
  }

  /**
   * The clock: time-based rules (offline, late start, coverage at shift end) of every device on an
   * asset (the first tick, and one in ten, also looks for devices that never reported here).
   */
  async tick(): Promise<void> {
    const devices = this.ticks++ % 10 === 0 ? await listDevices(this.ctx.db, { scopePath: null }) : [];
    for (const device of devices) {
      if (device.assetId !== null && !this.devices.has(device.id))
        this.enqueue(device.id, device, undefined, () => {});
    }
    const now = this.ctx.now();
    for (const [id, known] of this.devices) {
      if ('watched' in known) this.enqueue(id, known.device, undefined, (w) => this.clock(w, now));
    }
    await this.idle();
  }

  /** Resolves once every queued load, evaluation and write is done (tests, benchmarks, shutdown). */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private isFresh(w: DeviceWatch): boolean {
    return (
      w.rulesVersion === alertRulesVersion() &&
      performance.now() - w.loadedAt < CONTEXT_TTL_MS &&
      this.ctx.now() < w.validUntil
    );
  }

  /** Queues work on a device's chain, its watches (re)loaded first when needed. */
  private enqueue(
    deviceId: string,
    device: Device,
    firstTime: number | undefined,
    work: (w: DeviceWatch) => Promise<void> | void,
  ): void {
    this.pending++;
    const previous = this.chains.get(deviceId) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        const watch = await this.watchOf(device, firstTime);
        if (watch) await work(watch);
      })
      .catch((error: unknown) => this.log.warn({ err: error, device: deviceId }, 'alert evaluation failed'))
      .finally(() => {
        if (this.chains.get(deviceId) === next) this.chains.delete(deviceId);
        if (--this.pending === 0) for (const resolve of this.drained.splice(0)) resolve();
      });
    this.chains.set(deviceId, next);
  }

  /** Feeds fixes to every watch now; what opens or ends is stored on the device's chain. */
  private evaluate(w: DeviceWatch, fixes: readonly AlertFix[]): void {
    let changes: [Watched, EpisodeChange][] | undefined;
    for (const fix of fixes) {
      for (const item of w.watched) {
        const answered = item.watch.fix(fix);
        if (answered.length === 0) continue;
        changes ??= [];
        for (const change of answered) changes.push([item, change]);
      }
    }
    if (changes) this.store(w, changes);
  }

  private clock(w: DeviceWatch, now: number): void {
    const changes: [Watched, EpisodeChange][] = [];
    for (const item of w.watched) for (const change of item.watch.clock(now)) changes.push([item, change]);
    if (changes.length > 0) this.store(w, changes);
  }

  private store(w: DeviceWatch, changes: readonly [Watched, EpisodeChange][]): void {
    this.pending++;
    const previous = this.chains.get(w.device.id) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        for (const [item, change] of changes) await this.apply(w, item, change);
      })
      .catch((error: unknown) => this.log.warn({ err: error, device: w.device.id }, 'alert not stored'))
      .finally(() => {
        if (this.chains.get(w.device.id) === next) this.chains.delete(w.device.id);
        if (--this.pending === 0) for (const resolve of this.drained.splice(0)) resolve();
      });
    this.chains.set(w.device.id, next);
  }

  private async apply(w: DeviceWatch, item: Watched, change: EpisodeChange): Promise<void> {
    if (change.type === 'open') {
      item.alertId = await openEpisode(
        this.ctx,
        this.bus,
        { rule: item.rule, asset: w.asset, deviceId: w.device.id, start: change, raisedAt: change.at },
        (error) => this.log.warn({ err: error, rule: item.rule.id }, 'alert raised no work order'),
      );
    } else if (item.alertId !== null) {
      const alertId = item.alertId;
      item.alertId = null;
      await endEpisode(this.ctx, this.bus, alertId, change.endedAt);
    }
  }

  private async rulesNow(): Promise<{ list: AlertRuleRecord[]; paths: Map<string, string> }> {
    const version = alertRulesVersion();
    if (this.rules?.version === version) return this.rules;
    const list = await listAlertRules(this.ctx.db, { enabled: true });
    const paths = new Map<string, string>();
    for (const r of list) paths.set(r.unitId, (await findUnit(this.ctx.db, r.unitId))?.path ?? '\u0000');
    this.rules = { version, list, paths };
    return this.rules;
  }

  /** The device's watches: loaded (and replayed) on first use, refreshed when rules, the day or the TTL say. */
  private async watchOf(device: Device, firstTime?: number): Promise<DeviceWatch | null> {
    const known = this.devices.get(device.id);
    if (known && 'watched' in known && this.isFresh(known)) return known;
    if (known && !('watched' in known) && known.rulesVersion === alertRulesVersion()) return null;
    const previous = known && 'watched' in known ? known : undefined;
    const loaded = await this.load(device, previous, firstTime ?? this.ctx.now());
    this.devices.set(device.id, loaded ?? { rulesVersion: alertRulesVersion() });
    return loaded;
  }

  private async load(
    device: Device,
    previous: DeviceWatch | undefined,
    before: number,
  ): Promise<DeviceWatch | null> {
    const version = alertRulesVersion();
    const asset = device.assetId ? await findAsset(this.ctx.db, device.assetId) : undefined;
    if (!asset) return null;
    const unitPath = (await findUnit(this.ctx.db, asset.unitId))?.path ?? '';
    const rules = await this.rulesNow();
    const applying = rules.list.filter(
      (r) =>
        unitPath.startsWith(rules.paths.get(r.unitId) ?? '\u0000') &&
        (r.assetKinds === null || r.assetKinds.includes(asset.kind)),
    );
    if (applying.length === 0) return null;
    const now = this.ctx.now();
    const { context, segmentsKey, segments } = await this.contextOf(asset, unitPath, previous);
    const reused = new Map(previous?.watched.map((item) => [item.rule.id, item]));
    const watched: Watched[] = [];
    const fresh: Watched[] = [];
    for (const rule of applying) {
      const old = reused.get(rule.id);
      if (old && old.rule.updatedAt === rule.updatedAt) {
        old.watch.setContext(context);
        watched.push(old);
        continue;
      }
      const watch = new AlertWatch({ kind: rule.kind as AlertKind, params: rule.params }, context);
      const item = { rule, watch, alertId: null };
      watched.push(item);
      fresh.push(item);
    }
    if (fresh.length > 0) await this.replay(asset, fresh, before);
    return {
      device,
      asset,
      unitPath,
      watched,
      rulesVersion: version,
      loadedAt: performance.now(),
      validUntil: now + DAY_MS / 2,
      segmentsKey,
      segments,
    };
  }

  /** Rebuilds new watches' state from the stored track (their changes were stored then, or missed). */
  private async replay(asset: Asset, fresh: Watched[], before: number): Promise<void> {
    const rows = await listAssetTrack(this.ctx.db, asset.id, before - REPLAY_MS, before - 1);
    for (const r of rows) {
      if (!isLive(r.flags)) continue;
      const fix = { time: r.time, lat: r.lat, lon: r.lon, speedKmh: r.speed, valid: r.valid, alarms: [] };
      for (const item of fresh) item.watch.fix(fix);
    }
    const unended = await listUnendedAlerts(this.ctx.db, asset.id);
    for (const item of fresh) {
      const open = unended.find((a) => a.ruleId === item.rule.id);
      if (open) {
        item.watch.restoreOpen({ startedAt: open.startedAt, lat: open.lat, lon: open.lon });
        item.alertId = open.id;
      } else if (item.watch.isOpen) item.watch.forgetOpen();
    }
  }

  private async contextOf(
    asset: Asset,
    unitPath: string,
    previous: DeviceWatch | undefined,
  ): Promise<{ context: AlertContext; segmentsKey: string; segments: CoverageSegment[] }> {
    const now = this.ctx.now();
    const plan = (await resolvePlans(this.ctx, [asset])).get(asset.id)?.plan;
    const calendar = await workingCalendar(this.ctx);
    const shifts = plan
      ? [-1, 0, 1].flatMap((d) => shiftsOn(plan, localDateOf(now + d * DAY_MS), calendar))
      : [];
    const found = [];
    for (const id of asset.segmentIds) {
      const s = await findSegment(this.ctx.db, id);
      if (s) found.push(s);
    }
    const segmentsKey = JSON.stringify(found.map((s) => [s.id, s.halfWidthM, s.geometry]));
    // The same segments as before: the same array, so the watches keep their buffers.
    const segments: CoverageSegment[] =
      previous?.segmentsKey === segmentsKey
        ? previous.segments
        : found.map((s) => ({ id: s.id, geometry: s.geometry, halfWidthM: s.halfWidthM }));
    const docks = await listDocks(this.ctx.db, { scopePath: unitPath });
    const context = { shifts, segments, docks, stopRadiusM: trackSettingsFor(asset.kind).stopRadiusM };
    return { context, segmentsKey, segments };
  }
}
