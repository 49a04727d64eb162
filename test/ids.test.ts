// Ids (src/ids.ts): UUIDv7 minted from a pool of random bytes, still time-ordered and unique.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newId } from '../src/ids.ts';

describe('newId', () => {
  it('mints RFC 9562 version-7 ids carrying the current millisecond', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const msecs = Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);
    assert.ok(msecs >= before && msecs <= after, `${msecs} not within [${before}, ${after}]`);
  });

  it('keeps 20,000 ids made in a burst unique and in creation order across pool refills', () => {
    // 20,000 ids draw 320,000 random bytes: the 4 KB pool is refilled about 78 times.
    const ids = Array.from({ length: 20_000 }, () => newId());
    assert.equal(new Set(ids).size, ids.length);
    const sorted = [...ids].sort();
    assert.deepEqual(ids, sorted);
  });

  it('does not repeat the random tail between consecutive ids', () => {
    const tails = new Set(Array.from({ length: 1000 }, () => newId().slice(-12)));
    assert.equal(tails.size, 1000);
  });
});
