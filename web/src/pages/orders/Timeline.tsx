import { useMemo } from 'react';
import type { Order, OrderEvent } from '../../api/orders.ts';
import { useI18n } from '../../i18n/context.tsx';
import { formatDateTime } from '../../time.ts';
import { eventDetails } from './eventDetails.ts';
import { unitNamesOf } from './names.ts';
import { PhotoStrip } from './PhotoStrip.tsx';

/**
 * The order's append-only history, oldest first: who (name, role, unit), when (Shanghai time),
 * from → to, where it went, note, photos. Names come from the API with the events and the order.
 */
export function Timeline({ events, order }: { events: readonly OrderEvent[]; order: Order }) {
  const { t } = useI18n();
  const names = useMemo(() => unitNamesOf(order, events), [order, events]);
  const unit = (id: string) => names.get(id) ?? t('unit.other');

  const who = (actor: OrderEvent['actor']) => {
    if (actor.role === 'system') return t('timeline.system');
    const parts = [
      actor.displayName,
      t(`role.${actor.role}`),
      actor.unitId ? (actor.unitName ?? t('unit.other')) : null,
    ];
    return parts.filter(Boolean).join(' · ');
  };

  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((e) => (
        <li key={e.seq} data-testid="timeline-event" data-action={e.action} data-seq={e.seq}>
          <div className="timeline-head">
            <time dateTime={e.at} data-testid="event-time">
              {formatDateTime(e.at)}
            </time>
            <strong data-testid="event-action">{t(`action.${e.action}`)}</strong>
            <span className="timeline-states" data-testid="event-states">
              {e.fromState ? `${t(`status.${e.fromState}`)} → ` : ''}
              {t(`status.${e.toState}`)}
            </span>
          </div>
          <div className="timeline-who muted" data-testid="event-actor">
            {who(e.actor)}
          </div>
          {eventDetails(e, unit, t).map((line) => (
            <div key={line} className="timeline-detail">
              {line}
            </div>
          ))}
          {e.note && (
            <p className="timeline-note" data-testid="event-note">
              {e.note}
            </p>
          )}
          <PhotoStrip ids={e.photos} label={t(`action.${e.action}`)} />
        </li>
      ))}
    </ol>
  );
}
