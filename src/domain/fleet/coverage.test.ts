import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CoverageSegment, combinedCoverage, segmentCoverage } from './coverage.ts';
import { type LineGeometry, sectionLine, segmentBuffer } from './segment-geometry.ts';
import { at, beijing, position } from './test-tracks.ts';
import type { TrackFix } from './track.ts';

const T = beijing('2026-03-10', '09:00:00');
const fix = (x: number, y: number, valid = true, time = T): TrackFix => ({ time, ...at(x, y), valid });
const visitedOf = (mask: boolean[]) => mask.flatMap((v, i) => (v ? [i] : []));

/** 1000 m due east along y = 0: twenty 50 m sub-sections, 20 m half-width. */
const STRAIGHT: CoverageSegment = {
  id: 'seg-east-west',
  halfWidthM: 20,
  geometry: { type: 'LineString', coordinates: [position(0, 0), position(1000, 0)] },
};

describe('segmentCoverage on a straight east–west segment', () => {
  const CASES: [why: string, fix: TrackFix, sections: number[]][] = [
    ['10 m north of the middle of section 2', fix(125, 10), [2]],
    ['15 m south of the middle of section 3', fix(175, -15), [3]],
    ['on the boundary of sections 9 and 10: both', fix(500, 0), [9, 10]],
    ['15 m before the start: section 0', fix(-15, 0), [0]],
    ['10 m past the end, 5 m north: section 19 (11.2 m away)', fix(1010, 5), [19]],
    ['25 m off the line: outside the half-width', fix(725, 25), []],
    ['an invalid fix counts for nothing', fix(825, 0, false), []],
  ];
  for (const [why, f, sections] of CASES) {
    it(why, () => assert.deepEqual(visitedOf(segmentCoverage(STRAIGHT, [f]).visitedMask), sections));
  }

  it('gives the ratio of visited sub-sections to all', () => {
    const fixes = CASES.map(([, f]) => f);
    fixes.push(fix(925, 0, true, T + 86_400_000)); // the next day, outside the window
    const window = { from: T - 3_600_000, to: T + 3_600_000 };
    const coverage = segmentCoverage(STRAIGHT, fixes, { window });
    assert.deepEqual(
      { ...coverage, visitedMask: visitedOf(coverage.visitedMask) },
      { segmentId: 'seg-east-west', ratio: 0.3, visited: 6, sections: 20, visitedMask: [0, 2, 3, 9, 10, 19] },
    );
    assert.equal(segmentCoverage(STRAIGHT, fixes).visited, 7, 'without a window the next day counts');
  });

  it('is 0 with no fixes, 1 when the boat runs the whole line', () => {
    assert.equal(segmentCoverage(STRAIGHT, []).ratio, 0);
    const run = Array.from({ length: 101 }, (_, i) => fix(i * 10, 3));
    assert.equal(segmentCoverage(STRAIGHT, run).ratio, 1);
  });
});

describe('sectionLine', () => {
  const near = (a: [number, number], b: [number, number]) =>
    Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9;

  it('cuts along the line, across bends, with a shorter last piece', () => {
    const geometry: LineGeometry = {
      type: 'LineString',
      coordinates: [position(0, 0), position(30, 0), position(30, 40)],
    };
    const { sections } = sectionLine(geometry, 10, 50);
    assert.deepEqual(
      sections.map((s) => [s.part, Math.round(s.fromM * 1000) / 1000, Math.round(s.toM * 1000) / 1000]),
      [
        [0, 0, 50],
        [0, 50, 70],
      ],
    );
    const expected = [
      [position(0, 0), position(30, 0), position(30, 20)],
      [position(30, 20), position(30, 40)],
    ];
    for (const [i, s] of sections.entries()) {
      assert.equal(s.coordinates.length, expected[i]?.length);
      for (const [j, c] of s.coordinates.entries()) {
        assert.ok(near(c, expected[i]?.[j] as [number, number]), `section ${i} point ${j}`);
      }
    }
  });

  it('numbers the sub-sections of a MultiLineString part after part', () => {
    const segment: CoverageSegment = {
      id: 'seg-two-arms',
      halfWidthM: 20,
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [position(0, 0), position(1000, 0)],
          [position(2000, 0), position(2000, 120)],
        ],
      },
    };
    const line = sectionLine(segment.geometry, segment.halfWidthM);
    assert.deepEqual(
      line.sections.slice(19).map((s) => [s.part, Math.round(s.fromM), Math.round(s.toM)]),
      [
        [0, 950, 1000],
        [1, 0, 50],
        [1, 50, 100],
        [1, 100, 120],
      ],
    );
    // 14.1 m from the arm's north end: the last sub-section only (the one before is 31.6 m away).
    const coverage = segmentCoverage(segment, [fix(1990, 130), fix(10, 0)]);
    assert.deepEqual(visitedOf(coverage.visitedMask), [0, 22]);
    assert.equal(coverage.sections, 23);
    assert.equal(coverage.ratio, 2 / 23);
  });
});

describe('segmentBuffer', () => {
  const onSegment = segmentBuffer([sectionLine(STRAIGHT.geometry, 20)]);
  const CASES: [x: number, y: number, on: boolean][] = [
    [500, 0, true],
    [500, 19, true],
    [500, -21, false],
    [-19, 0, true],
    [1030, 0, false],
  ];
  for (const [x, y, on] of CASES) {
    it(`(${x} m, ${y} m) is ${on ? 'on' : 'off'} the segment`, () => {
      const p = at(x, y);
      assert.equal(onSegment(p.lat, p.lon), on);
    });
  }
});

describe('combinedCoverage', () => {
  it('pools the sub-sections of a day’s segments', () => {
    const a = { segmentId: 'a', ratio: 0.5, visited: 10, sections: 20, visitedMask: [] };
    const b = { segmentId: 'b', ratio: 1, visited: 5, sections: 5, visitedMask: [] };
    assert.equal(combinedCoverage([a, b]), 15 / 25);
    assert.equal(combinedCoverage([]), null);
  });
});
