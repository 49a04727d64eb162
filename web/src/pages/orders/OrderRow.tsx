import type { Order } from '../../api/orders.ts';
import { useI18n } from '../../i18n/context.tsx';
import { formatDateTime } from '../../time.ts';
import { LightBadge } from './LightBadge.tsx';
import { StatusBadge } from './StatusBadge.tsx';

export interface OrderRowProps {
  order: Order;
  selected: boolean;
  onOpen(id: string): void;
}

/** One order in the list (a card on a phone): code, category, address, status, responsible unit, deadline, light. */
export function OrderRow({ order, selected, onOpen }: OrderRowProps) {
  const { t } = useI18n();
  const unit = order.responsibleUnitId ? (order.responsibleUnitName ?? t('unit.other')) : '—';
  return (
    <tr
      data-testid="order-row"
      data-order-id={order.id}
      data-code={order.code}
      data-status={order.status}
      data-light={order.light ?? 'none'}
      className={selected ? 'selected' : undefined}
      aria-selected={selected}
      onClick={() => onOpen(order.id)}
    >
      <td className="cell-code">
        <a
          href={`#/orders/${encodeURIComponent(order.id)}`}
          className="order-code"
          data-testid="order-code"
          onClick={(e) => e.stopPropagation()}
        >
          {order.code}
        </a>
      </td>
      <td className="cell-category">{order.category?.minorName ?? '—'}</td>
      <td className="order-address">{order.address || '—'}</td>
      <td className="cell-status">
        <StatusBadge status={order.status} />
      </td>
      <td className="cell-unit" data-testid="order-unit">
        {unit}
      </td>
      <td className="nowrap cell-deadline" data-testid="order-deadline" data-label={t('orders.col.deadline')}>
        {formatDateTime(order.deadline)}
      </td>
      <td className="cell-light">
        <LightBadge light={order.light} />
      </td>
    </tr>
  );
}
