import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localDayWindow } from './day.ts';
import type { Dock } from './docks.ts';
import { type LineGeometry, sectionLine, segmentBuffer } from './segment-geometry.ts';
import { at, beijing, position, TrackBuilder } from './test-tracks.ts';
import { analyseTrack } from './trips.ts';
import { stopKind, type WorkRestInput, workRest } from './work-rest.ts';

const D = '2026-03-10';
const t = (hhmmss: string) => beijing(D, hhmmss);

/** The segment runs 3 km due east along y = 0 (40 m half-width); the dock lies 120 m south of its west end. */
const SEGMENT: LineGeometry = { type: 'LineString', coordinates: [position(0, 0), position(3000, 0)] };
const DOCK: Dock = { id: 'dock-west', ...at(0, -120), radiusM: 60 };
const onSegment = segmentBuffer([sectionLine(SEGMENT, 40)]);

/** Back and forth between x = 0 and x = 3000 along the segment, `rounds` times. */
function patrol(b: TrackBuilder, rounds: number): TrackBuilder {
  for (let r = 0; r < rounds; r++) b.moveTo(3000, 0, 60).moveTo(0, 0, 60);
  return b;
}

/**
 * A boat's Tuesday, 30-s fixes, 60 m apart when moving (7.2 km/h); shift 06:30–17:30.
 * 06:00–07:00 moored at the dock; 07:00–07:11 out to the segment and 1200 m east (1320 m);
 * 07:11–07:31 a 20-min stop mid-river (rest); 07:31–07:36 600 m on; 07:36–07:41 a 5-min stop
 * (work); 07:41–12:00 cleaning, 31,080 m, back to the dock; 12:00–13:00 moored (rest);
 * 13:00–17:30 cleaning, 32,400 m, back to the dock; 17:30–18:00 moored (off duty);
 * 18:00–18:06 720 m out to x = 600 (moving off duty); stopped there until the last fix at 18:30.
 */
function constructedDay(): TrackBuilder {
  const b = new TrackBuilder(t('06:00:00'), 30, 0, -120).moor(3600);
  b.moveTo(0, 0, 60).moveTo(1200, 0, 60).moor(1200).moveTo(1800, 0, 60).moor(300);
  b.moveTo(3000, 0, 60).moveTo(0, 0, 60);
  patrol(b, 4).moveTo(1380, 0, 60).moveTo(0, 0, 60).moveTo(0, -120, 60).moor(3600);
  patrol(b.moveTo(0, 0, 60), 5)
    .moveTo(1080, 0, 60)
    .moveTo(0, 0, 60)
    .moveTo(0, -120, 60)
    .moor(1800);
  return b.moveTo(0, 0, 60).moveTo(600, 0, 60).moor(1440);
}

function input(overrides: Partial<WorkRestInput> = {}): WorkRestInput {
  return {
    track: analyseTrack(constructedDay().fixes),
    window: localDayWindow(D),
    duty: [{ from: t('06:30:00'), to: t('17:30:00') }],
    docks: [DOCK],
    onSegment,
    ...overrides,
  };
}

describe('workRest on a constructed day', () => {
  it('cuts the day into the stops and trips described', () => {
    const { stops, trips } = input().track;
    const clock = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16);
    assert.deepEqual(
      stops.map((s) => `${clock(s.start)}–${clock(s.end)} ${stopKind(s, 600, [DOCK], onSegment).kind}`),
      [
        '06:00–07:00 rest',
        '07:11–07:31 rest',
        '07:36–07:41 work',
        '12:00–13:00 rest',
        '17:30–18:00 rest',
        '18:06–18:30 rest',
      ],
    );
    assert.deepEqual(
      trips.map((s) => `${clock(s.start)}–${clock(s.end)} ${Math.round(s.distanceM)} m`),
      [
        '07:00–07:11 1320 m',
        '07:31–07:36 600 m',
        '07:41–12:00 31080 m',
        '13:00–17:30 32400 m',
        '18:00–18:06 720 m',
      ],
    );
    assert.equal(stopKind(stops[0] as (typeof stops)[0], 600, [DOCK], onSegment).dockId, 'dock-west');
  });

  it('splits work, rest and off-duty movement', () => {
    const summary = workRest(input());
    const { distanceM, ...times } = summary;
    assert.deepEqual(times, {
      // 07:00–07:11, 07:31–07:36, the 5-min stop, 07:41–12:00 and 13:00–17:30
      workS: 660 + 300 + 300 + 15_540 + 16_200,
      // the dock 06:30–07:00, the 20-min stop, the dock 12:00–13:00
      restS: 1800 + 1200 + 3600,
      noDataS: 0,
      offDutyMovingS: 360,
      movingS: 660 + 300 + 15_540 + 16_200 + 360,
      stoppedS: 3600 + 1200 + 300 + 3600 + 1800 + 1440,
      firstMoveAt: t('07:00:00'),
      lastStopAt: t('18:06:00'),
    });
    assert.equal(summary.workS + summary.restS, 11 * 3600, 'the whole shift, since data covers it');
    assert.ok(Math.abs(distanceM - 66_120) < 2, `${distanceM} m`);
  });

  it('counts a 20-min gap on duty as no data, neither work nor rest, and adds no distance across it', () => {
    const fixes = constructedDay().fixes.filter((f) => f.time <= t('14:00:00') || f.time >= t('14:20:00'));
    const summary = workRest(input({ track: analyseTrack(fixes) }));
    assert.equal(summary.noDataS, 1200);
    assert.equal(summary.workS, 33_000 - 1200);
    assert.equal(summary.restS, 6600);
    assert.equal(summary.movingS, 33_060 - 1200);
    assert.ok(Math.abs(summary.distanceM - (66_120 - 2400)) < 2, `${summary.distanceM} m`);
  });

  it('clips to the window and prorates nothing it does not see', () => {
    const summary = workRest(input({ window: { from: t('12:30:00'), to: t('13:30:00') } }));
    assert.equal(summary.restS, 1800);
    assert.equal(summary.workS, 1800);
    assert.ok(Math.abs(summary.distanceM - 3600) < 0.2, `${summary.distanceM} m`);
    assert.equal(summary.firstMoveAt, t('13:00:00'));
    assert.equal(summary.lastStopAt, null, 'the dock stop began before the window');
  });

  it('counts nothing as work or rest on a day off; all movement is off-duty movement', () => {
    const summary = workRest(input({ duty: [] }));
    assert.deepEqual([summary.workS, summary.restS, summary.noDataS], [0, 0, 0]);
    assert.equal(summary.offDutyMovingS, summary.movingS);
  });

  it('counts nothing after the last fix nor before the first', () => {
    const fixes = constructedDay().fixes.filter((f) => f.time >= t('08:00:00') && f.time <= t('09:00:00'));
    const summary = workRest(input({ track: analyseTrack(fixes) }));
    assert.deepEqual([summary.workS, summary.restS, summary.noDataS], [3600, 0, 0]);
  });
});
