import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { amount, barWidth, percent, signedPoints } from './format.ts';

describe('progress figures as the page shows them', () => {
  it("shows the seed's example as 45.67%, 41.67% and +4.00 points", () => {
    assert.equal(percent(0.4567), '45.67%');
    assert.equal(percent(5 / 12), '41.67%');
    assert.equal(signedPoints((0.4567 - 5 / 12) * 100), '+4.00');
  });

  it('signs a gap behind with a minus, a gap rounding to nothing with none, and dashes what is missing', () => {
    assert.equal(signedPoints(-0.5), '−0.50');
    assert.equal(signedPoints(-0.001), '0.00');
    assert.equal(signedPoints(null), '—');
    assert.equal(percent(null), '—');
    assert.equal(amount(null), '—');
  });

  it('writes amounts as entered and caps bars at their track', () => {
    assert.equal(amount(45.67), '45.67');
    assert.equal(amount(1200.5), '1200.5');
    assert.equal(amount(0.1 + 0.2), '0.3');
    assert.deepEqual([barWidth(0.4567), barWidth(1.2), barWidth(-0.1), barWidth(null)], [45.67, 100, 0, 0]);
  });
});
