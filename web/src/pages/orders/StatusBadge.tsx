import type { OrderStatus } from '../../api/orders.ts';
import { useI18n } from '../../i18n/context.tsx';

/** An order's state by its Chinese (or English) name, coloured by how far along the flow it is. */
export function StatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge status-badge status-${status}`} data-testid="order-status" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
