import type { Interval } from './day.ts';
import {
  forEachSectionNear,
  type LineGeometry,
  type SectionedLine,
  sectionLine,
} from './segment-geometry.ts';
import { isUsableFix, type TrackFix } from './track.ts';

/** A river segment (责任河段) as coverage reads it. */
export interface CoverageSegment {
  id: string;
  geometry: LineGeometry;
  halfWidthM: number;
}

/** How much of a segment an asset's fixes visited (覆盖率). */
export interface SegmentCoverage {
  segmentId: string;
  /** visited ÷ sections; 0 for a segment with no length. */
  ratio: number;
  visited: number;
  sections: number;
  /** One entry per sub-section in order along the line (see SectionedLine.sections), for drawing. */
  visitedMask: boolean[];
}

/**
 * Coverage of a segment cut into sub-sections (sectionLine): a sub-section is visited when a
 * usable fix lies within the segment's half-width of it; coverage = visited ÷ all. Fixes outside
 * `window` (when given) do not count. Reuse one SectionedLine for many days.
 */
export function coverageOf(
  segmentId: string,
  line: SectionedLine,
  fixes: readonly TrackFix[],
  window?: Interval,
): SegmentCoverage {
  const visitedMask: boolean[] = new Array(line.sections.length).fill(false);
  let visited = 0;
  const visit = (s: number) => {
    if (!visitedMask[s]) {
      visitedMask[s] = true;
      visited++;
    }
  };
  const seen = (s: number) => visitedMask[s] === true;
  for (const fix of fixes) {
    if (window && (fix.time < window.from || fix.time >= window.to)) continue;
    if (!isUsableFix(fix)) continue;
    forEachSectionNear(line, fix.lat, fix.lon, visit, seen);
    if (visited === visitedMask.length) break;
  }
  const sections = visitedMask.length;
  return { segmentId, ratio: sections === 0 ? 0 : visited / sections, visited, sections, visitedMask };
}

/** Coverage of one segment by one asset's fixes, cutting the segment into `sectionM` sub-sections (default 50 m). */
export function segmentCoverage(
  segment: CoverageSegment,
  fixes: readonly TrackFix[],
  options: { sectionM?: number; window?: Interval } = {},
): SegmentCoverage {
  const line = sectionLine(segment.geometry, segment.halfWidthM, options.sectionM ?? 50);
  return coverageOf(segment.id, line, fixes, options.window);
}

/** A day's coverage over several segments: all their visited sub-sections ÷ all their sub-sections (null for none). */
export function combinedCoverage(coverages: readonly SegmentCoverage[]): number | null {
  const sections = coverages.reduce((n, c) => n + c.sections, 0);
  return sections === 0 ? null : coverages.reduce((n, c) => n + c.visited, 0) / sections;
}
