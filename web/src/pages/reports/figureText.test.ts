import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { figureText } from './figureText.ts';

describe('weekly report figures as printed', () => {
  it('shows a rate as a percentage and its change in the points the API gives', () => {
    assert.equal(figureText('closureRate', 0.4615), '46.2%');
    // 75.0% the week before, 46.2% this week: the API says −28.85 points.
    assert.equal(figureText('closureRate', -28.85, true), '−28.9');
    assert.equal(figureText('satisfactionRate', 5, true), '+5.0');
  });

  it('shows a count and its signed difference, and a dash for nothing', () => {
    assert.deepEqual(
      [figureText('registered', 26), figureText('registered', -3, true), figureText('overdueCount', null)],
      ['26', '−3', '—'],
    );
  });
});
