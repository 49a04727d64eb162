import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseShift, shiftOfWeekly, shiftStartedAgo, shiftWindowAt } from './shift.ts';

const at = (iso: string) => Date.parse(iso);

it('parses day and night shifts in local time', () => {
  assert.deepEqual(parseShift('06:30-17:30'), { startMinute: 390, lengthMinutes: 660 });
  assert.deepEqual(parseShift('22:00-06:00'), { startMinute: 1320, lengthMinutes: 480 });
  for (const bad of ['6-17', '25:00-06:00', '06:00-06:00', '06:61-07:00']) {
    assert.throws(() => parseShift(bad), RangeError, bad);
  }
});

it('puts a 06:30–17:30 China-time shift at 22:30–09:30 UTC', () => {
  const shift = parseShift('06:30-17:30');
  assert.equal(shiftWindowAt(shift, at('2026-03-01T22:29:59Z')), undefined);
  assert.deepEqual(shiftWindowAt(shift, at('2026-03-01T22:30:00Z')), {
    start: at('2026-03-01T22:30:00Z'),
    end: at('2026-03-02T09:30:00Z'),
    day: Math.floor((at('2026-03-02T00:00:00Z') + 8 * 3_600_000) / 86_400_000),
  });
  assert.equal(shiftWindowAt(shift, at('2026-03-02T09:30:00Z')), undefined);
});

it('finds a night shift that started on the previous local day', () => {
  const shift = parseShift('22:00-06:00');
  // 03:00 on 2 March in China is 19:00 UTC on 1 March; the shift began 22:00 local on 1 March.
  const window = shiftWindowAt(shift, at('2026-03-01T19:00:00Z'));
  assert.equal(window?.start, at('2026-03-01T14:00:00Z'));
  assert.equal(window?.end, at('2026-03-01T22:00:00Z'));
});

it('starts a shift a given number of minutes before now', () => {
  const now = at('2026-03-02T13:10:00Z'); // 21:10 in China
  const shift = shiftStartedAgo(now, 30, 600);
  assert.deepEqual(shift, { startMinute: 20 * 60 + 40, lengthMinutes: 600 });
  assert.equal(shiftWindowAt(shift, now)?.start, now - 30 * 60_000);
});

describe('shiftOfWeekly', () => {
  const weekly = [
    { weekday: 1, start: '06:30', end: '17:30' },
    { weekday: 7, start: '22:00', end: '06:00' },
  ];
  it('takes the entry of the local (Beijing) weekday', () => {
    // Monday 7 December 2026, 00:30 in Beijing (Sunday 16:30 UTC).
    assert.deepEqual(shiftOfWeekly(weekly, Date.parse('2026-12-06T16:30:00Z')), {
      startMinute: 390,
      lengthMinutes: 660,
    });
    // Sunday 6 December 2026, 12:00 in Beijing: the night shift.
    assert.deepEqual(shiftOfWeekly(weekly, Date.parse('2026-12-06T04:00:00Z')), {
      startMinute: 1320,
      lengthMinutes: 480,
    });
  });
  it('gives nothing on a day without an entry', () => {
    assert.equal(shiftOfWeekly(weekly, Date.parse('2026-12-08T04:00:00Z')), undefined);
  });
});
