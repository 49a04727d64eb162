import {
  type CoverageSegment,
  combinedCoverage,
  coverageOf,
  type Dock,
  dockIdAt,
  type Interval,
  type SectionedLine,
  sectionLine,
  segmentBuffer,
  type TrackFix,
} from '../fleet/index.ts';
import type { AlertKind, AlertParams } from './rules.ts';

/** A live fix as the rules read it; `alarms` are the device alarm names it carries (see alarmsOf). */
export interface AlertFix {
  time: number;
  lat: number;
  lon: number;
  speedKmh: number;
  valid: boolean;
  alarms: readonly string[];
}

/** What the rules know about an asset: its planned shifts, its segments, its unit's docks. */
export interface AlertContext {
  /** Shifts as UTC intervals around the evaluated time (a shift past midnight is one interval). */
  shifts: readonly Interval[];
  segments: readonly CoverageSegment[];
  docks: readonly Dock[];
  /** A stop stays within this many metres (the asset kind's stopRadiusM). */
  stopRadiusM: number;
}

/** The rule as the watch reads it. */
export interface WatchedRule {
  kind: AlertKind;
  params: AlertParams;
}

/** Where and when an episode began: its first offending fix (lat/lon null: no position known). */
export interface EpisodeStart {
  startedAt: number;
  lat: number | null;
  lon: number | null;
}

/** An episode raised (`at`: when its duration had passed) or ended. */
export type EpisodeChange = ({ type: 'open'; at: number } & EpisodeStart) | { type: 'end'; endedAt: number };

const ALWAYS: Interval = { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY };
/** lowCoverage keeps a fix only this far from the last one kept: coverage's 50 m sections need no more. */
const COVERAGE_STEP_M = 10;

const usable = (f: AlertFix) => f.valid && !(f.lat === 0 && f.lon === 0);
/** Metres per degree of latitude (the mean Earth radius of positions/filters.ts haversineMeters). */
const M_PER_DEG = (Math.PI / 180) * 6_371_008.8;

/**
 * Whether two points lie within `metres` of each other, by the local equirectangular distance:
 * over the tens of metres of a stop radius it agrees with haversine to far below GPS noise, without
 * its trigonometry on every fix.
 */
function within(a: { lat: number; lon: number }, b: { lat: number; lon: number }, metres: number): boolean {
  const dy = (a.lat - b.lat) * M_PER_DEG;
  const dx = (a.lon - b.lon) * M_PER_DEG * Math.cos((a.lat * Math.PI) / 180);
  return dx * dx + dy * dy <= metres * metres;
}

/** What fix and clock answer when nothing opened or ended (most calls): no allocation. */
const NOTHING: EpisodeChange[] = [];

/**
 * One rule watching one asset: fed its live fixes in time order (`fix`) and the clock (`clock`),
 * it answers the episodes that open and end. An episode opens once the condition has held for
 * the rule's duration without a break (so one noisy fix never raises it), with the start and
 * position of its first offending fix, and ends at the first fix (or the shift's end) that
 * clears it. Shift-bound kinds count only inside a shift; a shift past midnight is one interval.
 */
export class AlertWatch {
  private pending: (EpisodeStart & { shift: Interval }) | null = null;
  private open: (EpisodeStart & { shift: Interval }) | null = null;
  private last: AlertFix | null = null;
  private buffer: ((lat: number, lon: number) => boolean) | null = null;
  private lines: { id: string; line: SectionedLine }[] = [];
  /** lateStart: where the asset stood at the shift's start and whether it has moved since. */
  private anchor: { shiftFrom: number; lat: number; lon: number; moved: boolean } | null = null;
  /** lateStart, lowCoverage: the shifts (by start) already decided. */
  private readonly decided = new Set<number>();
  /** lowCoverage: the current shift's fixes (thinned). */
  private covered: { shift: Interval; fixes: TrackFix[] } | null = null;
  /** The changes of the call in progress (a fresh array only once one was answered). */
  private out: EpisodeChange[] = [];
  /**
   * When this watch first saw the asset or the clock: a shift start it was not watching (the
   * server started, or the rule was made, after the start's deadline) is not judged late — it
   * cannot know whether the boat set off before.
   */
  private watchingSince: number | null = null;

  constructor(
    readonly rule: WatchedRule,
    private ctx: AlertContext,
  ) {
    this.setContext(ctx);
  }

  /** New shifts, segments or docks (the day moved on, a plan changed); the episode state stays. */
  setContext(ctx: AlertContext): void {
    const segmentsChanged = ctx.segments !== this.ctx.segments || this.buffer === null;
    this.ctx = ctx;
    if (!segmentsChanged) return;
    const margin = this.rule.params.marginM ?? 0;
    // Only the kinds that read them pay for the segments' lines.
    this.buffer =
      this.rule.kind === 'outOfSegment'
        ? segmentBuffer(ctx.segments.map((s) => sectionLine(s.geometry, s.halfWidthM + margin)))
        : () => true;
    this.lines =
      this.rule.kind === 'lowCoverage'
        ? ctx.segments.map((s) => ({ id: s.id, line: sectionLine(s.geometry, s.halfWidthM) }))
        : [];
  }

