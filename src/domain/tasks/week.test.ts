import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { beijingWeekday, isoWeekOf, lastCompleteWeek, previousWeek, weekRange } from './week.ts';

const bj = (local: string) => Date.parse(`${local}+08:00`);

/** instant (Beijing time), its ISO week, why. */
const WEEKS: [string, string, string][] = [
  ['2026-05-25T00:00:00', '2026-W22', 'Monday 25 May opens W22'],
  ['2026-05-31T23:59:59', '2026-W22', 'Sunday 31 May closes it'],
  ['2026-06-01T00:00:00', '2026-W23', 'Monday 1 June is the next week'],
  ['2026-05-24T23:59:59', '2026-W21', 'the Sunday before'],
  ['2026-01-01T12:00:00', '2026-W01', '1 January 2026 is a Thursday: week 1'],
  ['2025-12-29T00:00:00', '2026-W01', 'its Monday lies in 2025'],
  ['2027-01-01T12:00:00', '2026-W53', '2026 has 53 weeks: Friday 1 January 2027 is in its last'],
  ['2027-01-04T00:00:00', '2027-W01', 'Monday 4 January 2027 opens 2027-W01'],
  ['2021-01-03T12:00:00', '2020-W53', 'a Sunday in January in the year before'],
];

describe('ISO weeks in Beijing time', () => {
  for (const [local, week, why] of WEEKS) {
    it(`${local} is in ${week}: ${why}`, () => assert.equal(isoWeekOf(bj(local)), week));
  }

  it('keeps the Beijing date, not the UTC one: Sunday 16:30 UTC is Monday in Beijing', () => {
    assert.equal(isoWeekOf(Date.parse('2026-05-31T16:30:00Z')), '2026-W23');
    assert.equal(beijingWeekday(Date.parse('2026-05-31T16:30:00Z')), 1);
    assert.equal(beijingWeekday(bj('2026-05-30T20:00:00')), 6);
  });

  it('2026-W22 is 25–31 May 2026, Monday 00:00 to the next Monday 00:00, Beijing time', () => {
    assert.deepEqual(weekRange('2026-W22'), {
      week: '2026-W22',
      from: bj('2026-05-25T00:00:00'),
      to: bj('2026-06-01T00:00:00'),
    });
  });

  it('names the last week that has ended: the one before, even late on a Sunday, and across a new year', () => {
    assert.equal(lastCompleteWeek(bj('2026-06-01T00:00:00')), '2026-W22');
    assert.equal(lastCompleteWeek(bj('2026-05-31T23:59:59')), '2026-W21');
    assert.equal(lastCompleteWeek(bj('2027-01-05T09:00:00')), '2026-W53');
  });

  it('refuses weeks that do not exist', () => {
    assert.equal(weekRange('2026-W54'), undefined);
    assert.equal(weekRange('2025-W53'), undefined);
    assert.equal(weekRange('2026-W00'), undefined);
    assert.equal(weekRange('2026-22'), undefined);
    assert.ok(weekRange('2026-W53'));
  });

  it('counts the week before across a year', () => {
    assert.equal(previousWeek('2026-W22'), '2026-W21');
    assert.equal(previousWeek('2027-W01'), '2026-W53');
    assert.equal(previousWeek('2026-W01'), '2025-W52');
  });
});
