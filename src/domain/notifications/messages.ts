import { SHANGHAI_UTC_OFFSET_MINUTES } from '../calendar/calendar.ts';
import type { NotificationKind } from './rules.ts';

/** 'yyyy-MM-dd HH:mm' in Beijing time: people read deadlines on the local clock. */
function beijing(at: number): string {
  return new Date(at + SHANGHAI_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The inbox line for a notification. The console may render its own text from `kind` and
 * `data`; this one reads well as it is, with the Chinese term the staff use.
 */
export function notificationMessage(
  kind: NotificationKind,
  orderCode: string,
  details: { deadline: number | null; auto?: boolean; intoOrderCode?: string },
): string {
  const due = details.deadline === null ? '' : `, due ${beijing(details.deadline)} Beijing time`;
  switch (kind) {
    case 'reported':
      return `New report ${orderCode} for your unit (上报): register it (立案), reject it or pass it on`;
    case 'dispatched':
      return `Order ${orderCode} was dispatched to your unit (派遣)${due}: sign for it (签收)`;
    case 'subTaskAssigned':
      return `Your unit has a sub-task (协办) on order ${orderCode}${due}: sign for it`;
    case 'escalated':
      return `Order ${orderCode} was escalated to your unit (上报上级): register it or pass it on`;
    case 'returned':
      return `Order ${orderCode} was returned to your unit (退单): dispatch it again`;
    case 'reworked':
      return `Order ${orderCode} failed verification and is back in handling (返工)${due}`;
    case 'reopened':
      return `Order ${orderCode} was reopened (重办): it is back with the unit that runs it, to dispatch again`;
    case 'merged':
      return `Order ${orderCode} was merged into order ${details.intoOrderCode ?? '?'} (合并): follow that order from now on`;
    case 'supervised':
      return details.auto
        ? `Order ${orderCode} is overdue and under automatic supervision (超时督办)${due}`
        : `Order ${orderCode} is under supervision (督办): give it priority${due}`;
    case 'yellow':
      return `Order ${orderCode} has used 80 % of its time limit (黄灯)${due}`;
    case 'overdue':
      return `Order ${orderCode} is overdue (红灯)${due}`;
  }
}
