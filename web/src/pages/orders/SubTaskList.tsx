import type { Order } from '../../api/orders.ts';
import { useI18n } from '../../i18n/context.tsx';
import { formatDateTime } from '../../time.ts';

/** The collaboration sub-tasks (协办): unit, task, status and deadline; pending extension requests below. */
export function SubTaskList({ order }: { order: Order }) {
  const { t } = useI18n();
  const limit = (r: Order['extensionRequests'][number]) =>
    t(r.extension.unit === 'hours' ? 'order.hours' : 'order.days', { amount: r.extension.amount });
  return (
    <>
      {order.subTasks.length > 0 && (
        <section className="detail-section">
          <h3>{t('order.subTasks')}</h3>
          <ul className="subtask-list" data-testid="subtask-list">
            {order.subTasks.map((s) => (
              <li key={s.id} data-testid="subtask" data-status={s.status}>
                <strong>{s.unitName ?? t('unit.other')}</strong>
                {s.task && <span>{s.task}</span>}
                <span className={`badge subtask-${s.status}`}>{t(`subTask.${s.status}`)}</span>
                <span className="muted">{formatDateTime(s.deadline)}</span>
                {s.closeReason && <span className="muted">{s.closeReason}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {order.extensionRequests.length > 0 && (
        <section className="detail-section">
          <h3>{t('order.extensions')}</h3>
          <ul className="subtask-list" data-testid="extension-list">
            {order.extensionRequests.map((r) => (
              <li key={r.subTaskId ?? 'order'}>
                <strong>{limit(r)}</strong>
                <span>{r.reason}</span>
                <span className="muted">{formatDateTime(r.requestedAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
