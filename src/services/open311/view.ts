import type { OrderEvent } from '../../domain/workorder/model.ts';
import {
  detailedStatus,
  type Fields,
  formatW3c,
  isPublicStep,
  List,
  noteType,
  open311Status,
  publicText,
} from '../../protocols/open311/index.ts';
import { type Category, listCategories } from '../../store/categories.repository.ts';
import { findOpen311Media } from '../../store/open311-requests.repository.ts';
import { listEventsOfOrders } from '../../store/order-events.repository.ts';
import type { OrderRecord } from '../../store/orders.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import type { ServiceContext } from '../context.ts';
import { serviceCodeOf, timeLimitText } from './services.ts';

/** What a request entry is made from besides the order. */
interface Around {
  category: Category | undefined;
  agency: string | null;
  media: { mediaUrls: string[]; addressId: string | null } | undefined;
  events: OrderEvent[];
}

/** The spec's "service_notice": what the jurisdiction will do, here the category's time limit. */
export function serviceNotice(category: Category): string {
  return `已受理，按“${category.minorName}”类处置时限${timeLimitText(category)}办理`;
}

/**
 * One "request" of GET Service Requests / GET Service Request, with every field the spec lists
 * and nothing else: no reporter, no contact, no staff notes. With extensions, `detailed_status`
 * and `notes` (the public steps) follow.
 */
function requestEntry(o: OrderRecord, a: Around, extensions: boolean): Fields {
  const s = o.state;
  const status = open311Status(s.status);
  const steps = a.events.filter(isPublicStep);
  const last = steps.at(-1);
  const entry: Fields = {
    service_request_id: o.code,
    status,
    status_notes: last ? publicText(last) : null,
    service_name: a.category?.minorName ?? null,
    service_code: a.category ? serviceCodeOf(a.category) : null,
    description: o.description || null,
    agency_responsible: a.agency,
    service_notice: a.category ? serviceNotice(a.category) : null,
    requested_datetime: formatW3c(o.createdAt),
    // "For requests with status=closed, this will be the date the request was closed."
    updated_datetime: formatW3c(status === 'closed' ? (s.closedAt ?? last?.at ?? o.updatedAt) : o.updatedAt),
    expected_datetime: s.deadline !== null && status === 'open' ? formatW3c(s.deadline) : null,
    address: o.address,
    address_id: a.media?.addressId ?? null,
    zipcode: null,
    lat: o.lat,
    long: o.lon,
    media_url: a.media?.mediaUrls[0] ?? null,
  };
  if (!extensions) return entry;
  return {
    ...entry,
    detailed_status: detailedStatus(s.status),
    notes: new List(
      'note',
      steps.map((e) => ({ datetime: formatW3c(e.at), summary: publicText(e), type: noteType(e) })),
    ),
  };
}

/** The request entries for some orders, in their order, with what each needs loaded in a few queries. */
export async function describeRequests(
  ctx: ServiceContext,
  orders: readonly OrderRecord[],
  extensions: boolean,
): Promise<Fields[]> {
  if (orders.length === 0) return [];
  const ids = orders.map((o) => o.id);
  const [categories, events, media] = await Promise.all([
    listCategories(ctx.db),
    listEventsOfOrders(ctx.db, ids),
    findOpen311Media(ctx.db, ids),
  ]);
  const byId = new Map(categories.map((c) => [c.id, c]));
  const agencies = new Map<string, string | null>();
  for (const unitId of new Set(orders.map((o) => o.state.responsibleUnitId))) {
    if (unitId) agencies.set(unitId, (await findUnit(ctx.db, unitId))?.name ?? null);
  }
  return orders.map((o) =>
    requestEntry(
      o,
      {
        category: byId.get(o.categoryId),
        agency: o.state.responsibleUnitId ? (agencies.get(o.state.responsibleUnitId) ?? null) : null,
        media: media.get(o.id),
        events: events.get(o.id) ?? [],
      },
      extensions,
    ),
  );
}
