import { useCallback, useEffect, useState } from 'react';
import type { Category } from '../../api/categories.ts';
import { fetchOrders, type OrderFilter } from '../../api/orders.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/context.tsx';
import { OrderFilters } from './OrderFilters.tsx';
import { OrderRow } from './OrderRow.tsx';

const PAGE_SIZE = 20;

export interface OrderListProps {
  categories: readonly Category[];
  selectedId: string | null;
  /** Changes whenever an order changed here, so the list reloads. */
  refreshKey: number;
  onOpen(id: string): void;
}

/** The filterable, paged list of the orders the user may see, newest first. */
export function OrderList({ categories, selectedId, refreshKey, onOpen }: OrderListProps) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<OrderFilter>({});
  // Cursors of the pages opened so far; the last one is the page shown (undefined: the first).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const cursor = cursors.at(-1);

  const load = useCallback(
    async (signal: AbortSignal) => {
      void refreshKey;
      const page = await fetchOrders(filter, { limit: PAGE_SIZE, cursor }, signal);
      // The query the rows belong to, so the table says which filter it shows (tests wait on it).
      return { page, query: new URLSearchParams(filter as Record<string, string>).toString() };
    },
    [filter, cursor, refreshKey],
  );
  const list = useAsync(load);
  const items = list.data?.page.items ?? [];

  useEffect(() => {
    if (list.data?.page.total !== undefined) setTotal(list.data.page.total);
  }, [list.data]);

  const changeFilter = (next: OrderFilter) => {
    setFilter(next);
    setCursors([undefined]);
  };
  const next = list.data?.page.nextCursor;

  return (
    <section className="order-list card" data-testid="order-list">
      <OrderFilters filter={filter} categories={categories} onChange={changeFilter} />
      <ErrorNotice error={list.error} />
      <table
        className="table order-table"
        data-testid="order-table"
        data-query={list.data?.query ?? ''}
        aria-busy={list.loading}
      >
        <thead>
          <tr>
            <th>{t('orders.col.code')}</th>
            <th>{t('orders.col.category')}</th>
            <th>{t('orders.col.address')}</th>
            <th>{t('orders.col.status')}</th>
            <th>{t('orders.col.unit')}</th>
            <th>{t('orders.col.deadline')}</th>
            <th>{t('orders.col.light')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((o) => (
            <OrderRow key={o.id} order={o} selected={o.id === selectedId} onOpen={onOpen} />
          ))}
        </tbody>
      </table>
      {list.data && items.length === 0 && <p className="empty">{t('orders.empty')}</p>}
      <div className="pager">
        <span className="muted" data-testid="order-count">
          {total !== undefined && t('orders.count', { count: total })} ·{' '}
          {t('orders.page', { page: cursors.length })}
        </span>
        <button
          type="button"
          className="btn btn-small"
          disabled={cursors.length <= 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          {t('orders.prev')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={!next}
          onClick={() => next && setCursors((c) => [...c, next])}
        >
          {t('orders.next')}
        </button>
      </div>
    </section>
  );
}
