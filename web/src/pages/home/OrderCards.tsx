import { useCallback } from 'react';
import type { Order, OrderPage } from '../../api/orders.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useOrdersChanged } from '../../hooks/useOrdersChanged.ts';
import { useI18n } from '../../i18n/context.tsx';
import { navigateTo } from '../../routing.ts';
import { formatDateTime } from '../../time.ts';

export interface OrderCardsProps {
  title: string;
  testId: string;
  load(signal: AbortSignal): Promise<OrderPage>;
  /** Orders shown in this order (nearest first, overdue first…); as loaded when absent. */
  arrange?(orders: Order[]): Order[];
  /** The line under the code: the status in plain words for a resident, else the status. */
  describe?(order: Order): string;
  /** What a tap on the card asks the user to do, shown as its button. */
  cta?(order: Order): string | null;
}

/** A home section: a short list of orders as cards, each opening the order to act on it. */
export function OrderCards({ title, testId, load, arrange, describe, cta }: OrderCardsProps) {
  const { t } = useI18n();
  const page = useAsync(load);
  const { reload } = page;
  useOrdersChanged(useCallback(() => reload(), [reload]));
  const orders = arrange ? arrange(page.data?.items ?? []) : (page.data?.items ?? []);
  return (
    <section className="card home-section" data-testid={testId} aria-busy={page.loading}>
      <h2>{title}</h2>
      <ErrorNotice error={page.error} />
      {!page.loading && orders.length === 0 && <p className="muted">{t('home.none')}</p>}
      <ul className="home-cards">
        {orders.map((o) => {
          const ask = cta?.(o) ?? null;
          return (
            <li key={o.id}>
              <a
                className="home-card"
                href={`#/orders/${encodeURIComponent(o.id)}`}
                data-testid="home-order"
                data-order-id={o.id}
                data-status={o.status}
                onClick={(e) => {
                  e.preventDefault();
                  navigateTo('orders', o.id);
                }}
              >
                <span className="home-card-title">
                  {o.category?.minorName ?? o.code}
                  {o.overdue && <span className="badge badge-red">{t('home.overdue')}</span>}
                </span>
                <span className="home-card-line">{describe ? describe(o) : t(`status.${o.status}`)}</span>
                <span className="muted home-card-line">
                  {o.address || o.description.slice(0, 40)} · {formatDateTime(o.createdAt)}
                </span>
                {ask && <span className="btn btn-small btn-primary home-card-cta">{ask}</span>}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
