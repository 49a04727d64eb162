import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitWithin, PHOTO_MAX_SIDE } from './photoCompression.ts';

describe('photo compression sizing', () => {
  it('scales a 12 MP phone photo down to 1600 px on its longest side, keeping the aspect', () => {
    assert.deepEqual(fitWithin(4000, 3000), { width: 1600, height: 1200 });
    assert.deepEqual(fitWithin(3024, 4032), { width: 1200, height: 1600 });
  });

  it('never scales up a small photo', () => {
    assert.deepEqual(fitWithin(800, 600), { width: 800, height: 600 });
    assert.deepEqual(fitWithin(PHOTO_MAX_SIDE, 10), { width: PHOTO_MAX_SIDE, height: 10 });
  });

  it('keeps a very thin panorama at least a pixel high', () => {
    assert.deepEqual(fitWithin(20000, 5), { width: 1600, height: 1 });
  });
});