  /** Whether an episode is open now. */
  get isOpen(): boolean {
    return this.open !== null;
  }

  /** Takes an episode as open (read back from storage after a restart). */
  restoreOpen(start: EpisodeStart): void {
    this.open = { ...start, shift: this.shiftAt(start.startedAt) ?? ALWAYS };
    this.pending = null;
  }

  /** Forgets an open episode without an end (it was resolved by hand and must not end twice). */
  forgetOpen(): void {
    this.open = null;
  }

  private shiftAt(t: number): Interval | undefined {
    for (const s of this.ctx.shifts) if (s.from <= t && t < s.to) return s;
    return undefined;
  }

  /** The changes collected by this call, or NOTHING. */
  private answer(out: EpisodeChange[]): EpisodeChange[] {
    if (out.length === 0) return NOTHING;
    this.out = [];
    return out;
  }

  private get durationMs(): number {
    const p = this.rule.params;
    return this.rule.kind === 'overspeed' ? (p.seconds ?? 0) * 1000 : (p.minutes ?? 0) * 60_000;
  }

  private end(at: number, out: EpisodeChange[]): void {
    if (!this.open) return;
    out.push({ type: 'end', endedAt: Math.max(at, this.open.startedAt) });
    this.open = null;
  }

  private raise(start: EpisodeStart & { shift: Interval }, at: number, out: EpisodeChange[]): void {
    this.open = start;
    this.pending = null;
    out.push({ type: 'open', at, startedAt: start.startedAt, lat: start.lat, lon: start.lon });
  }

  /** The next live fix of the asset (older or equal times are ignored: history never raises). */
  fix(f: AlertFix): EpisodeChange[] {
    const out = this.out;
    this.watchingSince ??= f.time;
    if (this.last && f.time <= this.last.time) return NOTHING;
    // An episode bound to a shift that is over ends at the shift's end.
    if (this.open && f.time >= this.open.shift.to) this.end(this.open.shift.to, out);
    switch (this.rule.kind) {
      case 'offline':
        this.end(f.time, out);
        break;
      case 'lateStart':
        this.lateStartFix(f, out);
        break;
      case 'lowCoverage':
        this.coverageFix(f, out);
        break;
      default:
        this.runFix(f, out);
    }
    this.last = f;
    return this.answer(out);
  }

  /** Sets the last fix without evaluating it (the newest stored fix, when a watch starts). */
  remember(f: AlertFix): void {
    if (!this.last || f.time > this.last.time) this.last = f;
  }

  /** outOfSegment, idle, overspeed, deviceAlarm: a run of offending fixes that lasts the duration. */
  private runFix(f: AlertFix, out: EpisodeChange[]): void {
    const kind = this.rule.kind;
    const shift = kind === 'overspeed' || kind === 'deviceAlarm' ? ALWAYS : this.shiftAt(f.time);
    if (this.pending && this.pending.shift.from !== shift?.from) this.pending = null;
    if (kind === 'idle') {
      // A stop stays within the stop radius of where it began; moving away breaks it.
      const anchor = this.open ?? this.pending;
      if (
        anchor &&
        usable(f) &&
        !within({ lat: anchor.lat ?? f.lat, lon: anchor.lon ?? f.lon }, f, this.ctx.stopRadiusM)
      ) {
        this.end(f.time, out);
        this.pending = null;
      }
    }
    const offending = shift !== undefined && this.offends(f);
    if (offending === null) return; // an unusable fix says nothing about where the asset is
    if (!offending) {
      this.pending = null;
      this.end(f.time, out);
      return;
    }
    if (this.open || shift === undefined) return;
    this.pending ??= { startedAt: f.time, lat: f.lat, lon: f.lon, shift };
    if (f.time - this.pending.startedAt >= this.durationMs) this.raise(this.pending, f.time, out);
  }

  /** Whether the fix breaks the rule; null when it cannot tell (no valid position). */
  private offends(f: AlertFix): boolean | null {
    switch (this.rule.kind) {
      case 'outOfSegment':
        if (!usable(f)) return null;
        return this.ctx.segments.length > 0 && !this.buffer?.(f.lat, f.lon);
      case 'idle':
        if (!usable(f)) return null;
        return dockIdAt(f, this.ctx.docks) === undefined;
      case 'overspeed':
        return f.speedKmh > (this.rule.params.speedKmh ?? Number.POSITIVE_INFINITY);
      case 'deviceAlarm':
        return f.alarms.some((a) => this.rule.params.bits?.includes(a as never));
      default:
        return false;
    }
  }

