import type { DuplicateView } from '../../api/index.ts';
import { haversineMeters } from '../../domain/positions/filters.ts';
import type { OrderStatus } from '../../domain/workorder/states.ts';
import { findCategory } from '../../store/categories.repository.ts';
import { listOrders } from '../../store/order-list.repository.ts';
import type { OrderRecord } from '../../store/orders.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { getVisibleOrderOrThrow, visibilityOf } from '../scope/index.ts';

/** States of a live case another report can duplicate. */
const OPEN_STATUSES: readonly OrderStatus[] = [
  'reported',
  'registered',
  'dispatched',
  'signed',
  'handling',
  'handled',
  'verified',
];

const METRES_PER_DEGREE = 111_320;

/**
 * Open orders of the same category within the category's radius of the order, nearest first,
 * among those the caller may see (a resident is not shown other people's reports).
 */
export async function findDuplicates(
  ctx: ServiceContext,
  who: Principal,
  order: Pick<OrderRecord, 'id' | 'lat' | 'lon' | 'categoryId'>,
  radiusM: number,
): Promise<DuplicateView[]> {
  const dLat = radiusM / METRES_PER_DEGREE;
  const dLon = radiusM / (METRES_PER_DEGREE * Math.max(0.01, Math.cos((order.lat * Math.PI) / 180)));
  const { items } = await listOrders(
    ctx.db,
    {
      visibility: await visibilityOf(ctx, who),
      now: ctx.now(),
      categoryIds: [order.categoryId],
      statuses: OPEN_STATUSES,
      bbox: {
        minLat: order.lat - dLat,
        maxLat: order.lat + dLat,
        minLon: order.lon - dLon,
        maxLon: order.lon + dLon,
      },
    },
    { sort: 'createdAt', descending: true, limit: 50 },
  );
  return items
    .filter((o) => o.id !== order.id)
    .map((o) => ({ o, distanceM: haversineMeters(order.lat, order.lon, o.lat, o.lon) }))
    .filter((d) => d.distanceM <= radiusM)
    .sort((a, b) => a.distanceM - b.distanceM)
    .slice(0, 10)
    .map(({ o, distanceM }) => ({
      id: o.id,
      code: o.code,
      status: o.state.status,
      description: o.description,
      address: o.address,
      lat: o.lat,
      lon: o.lon,
      distanceM: Math.round(distanceM),
      createdAt: new Date(o.createdAt).toISOString(),
    }));
}

/** The duplicates of an order the caller may see, within its category's radius (GET /api/orders/:id/duplicates). */
export async function findDuplicatesOfOrder(
  ctx: ServiceContext,
  who: Principal,
  id: string,
): Promise<DuplicateView[]> {
  const order = await getVisibleOrderOrThrow(ctx, who, id);
  const category = await findCategory(ctx.db, order.categoryId);
  return findDuplicates(ctx, who, order, category?.duplicateRadiusM ?? 0);
}
