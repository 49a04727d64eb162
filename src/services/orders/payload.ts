import type { Static } from 'typebox';
import type { ActionBodySchema, SubTaskBodySchema } from '../../api/index.ts';
import {
  type ActionBase,
  type ActionType,
  type FieldCheckSummary,
  isBareAction,
  isReasonedAction,
  type NewSubTask,
  type OrderAction,
} from '../../domain/workorder/actions.ts';
import type { OrderLevel } from '../../domain/workorder/states.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';

/** A sub-task as a request names it; the server gives it its id. */
export type SubTaskBody = Static<typeof SubTaskBodySchema>;

/** The body of POST /api/orders/:id/actions/:action, as its schema (src/api/orders.ts) declares it. */
export type ActionBody = Static<typeof ActionBodySchema>;

/** A field the action needs, or a 400 that names it and the action. */
function need<K extends keyof ActionBody>(
  body: ActionBody,
  key: K,
  type: ActionType,
): NonNullable<ActionBody[K]> {
  const value = body[key];
  if (value === undefined || value === null)
    fail('VALIDATION_FAILED', `body.${key} is required to ${type}`, { field: `body.${key}` });
  return value as NonNullable<ActionBody[K]>;
}

/** An ISO-8601 time as ms, or a 400 naming the field. */
export function instantOf(value: string, field: string): number {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms))
    fail('VALIDATION_FAILED', `${field} "${value}" is not an ISO-8601 time`, { field });
  return ms;
}

/** Further ahead than any real time limit: such a deadline is a typo, and working time is not counted that far. */
const MAX_DEADLINE_AHEAD_MS = 366 * 86_400_000;

function deadlineOf(value: string, field: string, now: number): number {
  const ms = instantOf(value, field);
  if (ms - now > MAX_DEADLINE_AHEAD_MS) {
    fail('VALIDATION_FAILED', `${field} ${value} is more than a year ahead: check the date`, { field });
  }
  return ms;
}

function subTaskOf(s: SubTaskBody, field: string, now: number): NewSubTask {
  return {
    id: newId(),
    unitId: s.unitId,
    ...(s.task !== undefined && { task: s.task }),
    ...(s.deadline !== undefined && { deadline: deadlineOf(s.deadline, `${field}.deadline`, now) }),
    ...(s.plannedAt !== undefined && { plannedAt: deadlineOf(s.plannedAt, `${field}.plannedAt`, now) }),
    ...(s.assetIds !== undefined && { assetIds: s.assetIds }),
  };
}

/**
 * Turns a request body into the domain's action. Units the service resolved (an escalation
 * target, a category's default handler) come in `resolved`; every other check is the domain's.
 */
export function actionFromBody(
  type: ActionType,
  body: ActionBody,
  resolved: {
    toUnitId?: string;
    toLevel?: OrderLevel;
    unitId?: string;
    subTaskId?: string;
    fieldCheck?: FieldCheckSummary;
  },
  now: number,
): OrderAction {
  const base: ActionBase = {
    ...(body.version !== undefined && { expectedVersion: body.version }),
    ...(body.note !== undefined && { note: body.note }),
    ...(body.photos !== undefined && { photos: body.photos }),
  };
  const reason = () => need(body, 'reason', type);
  if (isBareAction(type)) return { ...base, type };
  if (isReasonedAction(type)) return { ...base, type, reason: reason() };
  switch (type) {
    case 'escalate':
      return {
        ...base,
        type,
        toUnitId: resolved.toUnitId ?? need(body, 'toUnitId', type),
        ...(resolved.toLevel !== undefined && { toLevel: resolved.toLevel }),
      };
    case 'merge':
      return { ...base, type, intoOrderId: need(body, 'intoOrderId', type) };
    case 'dispatch':
      return {
        ...base,
        type,
        unitId: resolved.unitId ?? need(body, 'unitId', type),
        ...(body.userId !== undefined && { userId: body.userId }),
        ...(body.deadline !== undefined && { deadline: deadlineOf(body.deadline, 'body.deadline', now) }),
        subTasks: (body.subTasks ?? []).map((s, i) => subTaskOf(s, `body.subTasks.${i}`, now)),
        ...(body.assetIds !== undefined && { assetIds: body.assetIds }),
      };
    case 'assignAssets':
      return { ...base, type, assetIds: need(body, 'assetIds', type) };
    case 'verify':
      return {
        ...base,
        type,
        passed: need(body, 'passed', type),
        ...(resolved.fieldCheck !== undefined && { fieldCheck: resolved.fieldCheck }),
      };
    case 'returnVisit':
      return {
        ...base,
        type,
        satisfaction: need(body, 'satisfaction', type),
        solved: need(body, 'solved', type),
      };
    case 'requestExtension':
      return {
        ...base,
        type,
        extension: need(body, 'extension', type),
        reason: reason(),
        ...(body.subTaskId !== undefined && { subTaskId: body.subTaskId }),
      };
    case 'approveExtension':
      return {
        ...base,
        type,
        ...(body.subTaskId !== undefined && { subTaskId: body.subTaskId }),
        ...(body.deadline !== undefined && { deadline: deadlineOf(body.deadline, 'body.deadline', now) }),
      };
    case 'denyExtension':
      return {
        ...base,
        type,
        reason: reason(),
        ...(body.subTaskId !== undefined && { subTaskId: body.subTaskId }),
      };
    case 'addSubTask':
      return { ...base, type, subTask: subTaskOf(need(body, 'subTask', type), 'body.subTask', now) };
    case 'signSubTask':
      return {
        ...base,
        type,
        subTaskId: resolved.subTaskId ?? need(body, 'subTaskId', type),
        ...(body.plannedAt !== undefined && { plannedAt: deadlineOf(body.plannedAt, 'body.plannedAt', now) }),
      };
    case 'feedbackSubTask':
      return { ...base, type, subTaskId: resolved.subTaskId ?? need(body, 'subTaskId', type) };
    case 'closeSubTask':
      return { ...base, type, subTaskId: need(body, 'subTaskId', type), reason: reason() };
    case 'requestPark':
      return {
        ...base,
        type,
        reason: reason(),
        until: deadlineOf(need(body, 'until', type), 'body.until', now),
      };
    case 'consult':
      return {
        ...base,
        type,
        asks: need(body, 'unitIds', type).map((unitId) => ({ id: newId(), unitId })),
        question: need(body, 'question', type),
        dueAt: deadlineOf(need(body, 'dueAt', type), 'body.dueAt', now),
      };
    case 'consultReply':
      return { ...base, type, agree: need(body, 'agree', type) };
  }
}
