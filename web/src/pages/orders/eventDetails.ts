import { type OrderEvent, SATISFACTIONS, type Satisfaction } from '../../api/orders.ts';
import type { Params } from '../../i18n/translate.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { formatDateTime } from '../../time.ts';

type Translate = (key: MessageKey, params?: Params) => string;

const SUB_TASK_ACTIONS: ReadonlySet<OrderEvent['action']> = new Set([
  'signSubTask',
  'feedbackSubTask',
  'closeSubTask',
]);
const SATISFACTION: readonly unknown[] = SATISFACTIONS;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * What an event says in a few words for the timeline: the unit it went to (named by the API),
 * the sub-task's unit, the check's result, the rating, the sub-tasks and extension, the new
 * deadline (in Shanghai time). `unitName` names a sub-task's unit (see unitNamesOf).
 */
export function eventDetails(event: OrderEvent, unitName: (id: string) => string, t: Translate): string[] {
  const d = event.data;
  const out: string[] = [];
  const target = event.targetUnit;
  if (target) out.push(t('timeline.unitTo', { unit: target.name ?? unitName(target.id) }));
  const subTaskUnit = text(d.unitId);
  // A sub-task's unit, unless it acted itself (the actor line names it already).
  if (SUB_TASK_ACTIONS.has(event.action) && subTaskUnit && subTaskUnit !== event.actor.unitId) {
    out.push(unitName(subTaskUnit));
  }
  if (typeof d.passed === 'boolean') out.push(t(d.passed ? 'timeline.passed' : 'timeline.failed'));
  if (SATISFACTION.includes(d.satisfaction)) out.push(t(`satisfaction.${d.satisfaction as Satisfaction}`));
  if (typeof d.solved === 'boolean') out.push(t(d.solved ? 'timeline.solved' : 'timeline.unsolved'));
  if (Array.isArray(d.subTasks) && d.subTasks.length > 0) {
    out.push(t('timeline.subTasks', { count: d.subTasks.length }));
  }
  const extension = d.extension as { amount?: unknown; unit?: unknown } | undefined;
  if (extension && typeof extension.amount === 'number') {
    out.push(t(extension.unit === 'hours' ? 'order.hours' : 'order.days', { amount: extension.amount }));
  }
  if (typeof d.agree === 'boolean') out.push(t(d.agree ? 'timeline.agreed' : 'timeline.disagreed'));
  if (Array.isArray(d.consultations) && d.consultations.length > 0) {
    const asked = d.consultations.flatMap((c) =>
      c !== null && typeof c === 'object' && typeof c.unitId === 'string' ? [unitName(c.unitId)] : [],
    );
    const question = text(d.question);
    out.push(
      question && asked.length > 0
        ? t('timeline.consultedUnits', { units: asked.join('、'), question })
        : t('timeline.consulted', { count: d.consultations.length }),
    );
  }
  const dueAt = text(d.dueAt);
  if (dueAt) out.push(t('timeline.answerBy', { time: formatDateTime(dueAt) }));
  const until = text(d.until);
  if (until) out.push(t('timeline.until', { time: formatDateTime(until) }));
  const plannedAt = text(d.plannedAt);
  if (plannedAt) out.push(t('timeline.plannedAt', { time: formatDateTime(plannedAt) }));
  const deadline = text(d.deadline);
  if (deadline) out.push(t('timeline.deadline', { time: formatDateTime(deadline) }));
  if (Array.isArray(d.assetIds) && d.assetIds.length > 0)
    out.push(t('timeline.boats', { count: d.assetIds.length }));
  const check = d.fieldCheck as { reached?: unknown; closestM?: unknown } | undefined;
  if (check && typeof check.reached === 'boolean') {
    out.push(
      t('timeline.fieldCheck', {
        result: t(check.reached ? 'fieldCheck.reached' : 'fieldCheck.notReached'),
        m: typeof check.closestM === 'number' ? Math.round(check.closestM) : '—',
      }),
    );
  }
  return out;
}
