import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TrafficLight } from '../calendar/time-limit.ts';
import type { OrderEvent } from '../workorder/model.ts';
import { orderIn } from '../workorder/test-fixtures.ts';
import { type NotificationKind, receivesUnitNotifications, targetsOfEvent, timeLimitKind } from './rules.ts';

describe('time-limit notices', () => {
  const CASES: [TrafficLight | null, TrafficLight | null, boolean, NotificationKind | null][] = [
    ['green', 'yellow', false, 'yellow'],
    ['green', 'red', false, 'overdue'],
    ['yellow', 'red', false, 'overdue'],
    ['yellow', 'red', true, 'supervised'],
    ['green', 'red', true, 'supervised'],
    ['red', 'red', true, 'supervised'],
    ['yellow', 'yellow', false, null],
    ['red', 'red', false, null],
    ['yellow', 'green', false, null],
  ];
  for (const [before, after, auto, kind] of CASES) {
    it(`${before} → ${after}${auto ? ' with auto-supervision' : ''}: ${kind}`, () =>
      assert.equal(timeLimitKind(before, after, auto), kind));
  }
});

describe('who hears about an action', () => {
  const event = (action: OrderEvent['action'], data: OrderEvent['data'] = {}): OrderEvent => ({
    orderId: 'o',
    seq: 2,
    action,
    fromState: 'registered',
    toState: 'dispatched',
    actor: { userId: 'op', role: 'operator', unitId: 'centre' },
    at: 0,
    note: null,
    photos: [],
    data,
  });
  const held = orderIn('dispatched', { responsibleUnitId: 'lead' });

  it('tells the lead unit and each sub-task unit of a dispatch, once each', () => {
    const subTasks = [{ unitId: 'green' }, { unitId: 'power' }, { unitId: 'lead' }];
    assert.deepEqual(targetsOfEvent(event('dispatch', { subTasks }), held), [
      { unitId: 'lead', kind: 'dispatched' },
      { unitId: 'green', kind: 'subTaskAssigned' },
      { unitId: 'power', kind: 'subTaskAssigned' },
    ]);
  });

  it('tells the holder of a failed verification, but not of a passed one or a sign', () => {
    assert.deepEqual(targetsOfEvent(event('verify', { passed: false }), held), [
      { unitId: 'lead', kind: 'reworked' },
    ]);
    assert.deepEqual(targetsOfEvent(event('verify', { passed: true }), held), []);
    assert.deepEqual(targetsOfEvent(event('sign'), held), []);
  });

  it('tells the unit receiving a new report, and the unit and the centre of a reopened order', () => {
    assert.deepEqual(targetsOfEvent(event('report'), orderIn('reported', { responsibleUnitId: 'c1' })), [
      { unitId: 'c1', kind: 'reported' },
    ]);
    const reopened = orderIn('registered', { responsibleUnitId: 'c1' });
    assert.deepEqual(targetsOfEvent(event('reopen'), reopened, { centreUnitId: 'centre' }), [
      { unitId: 'c1', kind: 'reopened' },
      { unitId: 'centre', kind: 'reopened' },
    ]);
    const atCentre = orderIn('registered', { responsibleUnitId: 'centre' });
    assert.deepEqual(
      targetsOfEvent(event('reopen'), atCentre, { centreUnitId: 'centre' }),
      [{ unitId: 'centre', kind: 'reopened' }],
      'once, when the centre runs it',
    );
  });

  it('leaves residents and leaders out of unit inboxes', () => {
    assert.deepEqual(['operator', 'community', 'crew', 'resident', 'leader'].map(receivesUnitNotifications), [
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('tells whose turn it is now: verifiers, deciders, requesters, the lead, the followers, the asked and the asker', () => {
    const handled = orderIn('handled', { responsibleUnitId: 'lead', dispatcherUnitId: 'centre' });
    const CASES: [string, OrderEvent, ReturnType<typeof targetsOfEvent>][] = [
      [
        'feedback: the grid and the unit running it',
        event('feedback'),
        [
          { unitId: 'grid-a1', kind: 'awaitingVerification' },
          { unitId: 'centre', kind: 'awaitingVerification' },
        ],
      ],
      [
        'an extension request: the unit deciding',
        event('requestExtension'),
        [{ unitId: 'centre', kind: 'extensionRequested' }],
      ],
      [
        'an extension decided: its requester',
        event('denyExtension', { requestedBy: 'u-crew' }),
        [{ userId: 'u-crew', kind: 'extensionDecided' }],
      ],
      [
        'a sub-task fed back: the lead',
        event('feedbackSubTask', { unitId: 'power' }),
        [{ unitId: 'lead', kind: 'subTaskFedBack' }],
      ],
      [
        'a closure: each follower once',
        event('close'),
        [
          { userId: 'u-res', kind: 'closed' },
          { userId: 'u-res2', kind: 'closed' },
        ],
      ],
      [
        'a park request: the centre',
        event('requestPark'),
        [{ unitId: 'subdistrict', kind: 'parkRequested' }],
      ],
      [
        'a park decided: its requester',
        event('approvePark', { requestedBy: 'u-crew' }),
        [{ userId: 'u-crew', kind: 'parkDecided' }],
      ],
      [
        'a consultation: each unit asked',
        event('consult', { consultations: [{ unitId: 'green' }, { unitId: 'power' }] }),
        [
          { unitId: 'green', kind: 'consultRequested' },
          { unitId: 'power', kind: 'consultRequested' },
        ],
      ],
      [
        'an answer: the asker',
        event('consultReply', { askedBy: 'u-op' }),
        [{ userId: 'u-op', kind: 'consultAnswered' }],
      ],
      ['a note: nobody', event('comment'), []],
    ];
    const context = {
      gridId: 'grid-a1',
      centreUnitId: 'subdistrict',
      followers: ['u-res', 'u-res2', 'u-res'],
    };
    for (const [name, e, expected] of CASES)
      assert.deepEqual(targetsOfEvent(e, handled, context), expected, name);
    assert.deepEqual(
      targetsOfEvent(event('close'), orderIn('closed', { reporterUserId: 'u-res' })),
      [{ userId: 'u-res', kind: 'closed' }],
      'without the followers read, the reporter',
    );
  });
});