  private lateStartFix(f: AlertFix, out: EpisodeChange[]): void {
    const shift = this.shiftAt(f.time);
    if (!shift || !usable(f)) return;
    if (this.anchor?.shiftFrom !== shift.from) {
      const from = this.last && this.last.time >= shift.from - 3_600_000 && usable(this.last) ? this.last : f;
      this.anchor = { shiftFrom: shift.from, lat: from.lat, lon: from.lon, moved: false };
    }
    // Once it has moved, or the shift's start is decided with nothing open, there is nothing to measure.
    if (this.anchor.moved || (this.decided.has(shift.from) && !this.open)) return;
    if (!within(this.anchor, f, this.ctx.stopRadiusM)) {
      this.anchor.moved = true;
      this.end(f.time, out);
    }
    this.lateStartDue(shift, f.time, f, out);
  }

  private lateStartDue(shift: Interval, now: number, at: AlertFix | null, out: EpisodeChange[]): void {
    const due = shift.from + this.durationMs;
    if (now < due || this.decided.has(shift.from)) return;
    this.decided.add(shift.from);
    if (this.watchingSince !== null && due < this.watchingSince) return;
    if (this.anchor?.shiftFrom === shift.from && this.anchor.moved) return;
    const where = at ?? this.last;
    this.raise({ startedAt: due, lat: where?.lat ?? null, lon: where?.lon ?? null, shift }, now, out);
  }

  private coverageFix(f: AlertFix, out: EpisodeChange[]): void {
    if (this.covered && f.time >= this.covered.shift.to) this.coverageDue(f.time, out);
    const shift = this.shiftAt(f.time);
    if (!shift || !usable(f)) return;
    if (this.covered?.shift.from !== shift.from) this.covered = { shift, fixes: [] };
    const kept = this.covered.fixes.at(-1);
    if (!kept || !within(kept, f, COVERAGE_STEP_M)) {
      this.covered.fixes.push({ time: f.time, lat: f.lat, lon: f.lon, speedKmh: f.speedKmh, valid: true });
    }
  }

  /** At a shift's end: its coverage below the ratio raises an episode that is over at once. */
  private coverageDue(now: number, out: EpisodeChange[]): void {
    const covered = this.covered;
    if (!covered || now < covered.shift.to || this.decided.has(covered.shift.from)) return;
    this.decided.add(covered.shift.from);
    this.covered = null;
    if (this.lines.length === 0) return;
    const ratio = combinedCoverage(this.lines.map((l) => coverageOf(l.id, l.line, covered.fixes))) ?? 1;
    if (ratio >= (this.rule.params.ratio ?? 0)) return;
    const start = { startedAt: covered.shift.to, lat: this.last?.lat ?? null, lon: this.last?.lon ?? null };
    this.raise({ ...start, shift: ALWAYS }, now, out);
    this.end(covered.shift.to, out);
  }

  /** The clock: time-based kinds (offline, lateStart, lowCoverage at shift end) and shifts that ended. */
  clock(now: number): EpisodeChange[] {
    const out = this.out;
    this.watchingSince ??= now;
    if (this.open && now >= this.open.shift.to) this.end(this.open.shift.to, out);
    const shift = this.shiftAt(now);
    switch (this.rule.kind) {
      case 'offline': {
        if (this.open || !shift) break;
        const since = Math.max(this.last?.time ?? shift.from, shift.from);
        if (now - since >= this.durationMs) {
          const start = { startedAt: since, lat: this.last?.lat ?? null, lon: this.last?.lon ?? null };
          this.raise({ ...start, shift }, now, out);
        }
        break;
      }
      case 'lateStart':
        if (shift) this.lateStartDue(shift, now, null, out);
        break;
      case 'lowCoverage':
        this.coverageDue(now, out);
        break;
      default:
        break;
    }
    return this.answer(out);
  }
}

/** JT/T 808 alarm DWORD bits (§8.18 Table 24) the rules name. */
const JT808_BITS: Record<string, number> = {
  sos: 1 << 0,
  antennaCut: 1 << 5,
  lowVoltage: 1 << 7,
  powerCut: 1 << 8,
};
/** GT06 alarm names (terminal.ts ALARM_CODES) as the rules name them. */
const GT06_NAMES: Record<string, string> = { sos: 'sos', powerCut: 'powerCut', lowBattery: 'lowVoltage' };

/** The alarm names a stored fix's attributes carry: JT/T 808's numeric `alarm`, GT06's named one. */
export function alarmsOf(attributes: Record<string, unknown> | null | undefined): string[] {
  const alarm = attributes?.alarm;
  if (typeof alarm === 'number' && alarm !== 0) {
    return Object.entries(JT808_BITS).flatMap(([name, bit]) => ((alarm & bit) !== 0 ? [name] : []));
  }
  if (typeof alarm === 'string') {
    const name = GT06_NAMES[alarm];
    return name ? [name] : [];
  }
  return [];
}
