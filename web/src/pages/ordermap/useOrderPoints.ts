import { useCallback, useEffect, useState } from 'react';
import { fetchOrders, type Order, type OrderFilter } from '../../api/orders.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { useLive } from '../../live/LiveProvider.tsx';

/** Pages of 200 (the list's maximum): the map draws at most this many orders, newest first. */
const PAGE = 200;
export const MAX_POINTS = 1000;

async function loadPoints(
  filter: OrderFilter,
  signal: AbortSignal,
): Promise<{ orders: Order[]; total: number }> {
  const orders: Order[] = [];
  let cursor: string | undefined;
  let total = 0;
  do {
    const page = await fetchOrders(filter, { limit: PAGE, cursor }, signal);
    if (cursor === undefined) total = page.total ?? page.items.length;
    orders.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && orders.length < MAX_POINTS);
  return { orders: orders.slice(0, MAX_POINTS), total };
}

/** The orders matching the list's filters, for the map: reloaded a moment after order events on the live feed. */
export function useOrderPoints(filter: OrderFilter) {
  const { ordersVersion } = useLive();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (ordersVersion === 0) return;
    const timer = setTimeout(() => setVersion((v) => v + 1), 2000);
    return () => clearTimeout(timer);
  }, [ordersVersion]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version asks for a fresh load
  return useAsync(useCallback((signal: AbortSignal) => loadPoints(filter, signal), [filter, version]));
}
