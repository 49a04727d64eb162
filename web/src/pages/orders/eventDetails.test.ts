import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OrderEvent } from '../../api/orders.ts';
import { translate } from '../../i18n/translate.ts';
import { eventDetails } from './eventDetails.ts';

const event = (
  action: OrderEvent['action'],
  data: Record<string, unknown>,
  targetUnit: OrderEvent['targetUnit'] = null,
): OrderEvent => ({
  seq: 3,
  action,
  fromState: 'registered',
  toState: 'dispatched',
  actor: { userId: 'u1', role: 'operator', unitId: 'sub', displayName: '王芳', unitName: '测试街道' },
  targetUnit,
  at: '2026-03-02T01:30:00.000Z',
  note: null,
  photos: [],
  data,
});
const names = (id: string) => ({ green: '绿化所', power: '供电所', sub: '测试街道' })[id] ?? '其他单位';
const zh = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('zh-CN', key, params);

describe('timeline event details', () => {
  it('names the unit a dispatch went to, its sub-tasks and the deadline in Shanghai time', () => {
    const details = eventDetails(
      event(
        'dispatch',
        { unitId: 'green', deadline: '2026-03-05T01:30:00.000Z', subTasks: [{ id: 's1', unitId: 'power' }] },
        { id: 'green', name: '绿化所' },
      ),
      names,
      zh,
    );
    assert.deepEqual(details, ['至 绿化所', '协办 1 项', '期限 2026-03-05 09:30:00']);
  });

  it('says where a returned order went and what a check and a return visit found', () => {
    const returned = event('return', { toUnitId: 'sub', deadline: null }, { id: 'sub', name: '测试街道' });
    assert.deepEqual(eventDetails(returned, names, zh), ['至 测试街道']);
    assert.deepEqual(eventDetails(event('verify', { passed: false, reworkCount: 1 }), names, zh), [
      '核查未通过',
    ]);
    assert.deepEqual(
      eventDetails(event('returnVisit', { satisfaction: 'basicallySatisfied', solved: true }), names, zh),
      ['基本满意', '问题已解决'],
    );
  });

  it('names where the order went by the API’s name, even a unit the page knows nothing of', () => {
    const up = event('escalate', { toUnitId: 'ws' }, { id: 'ws', name: '第一联动工作站' });
    assert.deepEqual(eventDetails(up, names, zh), ['至 第一联动工作站']);
    const gone = event('escalate', { toUnitId: 'ws' }, { id: 'ws', name: null });
    assert.deepEqual(eventDetails(gone, names, zh), ['至 其他单位']);
  });

  it('names a sub-task’s unit when the lead acts on it, not when the unit itself did', () => {
    const closed = { ...event('closeSubTask', { subTaskId: 's1', unitId: 'power' }) };
    assert.deepEqual(eventDetails(closed, names, zh), ['供电所']);
    const signed = event('signSubTask', { subTaskId: 's1', unitId: 'power' });
    assert.deepEqual(eventDetails({ ...signed, actor: { ...signed.actor, unitId: 'power' } }, names, zh), []);
  });

  it('shows an extension in working hours or days, in English too', () => {
    const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
      translate('en', key, params);
    const request = event('requestExtension', { subTaskId: null, extension: { amount: 8, unit: 'hours' } });
    assert.deepEqual(eventDetails(request, names, en), ['8 working hours']);
  });
});
