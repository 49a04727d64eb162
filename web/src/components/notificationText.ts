import { NOTIFICATION_KINDS, type Notification, type NotificationKind } from '../api/notifications.ts';
import type { Params } from '../i18n/translate.ts';
import type { MessageKey } from '../i18n/zh-CN.ts';
import { formatDateTime } from '../time.ts';

type Translate = (key: MessageKey, params?: Params) => string;

/**
 * An inbox line in the console's language, with the deadline in Shanghai time where the order has
 * one. A kind the console does not word (added on the server later), a notification naming no
 * order, or a merge that does not name the surviving order, shows the server's own message.
 */
export function notificationText(n: Notification, t: Translate): string {
  const kind = NOTIFICATION_KINDS.find((k): k is NotificationKind => k === n.kind);
  // A notice is its author's title, whether or not it names an order.
  if (kind === 'notice') return n.data.title ? t('notify.notice', { title: n.data.title }) : n.message;
  if (!kind || n.orderCode === null) return n.message;
  if (kind === 'merged') {
    const into = n.data.intoOrderCode;
    return into ? t('notify.merged', { code: n.orderCode, into }) : n.message;
  }
  const line = t(decidedKey(kind, n.data), { code: n.orderCode });
  return n.data.deadline ? `${line}${t('notify.due', { deadline: formatDateTime(n.data.deadline) })}` : line;
}

/** The message key of a kind, made precise where the data says how a request or question was decided. */
function decidedKey(kind: NotificationKind, data: Notification['data']): MessageKey {
  if (kind === 'extensionDecided' && data.approved !== undefined) {
    return data.approved ? 'notify.extensionApproved' : 'notify.extensionDenied';
  }
  if (kind === 'parkDecided' && data.approved !== undefined) {
    return data.approved ? 'notify.parkApproved' : 'notify.parkDenied';
  }
  if (kind === 'consultAnswered' && data.agree !== undefined) {
    return data.agree ? 'notify.consultAgreed' : 'notify.consultDisagreed';
  }
  return `notify.${kind}`;
}
