import { SHANGHAI_UTC_OFFSET_MINUTES } from '../calendar/calendar.ts';
import type { NotificationKind } from './rules.ts';

/** 'yyyy-MM-dd HH:mm' in Beijing time: people read deadlines on the local clock. */
function beijing(at: number): string {
  return new Date(at + SHANGHAI_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** What a message may mention besides the order: its deadline and the specifics of its kind. */
export interface MessageDetails {
  deadline: number | null;
  auto?: boolean;
  intoOrderCode?: string;
  /** extensionDecided, parkDecided: granted or denied. */
  approved?: boolean;
  /** consultAnswered: whether the asked unit agrees. */
  agree?: boolean;
  /** notice: its title. */
  title?: string;
}

/**
 * The inbox line for a notification. The console may render its own text from `kind` and
 * `data` (web/src/i18n, in Chinese and English); this one reads well as it is, in English with
 * the Chinese term the staff use. A notice's line is its title, in the words its author wrote.
 */
export function notificationMessage(
  kind: NotificationKind,
  orderCode: string,
  details: MessageDetails,
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
    case 'awaitingVerification':
      return `Order ${orderCode} was fed back (反馈) and waits for verification (核查): check the result on site`;
    case 'extensionRequested':
      return `The unit handling order ${orderCode} asks for more time (申请延期): approve or deny it`;
    case 'extensionDecided':
      return details.approved
        ? `Your extension request on order ${orderCode} was approved (批准延期)${due}`
        : `Your extension request on order ${orderCode} was denied (驳回延期): keep to the deadline${due}`;
    case 'subTaskFedBack':
      return `A sub-task (协办) of order ${orderCode} was fed back: see whether your unit can feed back now`;
    case 'closed':
      return `Your report ${orderCode} was closed (结案): please rate the result (回访)`;
    case 'returnVisitDue':
      return `Order ${orderCode} was closed a working day ago and has had no return visit (回访) yet: call the reporter`;
    case 'parkRequested':
      return `The unit handling order ${orderCode} asks to park it (申请挂账) while it waits on someone outside: approve or deny it`;
    case 'parkDecided':
      return details.approved
        ? `Your request to park order ${orderCode} was approved (批准挂账): its time limit is paused`
        : `Your request to park order ${orderCode} was denied (驳回挂账): carry on handling it${due}`;
    case 'resumed':
      return `Order ${orderCode} is resumed (恢复): its time limit runs again${due}`;
    case 'consultRequested':
      return `Your unit is asked for its opinion on order ${orderCode} (征询意见): read the order and answer`;
    case 'consultAnswered':
      return `The unit you asked answered on order ${orderCode} (征询答复): ${details.agree ? 'it agrees' : 'it does not agree'}`;
    case 'notice':
      return `Notice (公告): ${details.title ?? ''}`;
  }
}
