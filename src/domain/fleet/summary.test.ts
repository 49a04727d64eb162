import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localDayWindow } from './day.ts';
import type { LineGeometry } from './segment-geometry.ts';
import { TRACK_DEFAULTS } from './settings.ts';
import { summariseDay } from './summary.ts';
import { at, beijing, position, TrackBuilder } from './test-tracks.ts';

const D = '2026-03-10';
const t = (hhmm: string) => beijing(D, `${hhmm}:00`);
/** 1000 m due east (30 m half-width): 20 sub-sections of 50 m. */
const SEGMENT: LineGeometry = { type: 'LineString', coordinates: [position(0, 0), position(1000, 0)] };

/** 07:00–07:20 moored at the dock (x = 0), 07:20–07:30 1000 m east (100 m a minute), moored 07:30–07:40, back by 07:50. */
function day(): TrackBuilder {
  return new TrackBuilder(t('07:00'), 60).moor(1200).moveTo(1000, 0, 100).moor(600).moveTo(0, 0, 100);
}

describe('summariseDay', () => {
  const base = {
    date: D,
    window: localDayWindow(D),
    settings: TRACK_DEFAULTS.boat,
    docks: [{ id: 'dock', ...at(0, 0), radiusM: 40 }],
    segments: [{ id: 'seg', geometry: SEGMENT, halfWidthM: 30 }],
    unloads: { count: 1, tonnes: 0.8 },
  };

  it('composes trips, stops, the work/rest split with duty, coverage and unloads', () => {
    const s = summariseDay({
      ...base,
      fixes: day().fixes,
      duty: { source: 'clock', intervals: [{ from: t('07:00'), to: t('17:00') }] },
    });
    assert.deepEqual(
      [s.trips, s.stops, s.movingS, s.stoppedS, s.workS, s.restS, s.noDataS],
      // The 10-minute stop at the far end is on the segment but as long as restMinS: rest.
      [2, 2, 1200, 1800, 1200, 1800, 0],
    );
    assert.ok(Math.abs(s.distanceM - 2000) < 1, `${s.distanceM}`);
    assert.deepEqual([s.firstMoveAt, s.lastStopAt], [t('07:20'), t('07:30')]);
    assert.deepEqual(s.coverage, [{ segmentId: 'seg', ratio: 1, visited: 20, sections: 20 }]);
    assert.equal(s.combinedCoverage, 1);
    assert.deepEqual(s.unloads, { count: 1, tonnes: 0.8 });
    assert.deepEqual(s.duty, { onDutyFrom: t('07:00'), onDutyTo: t('17:00'), source: 'clock' });
  });

  it('gives no combined coverage on a day off duty, and counts movement as off-duty', () => {
    const s = summariseDay({ ...base, fixes: day().fixes, duty: { source: 'derived', intervals: [] } });
    assert.deepEqual([s.workS, s.restS, s.offDutyMovingS, s.combinedCoverage], [0, 0, 1200, null]);
    assert.equal(s.coverage[0]?.visited, 20);
    assert.deepEqual(s.duty, { onDutyFrom: null, onDutyTo: null, source: 'derived' });
  });

  it('leaves out fixes of other days', () => {
    const s = summariseDay({
      ...base,
      date: '2026-03-11',
      window: localDayWindow('2026-03-11'),
      fixes: day().fixes,
      duty: { source: 'derived', intervals: [] },
    });
    assert.deepEqual([s.trips, s.stops, s.distanceM, s.movingS, s.coverage[0]?.visited], [0, 0, 0, 0, 0]);
  });
});
