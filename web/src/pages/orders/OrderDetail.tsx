import { useCallback, useState } from 'react';
import { type Duplicate, fetchOrder, fetchOrderEvents } from '../../api/orders.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { announceOrdersChanged } from '../../hooks/useOrdersChanged.ts';
import { useI18n } from '../../i18n/context.tsx';
import { useSignedIn } from '../../session/context.tsx';
import { ActionBar } from './ActionBar.tsx';
import { DuplicateNotice } from './DuplicateNotice.tsx';
import { FieldCheckPanel } from './FieldCheckPanel.tsx';
import { OrderAlert } from './OrderAlert.tsx';
import { OrderBoats } from './OrderBoats.tsx';
import { OrderFields } from './OrderFields.tsx';
import { PhotoStrip } from './PhotoStrip.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { SubTaskList } from './SubTaskList.tsx';
import { Timeline } from './Timeline.tsx';

export interface OrderDetailProps {
  id: string;
  /** Set right after the user reported this order: the duplicates the API suggested. */
  duplicates?: readonly Duplicate[];
  /** An action changed the order: the list reloads. */
  onChanged(): void;
  onClose(): void;
}

/** While these, the boats sent are shown with distance and arrival (事中). */
const HANDLING: readonly string[] = ['dispatched', 'signed', 'handling'];
/** From feedback on, the field check of their tracks (事后): the verifier reads it before verifying. */
const CHECKED: readonly string[] = ['handled', 'verified', 'closed'];

/** One order: its fields, photos, sub-tasks, the actions open to the user and the timeline. */
export function OrderDetail({ id, duplicates, onChanged, onClose }: OrderDetailProps) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const [tick, setTick] = useState(0);
  const order = useAsync(
    useCallback(
      (signal: AbortSignal) => {
        void tick;
        return fetchOrder(id, signal);
      },
      [id, tick],
    ),
  );
  const events = useAsync(
    useCallback(
      (signal: AbortSignal) => {
        void tick;
        return fetchOrderEvents(id, signal);
      },
      [id, tick],
    ),
  );
  const o = order.data;
  const timeline = events.data ?? [];

  const reload = () => {
    setTick((n) => n + 1);
    onChanged();
    announceOrdersChanged();
  };

  if (!o) {
    return (
      <section className="order-detail card" data-testid="order-detail" data-loading="true">
        <ErrorNotice error={order.error} />
        {!order.error && <p className="muted">{t('app.loading')}</p>}
      </section>
    );
  }
  const reportPhotos = timeline.filter((e) => e.action === 'report').flatMap((e) => e.photos);
  const category = o.category
    ? `${t(`categoryType.${o.category.type}`)} · ${o.category.majorName} · ${o.category.minorName} (${o.category.code})`
    : '—';

  return (
    <section
      className="order-detail card"
      data-testid="order-detail"
      data-order-id={o.id}
      data-status={o.status}
      data-version={o.version}
    >
      <header className="detail-head">
        <div>
          <h2 data-testid="detail-code">{o.code}</h2>
          <span className="muted" data-testid="detail-category">
            {category}
          </span>
        </div>
        <StatusBadge status={o.status} />
        <button type="button" className="btn btn-small btn-ghost" onClick={onClose}>
          {t('common.close')}
        </button>
      </header>
      {duplicates && <DuplicateNotice code={o.code} duplicates={duplicates} />}
      <ErrorNotice error={order.error ?? events.error} />
      {o.alertId && <OrderAlert alertId={o.alertId} />}
      <OrderFields order={o} />
      {reportPhotos.length > 0 && (
        <section className="detail-section">
          <h3>{t('order.photos')}</h3>
          <PhotoStrip ids={reportPhotos} label={t('order.photos')} />
        </section>
      )}
      <SubTaskList order={o} />
      {/* A resident follows the order, not the boats (the API refuses them the boats' positions). */}
      {user.role !== 'resident' && HANDLING.includes(o.status) && <OrderBoats order={o} />}
      {user.role !== 'resident' && CHECKED.includes(o.status) && o.dispatchedAt !== null && (
        <FieldCheckPanel order={o} />
      )}
      <ActionBar order={o} onActed={reload} />
      <section className="detail-section">
        <h3>{t('order.timeline')}</h3>
        <Timeline events={timeline} order={o} />
      </section>
    </section>
  );
}
