import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ORDER_STATUSES } from '../../domain/workorder/states.ts';
import {
  detailedStatus,
  isPublicStep,
  noteType,
  open311Status,
  publicText,
  statesFor,
  updateStatus,
} from './status.ts';

it('maps every state to open or closed, closed only for closed, rejected, voided and merged', () => {
  const table = Object.fromEntries(ORDER_STATUSES.map((s) => [s, open311Status(s)]));
  assert.deepEqual(table, {
    reported: 'open',
    registered: 'open',
    rejected: 'closed',
    voided: 'closed',
    dispatched: 'open',
    signed: 'open',
    handling: 'open',
    handled: 'open',
    verified: 'open',
    closed: 'closed',
    merged: 'closed',
  });
  assert.deepEqual(statesFor('closed').sort(), ['closed', 'merged', 'rejected', 'voided']);
  assert.equal(statesFor('open').length + statesFor('closed').length, ORDER_STATUSES.length);
});

it('gives every state a detailed status and an update status', () => {
  const table = Object.fromEntries(ORDER_STATUSES.map((s) => [s, detailedStatus(s)]));
  assert.deepEqual(table, {
    reported: 'OPEN',
    registered: 'INVESTIGATING',
    rejected: 'NO_FURTHER_ACTION',
    voided: 'NO_FURTHER_ACTION',
    dispatched: 'ACTION_SCHEDULED',
    signed: 'ACTION_SCHEDULED',
    handling: 'IN_PROGRESS',
    handled: 'IN_PROGRESS',
    verified: 'FIXED',
    closed: 'FIXED',
    merged: 'DUPLICATE',
  });
  assert.equal(updateStatus({ action: 'dispatch', toState: 'dispatched' }), 'action_scheduled');
  assert.equal(updateStatus({ action: 'reopen', toState: 'dispatched' }), 'reopen');
  assert.equal(updateStatus({ action: 'merge', toState: 'merged' }), 'duplicate');
});

it('shows state changes and escalations, hides internal steps, and words them without staff notes', () => {
  assert.ok(isPublicStep({ action: 'dispatch', fromState: 'registered', toState: 'dispatched' }));
  assert.ok(isPublicStep({ action: 'escalate', fromState: 'reported', toState: 'reported' }));
  assert.ok(!isPublicStep({ action: 'supervise', fromState: 'handling', toState: 'handling' }));
  assert.ok(!isPublicStep({ action: 'returnVisit', fromState: 'closed', toState: 'closed' }));
  assert.equal(publicText({ action: 'dispatch', toState: 'dispatched' }), '已派遣至处置单位');
  assert.equal(publicText({ action: 'verify', toState: 'handling' }), '核查未通过，返工处置');
  assert.equal(publicText({ action: 'verify', toState: 'verified' }), '核查通过');
  assert.equal(publicText({ action: 'approveExtension', toState: 'handling' }), '处置中');
  assert.equal(noteType({ action: 'report', toState: 'reported' }), 'opened');
  assert.equal(noteType({ action: 'close', toState: 'closed' }), 'closed');
  assert.equal(noteType({ action: 'sign', toState: 'signed' }), 'activity');
});
