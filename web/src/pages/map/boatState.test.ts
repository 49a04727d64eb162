import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boatState, displayName, fixAge } from './boatState.ts';

describe('boat state', () => {
  it('is offline, stopped or moving by status and speed', () => {
    assert.equal(boatState('offline', 8), 'offline');
    assert.equal(boatState('online', 0.4), 'stopped');
    assert.equal(boatState('online', null), 'stopped');
    assert.equal(boatState('online', 5), 'moving');
  });

  it('drops the repeated 北斗终端 from a name', () => {
    assert.equal(displayName('清波1号北斗终端'), '清波1号');
    assert.equal(displayName('清波2号'), '清波2号');
  });

  it('gives a fix’s age in minutes, hours or days', () => {
    const now = Date.parse('2026-03-02T02:30:00Z');
    assert.deepEqual(fixAge('2026-03-02T02:25:00Z', now), { unit: 'min', n: 5 });
    assert.deepEqual(fixAge('2026-03-02T00:00:00Z', now), { unit: 'h', n: 2 });
    assert.deepEqual(fixAge('2026-02-20T00:00:00Z', now), { unit: 'd', n: 10 });
  });
});
