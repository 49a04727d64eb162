import type { ReactNode } from 'react';
import type { Order } from '../../api/orders.ts';
import { useI18n } from '../../i18n/context.tsx';
import { formatDateTime } from '../../time.ts';
import { LightBadge } from './LightBadge.tsx';

/** The order's fields: what, where, from whom, who holds it and by when; units and people by the names the API gives. */
export function OrderFields({ order }: { order: Order }) {
  const { t } = useI18n();
  const unit = (id: string | null, name: string | null) => (id ? (name ?? t('unit.other')) : '—');
  const limit = order.timeLimit
    ? t(order.timeLimit.unit === 'hours' ? 'order.hours' : 'order.days', { amount: order.timeLimit.amount })
    : '—';
  const place = [[order.communityId, order.communityName] as const, [order.gridId, order.gridName] as const]
    .filter(([id]) => id !== null)
    .map(([id, name]) => unit(id, name));
  const flags = [
    order.supervision && t('order.supervised', { count: order.supervision.count }),
    order.parked && t('order.parked', { reason: order.parked.reason }),
    order.reworkCount > 0 && t('order.rework', { count: order.reworkCount }),
    order.mergedIntoId && t('order.mergedInto'),
    order.returnVisit &&
      t('order.returnVisit', {
        satisfaction: t(`satisfaction.${order.returnVisit.satisfaction}`),
        solved: t(order.returnVisit.solved ? 'timeline.solved' : 'timeline.unsolved'),
      }),
  ].filter((f): f is string => typeof f === 'string');

  const rows: [string, ReactNode, string][] = [
    [t('order.description'), order.description, 'description'],
    [t('orders.col.address'), order.address || '—', 'address'],
    [t('order.position'), `${order.lat.toFixed(6)}, ${order.lon.toFixed(6)}`, 'position'],
    [t('order.area'), place.length > 0 ? place.join(' · ') : '—', 'area'],
    [t('order.source'), t(`source.${order.source}`), 'source'],
    [t('order.stage'), t(`stage.${order.stage}`), 'stage'],
    [t('order.level'), t(`level.${order.level}`), 'level'],
    [
      t('order.responsibleUnit'),
      unit(order.responsibleUnitId, order.responsibleUnitName),
      'responsible-unit',
    ],
    [t('order.responsiblePerson'), order.responsibleUserName ?? '—', 'responsible-person'],
    [t('order.timeLimit'), limit, 'time-limit'],
    [t('order.deadline'), formatDateTime(order.deadline), 'deadline'],
    [t('orders.filter.light'), <LightBadge key="light" light={order.light} />, 'light'],
    [t('order.createdAt'), formatDateTime(order.createdAt), 'created-at'],
    [t('order.closedAt'), formatDateTime(order.closedAt), 'closed-at'],
  ];

  return (
    <>
      {flags.length > 0 && (
        <p className="order-flags">
          {flags.map((f) => (
            <span key={f} className="badge badge-flag">
              {f}
            </span>
          ))}
        </p>
      )}
      <dl className="order-fields" data-testid="order-fields">
        {rows.map(([label, value, id]) => (
          <div key={id} data-field={id}>
            <dt>{label}</dt>
            <dd data-testid={`field-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
