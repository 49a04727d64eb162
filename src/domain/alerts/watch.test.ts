import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCalendar } from '../calendar/cn-2026.ts';
import { shiftsOn } from '../fleet/index.ts';
import { checkRuleParams } from './rules.ts';
import {
  type AlertContext,
  type AlertFix,
  AlertWatch,
  alarmsOf,
  type EpisodeChange,
  type WatchedRule,
} from './watch.ts';

const bj = (local: string): number => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
const iso = (local: string) => new Date(bj(local)).toISOString();
/** 0.0001° of latitude ≈ 11.1 m: the river runs east along 31.30° N from 120.90° to 120.92°. */
const NORTH_M = 11.1;
const RIVER = {
  id: 'seg',
  halfWidthM: 30,
  geometry: {
    type: 'LineString' as const,
    coordinates: [
      [120.9, 31.3],
      [120.92, 31.3],
    ] as [number, number][],
  },
};
const DOCK = { id: 'dock', lat: 31.3, lon: 120.9, radiusM: 50 };
const DAY_SHIFT = [{ from: bj('2026-03-02 06:30'), to: bj('2026-03-02 17:30') }];

function ctx(shifts = DAY_SHIFT): AlertContext {
  return { shifts, segments: [RIVER], docks: [DOCK], stopRadiusM: 50 };
}

/** A fix at a Beijing time, `northM` metres north of the river at `lon`. */
function at(local: string | number, northM = 0, lon = 120.91, extra: Partial<AlertFix> = {}): AlertFix {
  return {
    time: typeof local === 'number' ? local : bj(local),
    lat: 31.3 + northM / NORTH_M / 10_000,
    lon,
    speedKmh: 5,
    valid: true,
    alarms: [],
    ...extra,
  };
}

