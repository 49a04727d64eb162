import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { findAudit, loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import {
  jsonError,
  parseXml,
  postRequest,
  STREETLIGHT,
  useOpen311,
  V2,
  xmlError,
} from './helpers/open311.ts';
import { IN_A1_GRID1, useOrderWorld } from './helpers/orders.ts';

type Json = Record<string, unknown>;

forEachDialect('Open311 GeoReport v2', (kind) => {
  const t = useTestApp(kind);
  useOrderWorld(t);
  const o311 = useOpen311(t);
  const valid = () => ({
    api_key: o311.key,
    service_code: 'E2001',
    lat: IN_A1_GRID1.lat,
    long: IN_A1_GRID1.lon,
    address_string: '娄门路 18 号',
    address_id: 'ADDR-77',
    email: 'li.lei@example.com',
    first_name: '雷',
    last_name: '李',
    phone: '13800138000',
    description: '路灯整晚不亮',
    media_url: 'https://photos.example.com/p/1.jpg',
    'attribute[pole_number]': 'LD-0123',
    'attribute[fault]': 'dark',
    'attribute[lamp_count]': '3',
    'attribute[nearby][]': ['school', 'bus'],
  });

  it('serves the discovery document in JSON and XML', async () => {
    const json = await t.app.inject({ url: `${V2}/discovery.json` });
    assert.equal(json.statusCode, 200);
    assert.equal(json.headers['content-type'], 'application/json; charset=utf-8');
    const d = json.json() as Json & { endpoints: Json[] };
    assert.match(String(d.changeset), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    assert.equal(typeof d.contact, 'string');
    assert.equal(typeof d.key_service, 'string');
    assert.equal(d.endpoints.length, 1);
    const e = d.endpoints[0] as Json;
    assert.equal(e.specification, 'http://wiki.open311.org/GeoReport_v2');
    assert.match(String(e.url), /^http:\/\/localhost(:\d+)?\/open311\/v2$/);
    assert.equal(e.type, 'production');
    assert.deepEqual(e.formats, ['text/xml', 'application/json']);
    const xml = await t.app.inject({ url: `${V2}/discovery.xml` });
    assert.equal(xml.headers['content-type'], 'text/xml; charset=utf-8');
    const x = parseXml(xml.body) as { discovery: Json & { endpoints: { endpoint: Json[] } } };
    assert.equal(x.discovery.changeset, d.changeset);
    assert.equal(x.discovery.endpoints.endpoint[0]?.specification, 'http://wiki.open311.org/GeoReport_v2');
    assert.deepEqual(x.discovery.endpoints.endpoint[0]?.formats, {
      format: ['text/xml', 'application/json'],
    });
  });

  it('lists the active categories as services, field by field, in JSON and XML', async () => {
    const res = await t.app.inject({ url: `${V2}/services.json` });
    assert.equal(res.statusCode, 200);
    const services = res.json() as Json[];
    const categories = await t.app.inject({
      url: '/api/categories?active=true',
      headers: await loginAs(t.app, 'operator'),
    });
    assert.equal(services.length, categories.json().total);
    const light = services.find((s) => s.service_code === 'E2001');
    assert.deepEqual(light, {
      service_code: 'E2001',
      service_name: '路灯不亮',
      description: '事件 · 公共设施报修 · 路灯不亮（处置时限2个工作日）',
      metadata: true,
      type: 'realtime',
      keywords: '事件,公共设施报修,路灯不亮',
      group: '公共设施报修',
    });
    const plain = services.find((s) => s.service_name === '暴露垃圾');
    assert.equal(plain?.metadata, false);
    const xml = parseXml((await t.app.inject({ url: `${V2}/services.xml` })).body) as {
      services: { service: Json[] };
    };
    assert.equal(xml.services.service.length, services.length);
    const x = xml.services.service.find((s) => s.service_code === 'E2001');
    assert.deepEqual(x, { ...light, metadata: 'true' });
  });

  it('defines a service’s attributes from the category’s extra fields, in order', async () => {
    const res = await t.app.inject({ url: `${V2}/services/E2001.json` });
    assert.equal(res.statusCode, 200);
    const def = res.json() as { service_code: string; attributes: Json[] };
    assert.equal(def.service_code, 'E2001');
    assert.deepEqual(
      def.attributes.map((a) => [a.order, a.code, a.datatype, a.required]),
      [
        [1, 'pole_number', 'string', true],
        [2, 'fault', 'singlevaluelist', true],
        [3, 'lamp_count', 'number', false],
        [4, 'seen_at', 'datetime', false],
        [5, 'nearby', 'multivaluelist', false],
        [6, 'details', 'text', false],
      ],
    );
    assert.deepEqual(def.attributes[0], {
      variable: true,
      code: 'pole_number',
      datatype: 'string',
      required: true,
      datatype_description: '灯杆上的编号，如 LD-0123',
      order: 1,
      description: '灯杆编号',
    });
    assert.deepEqual(def.attributes[1]?.values, STREETLIGHT.extraFields[0]?.values);
    assert.equal(def.attributes[2]?.datatype_description, null);
    const xml = parseXml((await t.app.inject({ url: `${V2}/services/E2001.xml` })).body) as {
      service_definition: { service_code: string; attributes: { attribute: Json[] } };
    };
    const attrs = xml.service_definition.attributes.attribute;
    assert.equal(xml.service_definition.service_code, 'E2001');
    assert.deepEqual(
      attrs.map((a) => [a.order, a.code, a.variable, a.required]),
      def.attributes.map((a) => [String(a.order), a.code, 'true', String(a.required)]),
    );
    assert.deepEqual(attrs[1]?.values, {
      value: [
        { key: 'dark', name: '不亮' },
        { key: 'flicker', name: '闪烁' },
      ],
    });
    assert.equal(attrs[2]?.datatype_description, '');
    assert.match(jsonError(await t.app.inject({ url: `${V2}/services/E9999.json` }), 404), /E9999/);
    xmlError(await t.app.inject({ url: `${V2}/services/E9999.xml` }), 404);
    xmlError(await t.app.inject({ url: `${V2}/services/E2001` }), 404);
  });

  it('refuses a POST without a valid api_key with 403 in the spec’s error format', async () => {
    const { api_key: _, ...rest } = valid();
    assert.match(jsonError(await postRequest(t.app, 'json', rest), 403), /api_key/);
    assert.match(xmlError(await postRequest(t.app, 'xml', rest), 403), /api_key/);
    assert.match(
      jsonError(await postRequest(t.app, 'json', { ...rest, api_key: 'zs311_wrong' }), 403),
      /Invalid api_key/,
    );
  });

  it('answers bad positions, services and attributes with 400 or 404 naming the field', async () => {
    const cases: [Record<string, string | number | string[]>, number, RegExp][] = [
      [{ lat: 'north' }, 400, /^lat must be a WGS-84 decimal degree/],
      [{ lat: 91 }, 400, /^lat /],
      [{ long: '120.8e1' }, 400, /^long /],
      [{ lat: '' }, 400, /^lat is required: requests are located by position/],
      [{ service_code: 'E9999' }, 404, /service_code E9999/],
      [{ service_code: '' }, 400, /^service_code is required/],
      [{ 'attribute[fault]': 'melted' }, 400, /^attribute\[fault\] must be one of the keys dark, flicker/],
      [{ 'attribute[pole_number]': '' }, 400, /^attribute\[pole_number\] is required/],
      [{ 'attribute[lamp_count]': 'three' }, 400, /^attribute\[lamp_count\] must be a number/],
      [{ 'attribute[seen_at]': 'last night' }, 400, /^attribute\[seen_at\] must be a W3C datetime/],
      [{ 'attribute[colour]': 'red' }, 400, /attribute\[colour\] is not defined/],
      [{ 'attribute[nearby][]': ['school', 'mall'] }, 400, /not mall/],
      [{ email: 'not-an-email' }, 400, /^email/],
      [{ media_url: 'javascript:alert(1)' }, 400, /^media_url/],
      [{ description: 'x'.repeat(4001) }, 400, /^description is at most 4000/],
    ];
    for (const [change, status, message] of cases) {
      const description = jsonError(await postRequest(t.app, 'json', { ...valid(), ...change }), status);
      assert.match(description, message, JSON.stringify(change).slice(0, 80));
    }
    const asJson = await t.app.inject({
      method: 'POST',
      url: `${V2}/requests.json`,
      payload: { api_key: o311.key, service_code: 'E2001' },
    });
    assert.match(jsonError(asJson, 400), /application\/x-www-form-urlencoded/);
  });

  it('creates an order with source open311 and the right category, answered in the spec’s shape', async () => {
    const res = await postRequest(t.app, 'json', valid());
    assert.equal(res.statusCode, 200, res.body);
    const [answer, ...more] = res.json() as Json[];
    assert.equal(more.length, 0);
    assert.deepEqual(Object.keys(answer ?? {}), ['service_request_id', 'service_notice', 'account_id']);
    assert.match(String(answer?.service_request_id), /^E2001202603020\d{3}$/);
    assert.equal(answer?.service_notice, '已受理，按“路灯不亮”类处置时限2个工作日办理');
    assert.equal(answer?.account_id, null);
    const list = await t.app.inject({
      url: '/api/orders?source=open311',
      headers: await loginAs(t.app, 'operator'),
    });
    const order = (list.json().items as Json[]).find((o) => o.code === answer?.service_request_id);
    assert.ok(order, 'the operator sees the order');
    assert.equal(order.source, 'open311');
    assert.equal((order.category as Json).code, 'E2001');
    assert.equal(order.status, 'reported');
    assert.equal(order.level, 'subdistrict');
    assert.equal(order.responsibleUnitId, t.org.sub.id);
    assert.equal(order.communityId, t.org.a1.id);
    assert.equal(order.description, '路灯整晚不亮');
    assert.equal(order.address, '娄门路 18 号');
    assert.deepEqual(order.attributes, {
      pole_number: 'LD-0123',
      fault: 'dark',
      lamp_count: 3,
      nearby: ['school', 'bus'],
    });

    const entry = await findAudit(t.app, await loginAs(t.app, 'admin'), (a) => a.target === order.id);
    assert.equal(entry?.action, 'POST /open311/v2/requests.json', 'the post is audited');
    assert.equal(entry?.status, 200);
    assert.deepEqual(entry?.details, { channel: 'open311', keyId: o311.keyId });

    const xml = await postRequest(t.app, 'xml', valid());
    assert.equal(xml.statusCode, 200, xml.body);
    const doc = parseXml(xml.body) as { service_requests: { request: Json[] } };
    assert.equal(doc.service_requests.request.length, 1);
    assert.match(String(doc.service_requests.request[0]?.service_request_id), /^E2001202603020\d{3}$/);
    assert.equal(doc.service_requests.request[0]?.account_id, '');
  });

  it('writes the order and its submission in one transaction: a failed submission leaves no order', async () => {
    const operator = await loginAs(t.app, 'operator');
    const count = async () =>
      (await t.app.inject({ url: '/api/orders?source=open311&limit=200', headers: operator })).json().items
        .length as number;
    const before = await count();
    // With its table out of the way the submission insert fails after the order's own inserts.
    await sql`alter table open311_requests rename to open311_requests_away`.execute(t.store.db);
    try {
      const res = await postRequest(t.app, 'json', valid());
      assert.equal(res.statusCode, 500);
    } finally {
      await sql`alter table open311_requests_away rename to open311_requests`.execute(t.store.db);
    }
    assert.equal(await count(), before, 'the order was rolled back with its submission');
  });

  it('shows one request with the spec’s fields only, W3C +08:00 times, in JSON and XML', async () => {
    t.clock.t = Date.parse('2026-03-02T01:00:00Z');
    const id = ((await postRequest(t.app, 'json', valid())).json() as Json[])[0]?.service_request_id;
    const res = await t.app.inject({ url: `${V2}/requests/${id}.json` });
    assert.equal(res.statusCode, 200, res.body);
    const [r] = res.json() as Json[];
    assert.deepEqual(r, {
      service_request_id: id,
      status: 'open',
      status_notes: '已受理上报',
      service_name: '路灯不亮',
      service_code: 'E2001',
      description: '路灯整晚不亮',
      agency_responsible: '测试街道',
      service_notice: '已受理，按“路灯不亮”类处置时限2个工作日办理',
      requested_datetime: '2026-03-02T09:00:00+08:00',
      updated_datetime: '2026-03-02T09:00:00+08:00',
      expected_datetime: null,
      address: '娄门路 18 号',
      address_id: 'ADDR-77',
      zipcode: null,
      lat: IN_A1_GRID1.lat,
      long: IN_A1_GRID1.lon,
      media_url: 'https://photos.example.com/p/1.jpg',
    });
    for (const secret of ['li.lei@example.com', '13800138000', '雷', 'LD-0123'])
      assert.ok(!res.body.includes(secret), secret);
    const xml = await t.app.inject({ url: `${V2}/requests/${id}.xml` });
    assert.equal(xml.headers['content-type'], 'text/xml; charset=utf-8');
    const x = (parseXml(xml.body) as { service_requests: { request: Json[] } }).service_requests.request;
    assert.equal(x.length, 1);
    assert.deepEqual(x[0], {
      ...r,
      expected_datetime: '',
      zipcode: '',
      lat: String(IN_A1_GRID1.lat),
      long: String(IN_A1_GRID1.lon),
    });
    const token = await t.app.inject({ url: `${V2}/tokens/${id}.json` });
    assert.deepEqual(token.json(), [{ service_request_id: id, token: id }]);
    assert.match(
      jsonError(await t.app.inject({ url: `${V2}/requests/E2001209901019999.json` }), 404),
      /No service request/,
    );
    xmlError(await t.app.inject({ url: `${V2}/requests/nope.xml` }), 404);
    xmlError(await t.app.inject({ url: `${V2}/tokens/nope.xml` }), 404);
  });

  it('lists keys without the key itself, and refuses a revoked key with 403', async () => {
    const admin = await loginAs(t.app, 'admin');
    const list = await t.app.inject({ url: '/api/open311/keys', headers: admin });
    const mine = (list.json().items as Json[]).find((k) => k.id === o311.keyId);
    assert.equal(mine?.name, 'FixMyStreet 测试');
    assert.equal(mine?.revokedAt, null);
    assert.match(String(mine?.lastUsedAt), /Z$/);
    assert.ok(!list.body.includes(o311.key), 'the key is never listed');
    const asOperator = await t.app.inject({
      url: '/api/open311/keys',
      headers: await loginAs(t.app, 'operator'),
    });
    assert.equal(asOperator.statusCode, 403);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/open311/keys/${o311.keyId}`,
      headers: admin,
    });
    assert.equal(revoked.statusCode, 204);
    assert.match(jsonError(await postRequest(t.app, 'json', valid()), 403), /revoked/);
    xmlError(await postRequest(t.app, 'xml', valid()), 403);
    const again = await t.app.inject({ url: '/api/open311/keys', headers: admin });
    assert.match(String((again.json().items as Json[]).find((k) => k.id === o311.keyId)?.revokedAt), /Z$/);
    const unknown = await t.app.inject({ method: 'DELETE', url: '/api/open311/keys/nope', headers: admin });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.code, 'OPEN311_KEY_NOT_FOUND');
  });
});
