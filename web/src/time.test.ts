import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDateTime, formatTime, shanghaiDay, shanghaiDayRange } from './time.ts';

describe('Asia/Shanghai times', () => {
  it('shows an ISO UTC instant as Shanghai wall time', () => {
    assert.equal(formatDateTime('2026-03-02T01:00:00Z'), '2026-03-02 09:00:00');
    assert.equal(formatDateTime('2026-03-02T16:30:05.250Z'), '2026-03-03 00:30:05');
    assert.equal(formatTime('2026-03-02T16:30:05Z'), '00:30:05');
  });

  it('shows a dash for a missing or unreadable time', () => {
    assert.equal(formatDateTime(null), '—');
    assert.equal(formatDateTime('not a time'), '—');
  });

  it('finds the Shanghai day and its UTC bounds', () => {
    assert.equal(shanghaiDay('2026-03-02T15:59:59Z'), '2026-03-02');
    assert.equal(shanghaiDay('2026-03-02T16:00:00Z'), '2026-03-03');
    assert.deepEqual(shanghaiDayRange('2026-03-02'), {
      from: '2026-03-01T16:00:00.000Z',
      to: '2026-03-02T15:59:59.999Z',
    });
  });
});
