import { request } from '../../api/client.ts';
import type { OrderPage, OrderStatus } from '../../api/orders.ts';

/** The orders still to act on, as the field sees them. */
export const OPEN_STATUSES: readonly OrderStatus[] = [
  'reported',
  'registered',
  'dispatched',
  'signed',
  'handling',
  'handled',
  'verified',
];

/** One page of GET /api/orders with several statuses at once (the list's own filter takes one). */
export function fetchOrdersIn(
  statuses: readonly OrderStatus[],
  options: {
    limit?: number;
    sort?: string;
    createdFrom?: string;
    closedFrom?: string;
    overdue?: boolean;
  } = {},
  signal?: AbortSignal,
): Promise<OrderPage> {
  return request('/api/orders', {
    query: {
      status: statuses.length > 0 ? statuses.join(',') : undefined,
      limit: options.limit ?? 20,
      ...options,
    },
    signal,
  });
}

/** Metres between two WGS-84 points (haversine): good enough to sort a grid's orders by distance. */
export function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** Overdue first, then by deadline (none last): a department's or crew's task order. */
export function byUrgency<T extends { overdue: boolean; deadline: string | null }>(
  orders: readonly T[],
): T[] {
  const due = (o: T) => (o.deadline ? Date.parse(o.deadline) : Number.POSITIVE_INFINITY);
  return [...orders].sort((a, b) => Number(b.overdue) - Number(a.overdue) || due(a) - due(b));
}
