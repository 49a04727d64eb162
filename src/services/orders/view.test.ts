import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { OrderEventSchema, OrderSchema } from '../../api/index.ts';
import { A, bj, CAL, orderIn } from '../../domain/workorder/test-fixtures.ts';
import type { Category } from '../../store/categories.repository.ts';
import type { OrderRecord } from '../../store/orders.repository.ts';
import type { Principal } from '../context.ts';
import { OrderNames } from './names.ts';
import { eventView, orderView } from './view.ts';

/**
 * Where `value` holds a key `schema` does not declare, at any depth: what the serializer would
 * silently drop. The views are typed by their schemas, but a spread (`...r`) slips past the
 * compiler's excess-property check; this catches it at run time.
 */
function undeclared(schema: TSchema, value: unknown, at = '$'): string[] {
  const s = schema as {
    anyOf?: TSchema[];
    properties?: Record<string, TSchema>;
    patternProperties?: unknown;
    items?: TSchema;
  };
  if (s.anyOf) {
    const branch = s.anyOf.find((b) => Value.Check(b, value));
    return branch ? undeclared(branch, value, at) : [];
  }
  if (Array.isArray(value) && s.items)
    return value.flatMap((v, i) => undeclared(s.items as TSchema, v, `${at}[${i}]`));
  if (value === null || typeof value !== 'object' || s.patternProperties || !s.properties) return [];
  const properties = s.properties;
  return Object.entries(value).flatMap(([k, v]) => {
    const inner = properties[k];
    return inner ? undeclared(inner, v, `${at}.${k}`) : [`${at}.${k}`];
  });
}

const viewer: Principal = {
  userId: A.op.userId,
  username: 'op',
  displayName: 'Operator',
  role: 'operator',
  unitId: 'centre',
  scopePath: null,
};
// Names are not loaded (no database): every name is null, which the schema allows.
const names = new OrderNames(undefined as never, viewer);
const now = bj('2026-03-11 10:00');

/** An order with every optional part present: parked, supervised, with sub-tasks, requests and a return visit. */
const record: OrderRecord = {
  id: 'o-1',
  code: 'C0401202603100001',
  categoryId: 'cat-1',
  stage: 'during',
  source: 'gridWorker',
  description: 'Overhanging branches touch the power line',
  address: '1 Main Street',
  lat: 39.9,
  lon: 116.4,
  gridId: 'grid-a1',
  communityId: 'comm-a',
  attributes: { height: 3 },
  createdAt: bj('2026-03-10 09:00'),
  updatedAt: bj('2026-03-10 10:00'),
  state: orderIn('handling', {
    parked: { at: bj('2026-03-10 11:00'), reason: 'waiting for the outage', until: bj('2026-03-13 17:30') },
    parkRequest: {
      reason: 'waiting for the owner',
      until: bj('2026-03-20 17:30'),
      requestedBy: A.crew.userId,
      requestedAt: bj('2026-03-10 15:00'),
    },
    supervision: { count: 1, lastAt: bj('2026-03-10 12:00'), autoForDeadline: null },
    subTasks: [
      {
        id: 'st-1',
        unitId: 'dept-power',
        task: 'switch off',
        status: 'signed',
        deadline: bj('2026-03-12 17:30'),
        plannedAt: bj('2026-03-11 09:00'),
        closeReason: null,
        assetIds: [],
      },
    ],
    consultations: [
      {
        id: 'q-1',
        unitId: 'dept-greening',
        question: 'May the branches be cut?',
        dueAt: bj('2026-03-11 17:30'),
        askedByUserId: A.op.userId,
        askedByUnitId: 'centre',
        askedAt: bj('2026-03-10 09:30'),
        answer: { agree: true, note: 'yes', at: bj('2026-03-10 10:30'), byUserId: A.greening.userId },
      },
    ],
    extensionRequests: [
      {
        subTaskId: null,
        extension: { amount: 1, unit: 'days' },
        reason: 'parts',
        requestedBy: A.crew.userId,
        requestedAt: bj('2026-03-10 13:00'),
      },
    ],
    returnVisit: {
      satisfaction: 'satisfied',
      solved: true,
      at: bj('2026-03-10 14:00'),
      byUserId: A.op.userId,
    },
  }),
};
const category: Category = {
  id: 'cat-1',
  type: 'component',
  majorCode: '04',
  majorName: 'Greening',
  minorCode: '01',
  minorName: 'Trees',
  timeLimit: { amount: 3, unit: 'days' },
  defaultUnitKind: null,
  defaultUnitId: null,
  defaultStage: 'during',
  duplicateRadiusM: 50,
  active: true,
  extraFields: [],
  createdAt: 0,
  updatedAt: 0,
};

describe('order view against its schema', () => {
  it('fills every part of a full order and sends nothing the schema would drop', () => {
    const view = orderView(record, category, now, CAL, names, {
      allowed: ['comment'],
      blocked: [{ action: 'feedback', code: 'SUBTASKS_OPEN', message: 'Sub-tasks still open' }],
    });
    assert.deepEqual(Value.Errors(OrderSchema, view), []);
    assert.deepEqual(undeclared(OrderSchema, view), []);
    assert.equal(view.parked?.at, '2026-03-10T03:00:00.000Z');
    assert.equal(view.extensionRequests[0]?.requestedAt, '2026-03-10T05:00:00.000Z');
    assert.equal(view.returnVisit?.at, '2026-03-10T06:00:00.000Z');
    assert.equal(view.parked?.until, '2026-03-13T09:30:00.000Z');
    assert.equal(view.subTasks[0]?.plannedAt, '2026-03-11T01:00:00.000Z');
    assert.equal(view.consultations[0]?.answer?.by, A.greening.userId);
  });

  it('sends an event with its actor and times the schema declares', () => {
    const view = eventView(
      {
        orderId: 'o-1',
        seq: 2,
        action: 'dispatch',
        fromState: 'registered',
        toState: 'dispatched',
        actor: A.op,
        at: bj('2026-03-10 10:00'),
        note: null,
        photos: [],
        data: { unitId: 'contractor-trim', deadline: bj('2026-03-12 17:30') },
      },
      names,
    );
    assert.deepEqual(Value.Errors(OrderEventSchema, view), []);
    assert.deepEqual(undeclared(OrderEventSchema, view), []);
    assert.equal(view.data.deadline, '2026-03-12T09:30:00.000Z');
  });
});
