import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { beijingDayStart, boatsOnDuty, boatsOut, lastWeeks, ratePercent } from './model.ts';

describe('dashboard model', () => {
  it('starts the Beijing day at 16:00 UTC the day before', () => {
    assert.equal(
      new Date(beijingDayStart(Date.parse('2026-03-02T02:30:00Z'))).toISOString(),
      '2026-03-01T16:00:00.000Z',
    );
    assert.equal(
      new Date(beijingDayStart(Date.parse('2026-03-01T17:00:00Z'))).toISOString(),
      '2026-03-01T16:00:00.000Z',
    );
  });

  it('cuts 12 Beijing weeks from Monday, the last one running to now', () => {
    // Wednesday 4 March 2026, 10:00 in Beijing.
    const now = Date.parse('2026-03-04T02:00:00Z');
    const weeks = lastWeeks(now, 12);
    assert.equal(weeks.length, 12);
    assert.deepEqual(weeks.at(-1), {
      from: '2026-03-01T16:00:00.000Z',
      to: '2026-03-04T02:00:00.000Z',
      label: '03-02',
    });
    assert.deepEqual(weeks[0], {
      from: '2025-12-14T16:00:00.000Z',
      to: '2025-12-21T16:00:00.000Z',
      label: '12-15',
    });
  });

  it('counts a boat out once whatever its terminals, and only boats', () => {
    const boats = new Set(['b1', 'b2']);
    const devices = [
      { assetId: 'b1', status: 'online' as const },
      { assetId: 'b1', status: 'online' as const },
      { assetId: 'b2', status: 'offline' as const },
      { assetId: null, status: 'online' as const },
    ];
    assert.equal(boatsOut(devices, boats), 1);
  });

  it('counts boats on duty whose interval holds now', () => {
    const now = Date.parse('2026-03-02T02:30:00Z');
    const boat = (from: string, to: string) => ({ intervals: [{ from, to }] }) as never;
    const duty = {
      boats: [
        boat('2026-03-01T22:30:00Z', '2026-03-02T09:30:00Z'),
        boat('2026-03-02T03:00:00Z', '2026-03-02T09:30:00Z'),
        { intervals: [] } as never,
      ],
    };
    assert.equal(boatsOnDuty(duty, now), 1);
  });

  it('shows rates with one decimal, a dash without cases', () => {
    assert.equal(ratePercent(0.875), '87.5%');
    assert.equal(ratePercent(null), '—');
  });
});