/** Local "HH:MM" + seconds offset, as a Beijing time on 2 March 2026. */
function t(hhmm: string, plusS = 0): string {
  const ms = bj(`2026-03-02 ${hhmm}`) + plusS * 1000;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Feeds fixes (and clock ticks, as numbers) and returns the changes with times as ISO strings. */
function run(rule: WatchedRule, steps: (AlertFix | number)[], context = ctx()) {
  const watch = new AlertWatch(rule, context);
  const out: Record<string, unknown>[] = [];
  for (const step of steps) {
    const changes: EpisodeChange[] = typeof step === 'number' ? watch.clock(step) : watch.fix(step);
    for (const c of changes) {
      out.push(
        c.type === 'open'
          ? { open: new Date(c.startedAt).toISOString(), at: new Date(c.at).toISOString(), lat: c.lat }
          : { end: new Date(c.endedAt).toISOString() },
      );
    }
  }
  return out;
}

const rule = (kind: WatchedRule['kind'], params: Record<string, unknown>): WatchedRule => ({
  kind,
  params: checkRuleParams(kind, params),
});

/** One fix a minute from `from` for `n` minutes, `northM` north of the river. */
function minutes(from: string, n: number, northM: number): AlertFix[] {
  return Array.from({ length: n }, (_, i) => at(t(from, i * 60), northM));
}

describe('outOfSegment', () => {
  const out10 = rule('outOfSegment', { minutes: 10, marginM: 10 });

  it('opens once, at the first offending fix, when the drift has lasted 10 minutes; ends at the first fix back', () => {
    const fixes = [...minutes('09:00', 5, 0), ...minutes('09:05', 15, 80), ...minutes('09:20', 5, 0)];
    assert.deepEqual(run(out10, fixes), [
      { open: iso('2026-03-02 09:05'), at: iso('2026-03-02 09:15'), lat: fixes[5]?.lat },
      { end: iso('2026-03-02 09:20') },
    ]);
  });

  it('a drift of 9 minutes raises nothing; neither does one noisy fix far outside', () => {
    assert.deepEqual(run(out10, [...minutes('09:00', 9, 80), ...minutes('09:09', 3, 0)]), []);
    assert.deepEqual(run(out10, [at(t('09:00')), at(t('09:01'), 500), at(t('09:12'), 0)]), []);
  });

  it('the margin counts: 35 m off the centre line (half-width 30 + margin 10) is inside', () => {
    assert.deepEqual(run(out10, minutes('09:00', 20, 35)), []);
    assert.equal(run(out10, minutes('09:00', 20, 45)).length, 1);
  });

  it('two drifts are two episodes', () => {
    const fixes = [
      ...minutes('09:00', 12, 80),
      ...minutes('09:12', 2, 0),
      ...minutes('10:00', 11, 80),
      at(t('10:11')),
    ];
    assert.deepEqual(
      run(out10, fixes).map((c) => Object.keys(c)[0]),
      ['open', 'end', 'open', 'end'],
    );
  });

  it('counts only inside the shift: a drift before 06:30 starts counting at 06:30; the episode ends with the shift', () => {
    const early = [...minutes('06:20', 25, 80)];
    assert.deepEqual(run(out10, early), [
      { open: iso('2026-03-02 06:30'), at: iso('2026-03-02 06:40'), lat: early[10]?.lat },
    ]);
    const late = [...minutes('17:15', 25, 80)];
    assert.deepEqual(run(out10, late), [
      { open: iso('2026-03-02 17:15'), at: iso('2026-03-02 17:25'), lat: late[0]?.lat },
      { end: iso('2026-03-02 17:30') },
    ]);
  });

  it('a shift across midnight (22:00–06:00) is one shift: a drift from 23:55 to 00:10 is one episode', () => {
    const plan = {
      weekly: [{ weekday: 1, start: '22:00', end: '06:00' }],
      exceptions: [],
      followsCalendar: false,
    };
    const shifts = shiftsOn(plan, '2026-03-02', defaultCalendar());
    const fixes = Array.from({ length: 20 }, (_, i) => at(t('23:55', i * 60), 80));
    assert.deepEqual(run(out10, fixes, ctx(shifts)), [
      { open: iso('2026-03-02 23:55'), at: iso('2026-03-03 00:05'), lat: fixes[0]?.lat },
    ]);
  });

  it('an older fix than the last one seen (history, a blind-spot replay) is ignored', () => {
    const watch = new AlertWatch(out10, ctx());
    watch.fix(at(t('12:00')));
    const replay = minutes('09:00', 20, 80).flatMap((f) => watch.fix(f));
    assert.deepEqual(replay, []);
  });
});

describe('idle', () => {
  const idle30 = rule('idle', { minutes: 30 });
  it('a stop of 30 minutes away from any dock opens; moving on ends it', () => {
    const fixes = [...minutes('09:00', 31, 0), at(t('09:31'), 0, 120.915)];
    assert.deepEqual(run(idle30, fixes), [
      { open: iso('2026-03-02 09:00'), at: iso('2026-03-02 09:30'), lat: fixes[0]?.lat },
      { end: iso('2026-03-02 09:31') },
    ]);
  });
  it('moored at the dock for hours raises nothing; 29 minutes mid-river neither', () => {
    const dock = Array.from({ length: 120 }, (_, i) => at(t('09:00', i * 60), 0, 120.9));
    assert.deepEqual(run(idle30, dock), []);
    assert.deepEqual(run(idle30, [...minutes('09:00', 30, 0), at(t('09:30'), 0, 120.915)]), []);
  });
});

describe('overspeed', () => {
  const s20 = (hhmm: string) => new Date(bj(`2026-03-02 ${hhmm}`) + 20_000).toISOString();
  const fast = rule('overspeed', { speedKmh: 15, seconds: 60 });
  const speeds = (list: number[]) =>
    list.map((v, i) => at(bj('2026-03-02 09:00') + i * 20_000, 0, 120.91, { speedKmh: v }));
  it('above 15 km/h for 60 s opens once; slowing down ends it', () => {
    assert.deepEqual(run(fast, speeds([5, 20, 20, 20, 20, 20, 8])), [
      { open: s20('09:00'), at: s20('09:01'), lat: 31.3 },
      { end: new Date(bj('2026-03-02 09:02')).toISOString() },
    ]);
  });
  it('one fast fix (a GPS spike) raises nothing', () => {
    assert.deepEqual(run(fast, speeds([5, 90, 5, 5])), []);
  });
});

describe('deviceAlarm', () => {
  it('SOS opens at its first fix and ends when the bit clears; a power-cut rule ignores it', () => {
    const fixes = [
      at(t('09:00')),
      at(t('09:01'), 0, 120.91, { alarms: ['sos'] }),
      at(t('09:02'), 0, 120.91, { alarms: ['sos'] }),
      at(t('09:03')),
    ];
    assert.deepEqual(run(rule('deviceAlarm', { bits: ['sos'] }), fixes), [
      { open: iso('2026-03-02 09:01'), at: iso('2026-03-02 09:01'), lat: 31.3 },
      { end: iso('2026-03-02 09:03') },
    ]);
    assert.deepEqual(run(rule('deviceAlarm', { bits: ['powerCut'] }), fixes), []);
  });
  it('reads JT/T 808 alarm bits and GT06 alarm names', () => {
    assert.deepEqual(alarmsOf({ alarm: 0b1_1000_0001 }), ['sos', 'lowVoltage', 'powerCut']);
    assert.deepEqual(alarmsOf({ alarm: 'powerCut' }), ['powerCut']);
    assert.deepEqual(alarmsOf({ alarm: 0 }), []);
  });
});

describe('offline', () => {
  const off15 = rule('offline', { minutes: 15 });
  it('no fix for 15 minutes in the shift opens at the last fix; the next fix ends it', () => {
    assert.deepEqual(
      run(off15, [
        at(t('09:00')),
        bj('2026-03-02 09:14'),
        bj('2026-03-02 09:15'),
        bj('2026-03-02 09:20'),
        at(t('09:30')),
      ]),
      [
        { open: iso('2026-03-02 09:00'), at: iso('2026-03-02 09:15'), lat: 31.3 },
        { end: iso('2026-03-02 09:30') },
      ],
    );
  });
  it('silent before the shift counts from the shift start; after the shift nothing opens and an open one ends', () => {
    assert.deepEqual(run(off15, [at(t('05:00')), bj('2026-03-02 06:40'), bj('2026-03-02 06:45')]), [
      { open: iso('2026-03-02 06:30'), at: iso('2026-03-02 06:45'), lat: 31.3 },
    ]);
    assert.deepEqual(
      run(off15, [at(t('17:00')), bj('2026-03-02 17:20'), bj('2026-03-02 18:00'), bj('2026-03-02 19:00')]),
      [
        { open: iso('2026-03-02 17:00'), at: iso('2026-03-02 17:20'), lat: 31.3 },
        { end: iso('2026-03-02 17:30') },
      ],
    );
  });
});

describe('lateStart', () => {
  const late30 = rule('lateStart', { minutes: 30 });
  it('not moving 30 minutes after the shift start opens once; setting off ends it', () => {
    const moored = Array.from({ length: 40 }, (_, i) => at(t('06:25', i * 60), 0, 120.9));
    assert.deepEqual(run(late30, [...moored, at(t('07:05'), 0, 120.905)]), [
      { open: iso('2026-03-02 07:00'), at: iso('2026-03-02 07:00'), lat: 31.3 },
      { end: iso('2026-03-02 07:05') },
    ]);
  });
  it('setting off at 06:45 raises nothing, and the clock alone raises it for a silent boat', () => {
    const early = [at(t('06:30'), 0, 120.9), at(t('06:45'), 0, 120.905), at(t('07:10'), 0, 120.91)];
    assert.deepEqual(run(late30, early), []);
    assert.deepEqual(
      run(late30, [
        at(t('06:00'), 0, 120.9),
        bj('2026-03-02 06:59'),
        bj('2026-03-02 07:00'),
        bj('2026-03-02 07:30'),
      ]),
      [{ open: iso('2026-03-02 07:00'), at: iso('2026-03-02 07:00'), lat: 31.3 }],
    );
  });
});

describe('lateStart, a start it was not watching', () => {
  it('first seeing the boat after the start’s deadline (the server started late) raises nothing that shift', () => {
    const late30 = rule('lateStart', { minutes: 30 });
    assert.deepEqual(
      run(late30, [at(t('07:10'), 0, 120.9), bj('2026-03-02 07:30'), at(t('07:40'), 0, 120.9)]),
      [],
    );
    assert.deepEqual(run(late30, [bj('2026-03-02 07:05'), bj('2026-03-02 07:30')]), []);
    // Watching from before the deadline, the same silence is late.
    assert.deepEqual(run(late30, [bj('2026-03-02 06:59'), bj('2026-03-02 07:30')]).length, 1);
  });
});

describe('lowCoverage', () => {
  const cov = rule('lowCoverage', { ratio: 0.9 });
  const along = (toLon: number) =>
    Array.from({ length: 41 }, (_, i) => at(t('08:00', i * 60), 0, 120.9 + ((toLon - 120.9) * i) / 40));
  it('half the river by the shift end opens an episode that is over at once', () => {
    assert.deepEqual(run(cov, [...along(120.91), bj('2026-03-02 17:30')]), [
      { open: iso('2026-03-02 17:30'), at: iso('2026-03-02 17:30'), lat: 31.3 },
      { end: iso('2026-03-02 17:30') },
    ]);
  });
  it('the whole river raises nothing; neither does the clock before the shift end', () => {
    assert.deepEqual(run(cov, [...along(120.92), bj('2026-03-02 17:29'), bj('2026-03-02 17:30')]), []);
    assert.deepEqual(run(cov, [...along(120.91), bj('2026-03-02 17:29')]), []);
  });
});

describe('rule parameters', () => {
  it('name the field at fault', () => {
    assert.throws(() => checkRuleParams('idle', { minutes: 0 }), { field: 'params.minutes' });
    assert.throws(() => checkRuleParams('idle', {}), { field: 'params.minutes' });
    assert.throws(() => checkRuleParams('lowCoverage', { ratio: 1.5 }), { field: 'params.ratio' });
    assert.throws(() => checkRuleParams('overspeed', { speedKmh: 10, minutes: 3 }), {
      field: 'params.minutes',
    });
    assert.throws(() => checkRuleParams('deviceAlarm', { bits: ['fire'] }), { field: 'params.bits' });
    assert.deepEqual(checkRuleParams('outOfSegment', { minutes: 1 }), { minutes: 1, marginM: 0 });
  });
});
