import { PUBLIC_SOURCES } from '../../domain/workorder/dictionary.ts';
import type { OrderEvent } from '../../domain/workorder/model.ts';
import type { OrderStatus } from '../../domain/workorder/states.ts';
import { fail } from '../../errors/catalogue.ts';
import {
  type Document,
  formatW3c,
  List,
  type Open311Status,
  publicText,
  statesFor,
  updateStatus,
} from '../../protocols/open311/index.ts';
import {
  findOrderByCode,
  listOrdersForOpen311,
  listPublicStepsBetween,
  type RequestFilter,
} from '../../store/open311-requests.repository.ts';
import type { OrderRecord } from '../../store/orders.repository.ts';
import type { ServiceContext } from '../context.ts';
import {
  dateWindow,
  extensionsOn,
  hasControlChars,
  listParam,
  MAX_RESULTS,
  paging,
  type RawQuery,
} from './params.ts';
import { findCategoryByServiceCode } from './services.ts';
import { describeRequests } from './view.ts';

const asDocument = (entries: Document['body']): Document => ({ root: 'service_requests', body: entries });

async function filterOf(ctx: ServiceContext, q: RawQuery): Promise<RequestFilter> {
  const statuses = listParam(q, 'status')?.map((s) => {
    if (s !== 'open' && s !== 'closed') {
      fail('VALIDATION_FAILED', `status must be open or closed, not "${s.slice(0, 20)}"`, {
        field: 'status',
      });
    }
    return s as Open311Status;
  });
  const codes = listParam(q, 'service_code');
  const categoryIds = codes
    ? (await Promise.all(codes.map((c) => findCategoryByServiceCode(ctx, c)))).flatMap((c) =>
        c ? [c.id] : [],
      )
    : undefined;
  const window = dateWindow(q, ctx.now());
  return {
    statuses: statuses && [...new Set(statuses.flatMap(statesFor))],
    categoryIds,
    createdFrom: window.from,
    createdTo: window.to,
  };
}

/**
 * GET Service Requests. `service_request_id` (comma-delimited) overrides every other argument;
 * otherwise `service_code`, `status`, `start_date`/`end_date` filter within the 90-day / 1000
 * default, newest first, paged by `page`/`page_size`.
 */
export async function listServiceRequests(ctx: ServiceContext, q: RawQuery): Promise<Document> {
  const ids = listParam(q, 'service_request_id');
  if (ids && ids.length > MAX_RESULTS) {
    fail('VALIDATION_FAILED', `service_request_id lists at most ${MAX_RESULTS} ids`, {
      field: 'service_request_id',
    });
  }
  const orders = ids
    ? await listOrdersForOpen311(ctx.db, { codes: ids }, { limit: MAX_RESULTS, offset: 0 })
    : await listOrdersForOpen311(ctx.db, await filterOf(ctx, q), paging(q));
  return asDocument(new List('request', await describeRequests(ctx, orders, extensionsOn(q))));
}

async function orderOrThrow(ctx: ServiceContext, code: string, what: string): Promise<OrderRecord> {
  const plausible = code.length <= 64 && !hasControlChars(code);
  const found = plausible ? await findOrderByCode(ctx.db, code) : undefined;
  // An internal order (a grid worker's find, a sensor alert) is answered as unknown, not 403:
  // the public API must not even confirm that its code exists.
  const order = found && PUBLIC_SOURCES.includes(found.source) ? found : undefined;
  if (!order) fail('ORDER_NOT_FOUND', `No service request with ${what} ${code.slice(0, 64)}`);
  return order;
}

/** GET Service Request: one request by its service_request_id (the order code), or 404. */
export async function getServiceRequest(ctx: ServiceContext, id: string, q: RawQuery): Promise<Document> {
  const order = await orderOrThrow(ctx, id, 'service_request_id');
  return asDocument(new List('request', await describeRequests(ctx, [order], extensionsOn(q))));
}

/**
 * GET service_request_id from a token. Requests are created synchronously (type realtime), so
 * POST answers the service_request_id itself; for clients that poll tokens anyway, the
 * service_request_id is accepted as its own token.
 */
export async function serviceRequestIdFromToken(ctx: ServiceContext, token: string): Promise<Document> {
  const order = await orderOrThrow(ctx, token, 'token');
  return asDocument(new List('request', [{ service_request_id: order.code, token }]));
}

/**
 * FixMyStreet's GET servicerequestupdates: the public steps of every order taken between
 * start_date and end_date (the same 90-day default as requests), oldest first, paged.
 */
export async function listServiceRequestUpdates(ctx: ServiceContext, q: RawQuery): Promise<Document> {
  const window = dateWindow(q, ctx.now());
  const rows = await listPublicStepsBetween(ctx.db, window, paging(q));
  const updates = rows.map((r) => {
    const step = { action: r.action as OrderEvent['action'], toState: r.toState as OrderStatus };
    return {
      update_id: `${r.code}_${r.seq}`,
      service_request_id: r.code,
      status: updateStatus(step),
      updated_datetime: formatW3c(r.at),
      description: publicText(step),
      media_url: null,
      external_status_code: r.toState,
    };
  });
  return { root: 'service_request_updates', body: new List('request_update', updates) };
}
