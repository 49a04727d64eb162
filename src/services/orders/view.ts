import type { BlockedActionView, OrderEventView, OrderView } from '../../api/index.ts';
import type { WorkingCalendar } from '../../domain/calendar/calendar.ts';
import { timeRemaining } from '../../domain/calendar/time-limit.ts';
import type { ActionType } from '../../domain/workorder/actions.ts';
import { categoryCode } from '../../domain/workorder/code.ts';
import type { JsonObject, JsonValue, OrderEvent } from '../../domain/workorder/model.ts';
import { orderLight } from '../../domain/workorder/overdue.ts';
import type { Category } from '../../store/categories.repository.ts';
import type { OrderRecord } from '../../store/orders.repository.ts';
import { type OrderNames, targetUnitIdOf } from './names.ts';

const iso = (t: number): string => new Date(t).toISOString();
const isoOrNull = (t: number | null): string | null => (t === null ? null : iso(t));

/** Keys of event data that hold instants: shown as ISO strings like every time in the API. */
const TIME_KEYS = new Set(['deadline', 'subTaskDeadline', 'parkedSince', 'until', 'plannedAt', 'dueAt']);

function isoTimes(value: JsonValue, key?: string): JsonValue {
  if (typeof value === 'number' && key !== undefined && TIME_KEYS.has(key)) return iso(value);
  if (Array.isArray(value)) return value.map((v) => isoTimes(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isoTimes(v, k)]));
  }
  return value;
}

/** What the caller may do now and what waits (the console's buttons and why one is missing). */
export interface CallerActions {
  allowed: ActionType[];
  blocked: BlockedActionView[];
}

/**
 * A work order as the API returns it, with the names of its units and responsible person
 * (`names` loaded for it); `actions` only where the caller's buttons are needed.
 */
export function orderView(
  o: OrderRecord,
  category: Category | undefined,
  now: number,
  calendar: WorkingCalendar,
  names: OrderNames,
  actions?: CallerActions,
): OrderView {
  const s = o.state;
  const light = orderLight(s, now, { calendar });
  return {
    id: o.id,
    code: o.code,
    status: s.status,
    level: s.level,
    categoryId: o.categoryId,
    category: category
      ? {
          code: categoryCode(category.type, category.majorCode, category.minorCode),
          type: category.type,
          majorName: category.majorName,
          minorName: category.minorName,
        }
      : null,
    stage: o.stage,
    source: o.source,
    alertId: names.alertOf(o.id),
    description: o.description,
    address: o.address,
    lat: o.lat,
    lon: o.lon,
    gridId: o.gridId,
    gridName: names.unit(o.gridId),
    communityId: o.communityId,
    communityName: names.unit(o.communityId),
    attributes: o.attributes,
    reporterUserId: s.reporterUserId,
    responsibleUnitId: s.responsibleUnitId,
    responsibleUnitName: names.unit(s.responsibleUnitId),
    responsibleUserId: s.responsibleUserId,
    responsibleUserName: names.person(s.responsibleUserId),
    dispatcherUnitId: s.dispatcherUnitId,
    timeLimit: s.timeLimit,
    dispatchedAt: isoOrNull(s.dispatchedAt),
    deadline: isoOrNull(s.deadline),
    light,
    overdue: light === 'red',
    remainingWorkingMs:
      light && s.deadline !== null ? timeRemaining(calendar, now, s.deadline).workingMs : null,
    parked: s.parked
      ? { at: iso(s.parked.at), reason: s.parked.reason, until: isoOrNull(s.parked.until) }
      : null,
    parkRequest: s.parkRequest && {
      reason: s.parkRequest.reason,
      until: iso(s.parkRequest.until),
      requestedBy: s.parkRequest.requestedBy,
      requestedAt: iso(s.parkRequest.requestedAt),
    },
    supervision: s.supervision ? { count: s.supervision.count, lastAt: iso(s.supervision.lastAt) } : null,
    subTasks: s.subTasks.map((t) => ({
      id: t.id,
      unitId: t.unitId,
      unitName: names.unit(t.unitId),
      task: t.task,
      status: t.status,
      deadline: iso(t.deadline),
      plannedAt: isoOrNull(t.plannedAt),
      closeReason: t.closeReason,
      assetIds: [...t.assetIds],
    })),
    assetIds: [...s.assetIds],
    extensionRequests: s.extensionRequests.map((r) => ({
      subTaskId: r.subTaskId,
      extension: { amount: r.extension.amount, unit: r.extension.unit },
      reason: r.reason,
      requestedBy: r.requestedBy,
      requestedAt: iso(r.requestedAt),
    })),
    consultations: s.consultations.map((c) => ({
      id: c.id,
      unitId: c.unitId,
      unitName: names.unit(c.unitId),
      question: c.question,
      dueAt: iso(c.dueAt),
      askedBy: c.askedByUserId,
      askedAt: iso(c.askedAt),
      answer: c.answer && {
        agree: c.answer.agree,
        note: c.answer.note,
        at: iso(c.answer.at),
        by: c.answer.byUserId,
      },
    })),
    reworkCount: s.reworkCount,
    reopenCount: s.reopenCount,
    returnCount: s.returnCount,
    extensionCount: s.extensionCount,
    resolution: s.resolution,
    closedAt: isoOrNull(s.closedAt),
    mergedIntoId: s.mergedIntoId,
    returnVisit: s.returnVisit && {
      satisfaction: s.returnVisit.satisfaction,
      solved: s.returnVisit.solved,
      at: iso(s.returnVisit.at),
      byUserId: s.returnVisit.byUserId,
    },
    version: s.version,
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
    ...(actions && { allowedActions: actions.allowed, blockedActions: actions.blocked }),
  };
}

/**
 * One timeline entry as the API returns it: the actor with their display name and unit's name,
 * and the unit the event sent the order to (`targetUnit`, see targetUnitIdOf) with its name.
 */
export function eventView(e: OrderEvent, names: OrderNames): OrderEventView {
  const target = targetUnitIdOf(e);
  return {
    seq: e.seq,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    actor: {
      userId: e.actor.userId,
      role: e.actor.role,
      unitId: e.actor.unitId,
      displayName: e.actor.role === 'system' ? null : names.person(e.actor.userId),
      unitName: names.unit(e.actor.unitId),
    },
    targetUnit: target === null ? null : { id: target, name: names.unit(target) },
    at: iso(e.at),
    note: e.note,
    photos: [...e.photos],
    data: isoTimes(e.data) as JsonObject,
  };
}
