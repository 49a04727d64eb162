import { useCallback, useEffect, useState } from 'react';
import { fetchInbox, type Inbox, markAllRead, markRead, notifiedOrderId } from '../api/notifications.ts';
import { useOrdersChanged } from '../hooks/useOrdersChanged.ts';
import { useI18n } from '../i18n/context.tsx';
import { navigateTo } from '../routing.ts';
import { formatDateTime } from '../time.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { notificationText } from './notificationText.ts';

/** How often the inbox is asked again while the console is open. */
const POLL_MS = 30_000;

/**
 * The header's inbox: unread count, the newest notifications, open one (marks it read; a merge
 * opens the order the duplicate was merged into), mark all read.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(() => {
    fetchInbox(20).then(
      (next) => {
        setInbox(next);
        setError(null);
      },
      (e: unknown) => setError(e),
    );
  }, []);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  useOrdersChanged(refresh);

  const change = (run: () => Promise<unknown>) => run().then(refresh, (e: unknown) => setError(e));
  const unread = inbox?.unreadCount ?? 0;

  return (
    <div className="bell">
      <button
        type="button"
        className="btn btn-ghost bell-button"
        data-testid="notifications"
        aria-expanded={open}
        onClick={() => {
          if (!open) refresh();
          setOpen(!open);
        }}
      >
        {t('notify.title')}
        <span
          className={`bell-count ${unread > 0 ? 'unread' : ''}`}
          data-testid="unread-count"
          data-count={unread}
        >
          {unread}
        </span>
      </button>
      {open && (
        <div className="bell-panel card" data-testid="notification-panel">
          <div className="bell-head">
            <strong>{t('notify.title')}</strong>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              disabled={unread === 0}
              onClick={() => change(markAllRead)}
            >
              {t('notify.readAll')}
            </button>
          </div>
          <ErrorNotice error={error} />
          {inbox && inbox.items.length === 0 && <p className="empty">{t('notify.empty')}</p>}
          <ul className="bell-list">
            {inbox?.items.map((n) => (
              <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
                <button
                  type="button"
                  data-testid="notification"
                  data-kind={n.kind}
                  data-order-id={notifiedOrderId(n) ?? undefined}
                  data-read={n.readAt !== null}
                  onClick={() => {
                    if (!n.readAt) void change(() => markRead(n.id));
                    setOpen(false);
                    const orderId = notifiedOrderId(n);
                    if (orderId) navigateTo('orders', orderId);
                  }}
                >
                  <span>{notificationText(n, t)}</span>
                  <small className="muted">{formatDateTime(n.createdAt)}</small>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
