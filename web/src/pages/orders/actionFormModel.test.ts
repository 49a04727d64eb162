import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Order } from '../../api/orders.ts';
import { actionBody, EMPTY_VALUES, isComplete, shanghaiInstant, subTaskOptions } from './actionFormModel.ts';

const order = {
  responsibleUnitId: 'green',
  subTasks: [
    {
      id: 's1',
      unitId: 'power',
      unitName: '供电所',
      task: '停电',
      status: 'dispatched',
      deadline: '',
      closeReason: null,
    },
    {
      id: 's2',
      unitId: 'crew',
      unitName: '绿化养护公司',
      task: '修剪',
      status: 'signed',
      deadline: '',
      closeReason: null,
    },
    {
      id: 's3',
      unitId: 'power',
      unitName: '供电所',
      task: null,
      status: 'handled',
      deadline: '',
      closeReason: null,
    },
  ],
  extensionRequests: [
    {
      subTaskId: null,
      extension: { amount: 1, unit: 'days' },
      reason: '',
      requestedBy: 'u',
      requestedAt: '',
    },
  ],
} as unknown as Order;

describe('action forms', () => {
  it('sends the version seen, the lead unit and only the collaborating units that were chosen', () => {
    const values = {
      ...EMPTY_VALUES,
      note: '  请尽快处理 ',
      unitId: 'green',
      subTasks: [{ unitId: 'power', task: ' 安排停电 ' }, { unitId: '' }, { unitId: 'crew', task: '' }],
    };
    assert.deepEqual(actionBody('dispatch', values, 3), {
      version: 3,
      note: '请尽快处理',
      unitId: 'green',
      subTasks: [{ unitId: 'power', task: '安排停电' }, { unitId: 'crew' }],
    });
    // Leaving the unit empty lets the server pick the category's default unit.
    assert.deepEqual(actionBody('dispatch', EMPTY_VALUES, 2), { version: 2 });
  });

  it('asks for a photo on feedback and a note on a failed check', () => {
    assert.equal(isComplete('feedback', EMPTY_VALUES), false);
    assert.equal(isComplete('feedback', { ...EMPTY_VALUES, photos: ['p1'] }), true);
    assert.deepEqual(actionBody('feedback', { ...EMPTY_VALUES, photos: ['p1'] }, 7), {
      version: 7,
      photos: ['p1'],
    });
    assert.equal(isComplete('verify', { ...EMPTY_VALUES, passed: false }), false);
    assert.equal(isComplete('verify', { ...EMPTY_VALUES, passed: false, note: '树枝未清理' }), true);
    assert.equal(isComplete('return', EMPTY_VALUES), false);
  });

  it('sends an extension as working hours or days with its reason', () => {
    const values = { ...EMPTY_VALUES, amount: '2', amountUnit: 'days' as const, reason: '等待停电' };
    assert.deepEqual(actionBody('requestExtension', values, 5), {
      version: 5,
      reason: '等待停电',
      extension: { amount: 2, unit: 'days' },
    });
  });

  it('needs the note of a comment, the date of a park request, the units, question and date of a consultation', () => {
    assert.equal(isComplete('comment', EMPTY_VALUES), false);
    assert.deepEqual(actionBody('comment', { ...EMPTY_VALUES, note: ' 已联系 ' }, 4), {
      version: 4,
      note: '已联系',
    });
    const park = { ...EMPTY_VALUES, reason: '等待业主', until: '2026-03-20T17:30' };
    assert.equal(isComplete('requestPark', { ...park, until: '' }), false);
    assert.deepEqual(actionBody('requestPark', park, 5), {
      version: 5,
      reason: '等待业主',
      until: '2026-03-20T09:30:00.000Z',
    });
    const consult = {
      ...EMPTY_VALUES,
      unitIds: ['green', ''],
      question: ' 可否修剪？ ',
      dueAt: '2026-03-11T17:30',
    };
    assert.equal(isComplete('consult', { ...consult, unitIds: [] }), false);
    assert.equal(isComplete('consult', { ...consult, question: ' ' }), false);
    assert.deepEqual(actionBody('consult', consult, 2), {
      version: 2,
      unitIds: ['green'],
      question: '可否修剪？',
      dueAt: '2026-03-11T09:30:00.000Z',
    });
    assert.equal(isComplete('consultReply', { ...EMPTY_VALUES, agree: false }), false, 'say why not');
    assert.deepEqual(actionBody('consultReply', { ...EMPTY_VALUES, agree: true }, 6), {
      version: 6,
      agree: true,
    });
    assert.equal(shanghaiInstant('not a date'), '');
  });

  it('offers the sub-tasks a unit may act on', () => {
    const ids = (list: { value: string }[]) => list.map((o) => o.value);
    assert.deepEqual(ids(subTaskOptions(order, 'mineToSign', 'power')), ['s1']);
    assert.deepEqual(ids(subTaskOptions(order, 'mineToFeedback', 'crew')), ['s2']);
    assert.deepEqual(ids(subTaskOptions(order, 'open', 'green')), ['s1', 's2']);
    assert.deepEqual(ids(subTaskOptions(order, 'mineToExtend', 'green')), ['']);
    assert.deepEqual(ids(subTaskOptions(order, 'mineToExtend', 'power')), ['s1']);
    assert.deepEqual(ids(subTaskOptions(order, 'pendingExtension', 'sub')), ['']);
  });
});
