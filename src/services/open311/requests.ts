import { fail } from '../../errors/catalogue.ts';
import {
  attributesOf,
  type Document,
  type FormFields,
  List,
  malformedAttributeNames,
} from '../../protocols/open311/index.ts';
import { insertOpen311Submission } from '../../store/open311-requests.repository.ts';
import type { OrderRecord } from '../../store/orders.repository.ts';
import { noteAuditFacts } from '../../store/request-audit.ts';
import { findUnit } from '../../store/units.repository.ts';
import type { ServiceContext } from '../context.ts';
import type { Delivery } from '../notifications/index.ts';
import { createOrder, defaultHandler } from '../orders/index.ts';
import { checkAttributes } from './attributes.ts';
import { authenticateOpen311Key, open311Reporter } from './keys.ts';
import { hasControlChars } from './params.ts';
import { activeCategoryOrThrow } from './services.ts';
import { serviceNotice } from './view.ts';

function bad(field: string, problem: string): never {
  fail('VALIDATION_FAILED', `${field} ${problem}`, { field });
}

/** A field sent at most once, trimmed, empty as absent, at most `max` characters. */
function one(form: FormFields, name: string, max: number): string | undefined {
  const values = form.get(name) ?? [];
  if (values.length > 1) bad(name, `is given ${values.length} times: send it once`);
  const value = values[0]?.trim();
  if (value !== undefined && value.length > max) bad(name, `is at most ${max} characters`);
  if (value !== undefined && hasControlChars(value, true)) bad(name, 'contains control characters');
  return value || undefined;
}

function coordinate(form: FormFields, name: 'lat' | 'long', limit: number): number {
  const text = one(form, name, 40);
  if (text === undefined) {
    bad(
      name,
      'is required: requests are located by position (lat and long in WGS-84), an address alone cannot be',
    );
  }
  const value = Number(text);
  if (!/^[+-]?\d+(\.\d+)?$/.test(text) || Math.abs(value) > limit) {
    bad(name, `must be a WGS-84 decimal degree from -${limit} to ${limit}, not "${text}"`);
  }
  return value;
}

function mediaUrls(form: FormFields): string[] {
  const urls = (form.get('media_url') ?? []).map((u) => u.trim()).filter(Boolean);
  if (urls.length > 5) bad('media_url', 'is given at most 5 times');
  for (const url of urls) {
    if (url.length > 2000 || !/^https?:\/\/\S+$/i.test(url) || hasControlChars(url) || !URL.canParse(url)) {
      bad('media_url', 'must be an http or https URL of at most 2000 characters');
    }
  }
  return urls;
}

function contact(form: FormFields) {
  const email = one(form, 'email', 254);
  if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email)) bad('email', 'is not an email address');
  const phone = one(form, 'phone', 40);
  if (phone !== undefined && !/^[0-9+\-() ]+$/.test(phone))
    bad('phone', 'may hold only digits, spaces and + - ( )');
  return {
    email: email ?? null,
    firstName: one(form, 'first_name', 100) ?? null,
    lastName: one(form, 'last_name', 100) ?? null,
    phone: phone ?? null,
    deviceId: one(form, 'device_id', 200) ?? null,
    accountId: one(form, 'account_id', 200) ?? null,
    addressId: one(form, 'address_id', 200) ?? null,
  };
}

/**
 * POST Service Request: checks the api_key (403), the service_code (404 when unknown), the
 * position and the attributes against the service definition (400), then reports an order with
 * source open311 through the orders service. Realtime: the answer carries the
 * service_request_id (the order code) at once, never a token.
 */
export async function postServiceRequest(
  ctx: ServiceContext,
  form: FormFields,
): Promise<{ order: OrderRecord; keyId: string; document: Document; deliveries: Delivery[] }> {
  const key = await authenticateOpen311Key(ctx, form.get('api_key')?.[0]);
  const code = one(form, 'service_code', 20);
  if (code === undefined) bad('service_code', 'is required: pick one from services.json');
  const category = await activeCategoryOrThrow(ctx, code);
  const lat = coordinate(form, 'lat', 90);
  const lon = coordinate(form, 'long', 180);
  const malformed = malformedAttributeNames(form);
  if (malformed.length > 0)
    bad(malformed[0] ?? 'attribute', 'is not of the form attribute[code] or attribute[code][]');
  const attributes = checkAttributes(category, attributesOf(form));
  const submitted = { ...contact(form), mediaUrls: mediaUrls(form) };
  const description = one(form, 'description', 4000) ?? category.minorName;
  const address = one(form, 'address_string', 500);

  const who = await open311Reporter(ctx, key);
  // The submission (key, contact, media) is written in the order's transaction: a failure
  // leaves neither, so the client's retry does not create a second, keyless order.
  const created = await createOrder(
    ctx,
    who,
    { categoryId: category.id, lat, lon, description, address, source: 'open311', attributes },
    (trx, order) => {
      noteAuditFacts({ target: order.id, keyId: key.id });
      return insertOpen311Submission(trx, {
        orderId: order.id,
        keyId: key.id,
        ...submitted,
        createdAt: ctx.now(),
      });
    },
  );
  const handlerId = await defaultHandler(ctx, category, created.order);
  const handler = handlerId ? await findUnit(ctx.db, handlerId) : undefined;
  const notice = handler ? `${serviceNotice(category)}，由${handler.name}处置` : serviceNotice(category);
  const request = { service_request_id: created.order.code, service_notice: notice, account_id: null };
  return {
    order: created.order,
    keyId: key.id,
    deliveries: created.deliveries,
    document: { root: 'service_requests', body: new List('request', [request]) },
  };
}
