import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRed, taskState } from './model.ts';
import { remindersDue, type TaskForReminder } from './push-day.ts';

const bj = (local: string) => Date.parse(`${local}+08:00`);
const SATURDAY = 6;

const task = (id: string, extra: Partial<TaskForReminder> = {}): TaskForReminder => ({
  id,
  ownerUserId: `owner-${id}`,
  deadline: bj('2026-12-31T17:30:00'),
  doneAt: null,
  milestones: [],
  lastNoteAt: null,
  remindedWeek: null,
  ...extra,
});

const TASKS = [
  task('never-noted'),
  task('noted-today', { lastNoteAt: bj('2026-05-30T09:00:00') }),
  task('noted-friday', { lastNoteAt: bj('2026-05-29T16:00:00') }),
  task('done', { doneAt: bj('2026-05-20T10:00:00') }),
  task('overdue', { deadline: bj('2026-05-01T17:30:00') }),
  task('reminded', { remindedWeek: '2026-W22' }),
  task('reminded-last-week', { remindedWeek: '2026-W21' }),
];

/** now (Beijing), push weekday, the tasks reminded, why. */
const CASES: [string, number, string[], string][] = [
  [
    '2026-05-30T18:00:00',
    SATURDAY,
    ['never-noted', 'noted-friday', 'overdue', 'reminded-last-week'],
    'Saturday evening: open and overdue tasks without a note today, not yet reminded this week',
  ],
  [
    '2026-05-30T23:59:00',
    SATURDAY,
    ['never-noted', 'noted-friday', 'overdue', 'reminded-last-week'],
    'late that evening',
  ],
  ['2026-05-30T17:59:00', SATURDAY, [], 'before the evening: owners may still write'],
  ['2026-05-31T18:00:00', SATURDAY, [], 'Sunday is not the push day'],
  [
    '2026-05-29T18:30:00',
    5,
    ['never-noted', 'overdue', 'reminded-last-week'],
    'a Friday push day: the Friday note counts',
  ],
  [
    '2026-05-30T09:59:00Z',
    SATURDAY,
    [],
    'the clock in UTC: 09:59Z is 17:59 in Beijing, still before the evening',
  ],
  [
    '2026-05-30T10:00:00Z',
    SATURDAY,
    ['never-noted', 'noted-friday', 'overdue', 'reminded-last-week'],
    '10:00Z is 18:00 in Beijing',
  ],
];

describe('the push-day reminder (每周推进日)', () => {
  for (const [local, weekday, expected, why] of CASES) {
    it(`${local}, weekday ${weekday}: ${why}`, () => {
      const now = local.endsWith('Z') ? Date.parse(local) : bj(local);
      const due = remindersDue(TASKS, now, weekday);
      assert.deepEqual(
        due.map((r) => r.taskId),
        expected,
      );
      for (const r of due) {
        assert.equal(r.userId, `owner-${r.taskId}`);
        assert.equal(r.week, '2026-W22');
      }
    });
  }

  it('reminds once: a task marked reminded for the week is not reminded again that evening', () => {
    const now = bj('2026-05-30T18:00:00');
    const first = remindersDue(TASKS, now, SATURDAY);
    const marked = TASKS.map((t) =>
      first.some((r) => r.taskId === t.id) ? { ...t, remindedWeek: '2026-W22' } : t,
    );
    assert.deepEqual(remindersDue(marked, now + 3_600_000, SATURDAY), []);
    // …and again the next push day.
    assert.equal(remindersDue(marked, bj('2026-06-06T18:00:00'), SATURDAY).length, 6);
  });
});

describe('task states and red tasks', () => {
  const base = { deadline: bj('2026-06-30T17:30:00'), doneAt: null, milestones: [] };
  const milestone = { title: '方案', dueAt: bj('2026-05-15T17:30:00'), doneAt: null };
  /** task, now, state, red, why. */
  const STATES: [object, string, string, boolean, string][] = [
    [base, '2026-05-30T12:00:00', 'open', false, 'before the deadline'],
    [base, '2026-06-30T17:30:00', 'open', false, 'at the deadline itself'],
    [base, '2026-06-30T17:31:00', 'overdue', true, 'past the deadline: red'],
    [
      { ...base, doneAt: bj('2026-07-02T09:00:00') },
      '2026-07-05T12:00:00',
      'done',
      false,
      'done late is done',
    ],
    [{ ...base, milestones: [milestone] }, '2026-05-30T12:00:00', 'open', true, 'a milestone overdue: red'],
    [
      { ...base, milestones: [{ ...milestone, doneAt: bj('2026-05-16T09:00:00') }] },
      '2026-05-30T12:00:00',
      'open',
      false,
      'the milestone done (late): not red',
    ],
  ];
  for (const [t, local, state, red, why] of STATES) {
    it(`${local}: ${state}${red ? ', red' : ''} — ${why}`, () => {
      const times = t as typeof base;
      assert.equal(taskState(times, bj(local)), state);
      assert.equal(isRed(times, bj(local)), red);
    });
  }
});
