import { type CoverageSegment, combinedCoverage, coverageOf } from './coverage.ts';
import type { Interval } from './day.ts';
import type { Dock } from './docks.ts';
import type { DayDuty } from './duty.ts';
import { sectionLine, segmentBuffer } from './segment-geometry.ts';
import type { TrackSettings } from './settings.ts';
import type { TrackFix } from './track.ts';
import { analyseTrack } from './trips.ts';
import { workRest } from './work-rest.ts';

/** What one asset's day summary is made of; the caller loads it, the rules are below. */
export interface DaySummaryInput {
  date: string;
  /** The local day (localDayWindow of date). */
  window: Interval;
  /** The asset's usable fixes of the day (jumps already left out), any order. */
  fixes: readonly TrackFix[];
  settings: TrackSettings;
  /** The day's duty (dutyOfDay). */
  duty: DayDuty;
  docks: readonly Dock[];
  /** The asset's assigned segments (责任河段). */
  segments: readonly CoverageSegment[];
  /** The day's rubbish unloads. */
  unloads: { count: number; tonnes: number };
  /** Sub-section length of coverage, metres (default 50). */
  sectionM?: number;
}

/** One asset's day (日汇总); times in UTC ms, durations in seconds. */
export interface DayFigures {
  date: string;
  distanceM: number;
  movingS: number;
  stoppedS: number;
  workS: number;
  restS: number;
  noDataS: number;
  offDutyMovingS: number;
  firstMoveAt: number | null;
  lastStopAt: number | null;
  trips: number;
  stops: number;
  coverage: { segmentId: string; ratio: number; visited: number; sections: number }[];
  /** All segments' visited sub-sections ÷ all their sub-sections; null without segments or without duty. */
  combinedCoverage: number | null;
  unloads: { count: number; tonnes: number };
  duty: { onDutyFrom: number | null; onDutyTo: number | null; source: DayDuty['source'] };
}

/**
 * Summarises an asset's day from the fleet rules: trips and stops (analyseTrack) counted when they
 * begin within the day; work, rest, no data, moving and stopped time and distance (workRest) with
 * the day's duty; coverage of each assigned segment by the day's fixes (coverageOf); the unloads
 * as given. The month report averages `combinedCoverage`, which is null on a day off duty, so
 * days off do not pull the mean down.
 */
export function summariseDay(input: DaySummaryInput): DayFigures {
  const { window } = input;
  const inDay = input.fixes.filter((f) => f.time >= window.from && f.time < window.to);
  const track = analyseTrack(inDay, input.settings);
  const lines = input.segments.map((s) => ({
    id: s.id,
    line: sectionLine(s.geometry, s.halfWidthM, input.sectionM ?? 50),
  }));
  const split = workRest({
    track,
    window,
    duty: input.duty.intervals,
    docks: input.docks,
    onSegment: segmentBuffer(lines.map((l) => l.line)),
  });
  const coverages = lines.map((l) => coverageOf(l.id, l.line, track.fixes, window));
  const begins = (t: number) => t >= window.from && t < window.to;
  const first = input.duty.intervals[0];
  const last = input.duty.intervals.at(-1);
  return {
    date: input.date,
    ...split,
    trips: track.trips.filter((t) => begins(t.start)).length,
    stops: track.stops.filter((s) => begins(s.start)).length,
    coverage: coverages.map(({ visitedMask: _mask, ...c }) => c),
    combinedCoverage: first ? combinedCoverage(coverages) : null,
    unloads: { count: input.unloads.count, tonnes: input.unloads.tonnes },
    duty: { onDutyFrom: first?.from ?? null, onDutyTo: last?.to ?? null, source: input.duty.source },
  };
}
