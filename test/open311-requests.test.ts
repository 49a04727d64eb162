import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { jsonError, parseXml, postRequest, useOpen311, V2, xmlError } from './helpers/open311.ts';
import { actAs, bj, IN_A1_GRID1, sessions, useOrderWorld } from './helpers/orders.ts';

type Json = Record<string, unknown>;

forEachDialect('Open311 GET requests and servicerequestupdates', (kind) => {
  const t = useTestApp(kind);
  const world = useOrderWorld(t);
  const o311 = useOpen311(t);
  const as = sessions(t);
  /** Orders by role in the story: old (100 days back), a and b (Open311), c (a hotline call). */
  const ids = {} as Record<'old' | 'a' | 'b' | 'c', string>;
  const orderIds = {} as Record<'a' | 'b', string>;

  async function report311(at: string): Promise<string> {
    t.clock.t = bj(at);
    const res = await postRequest(t.app, 'json', {
      api_key: o311.key,
      service_code: 'E2001',
      lat: IN_A1_GRID1.lat,
      long: IN_A1_GRID1.lon,
      'attribute[pole_number]': 'LD-1',
      'attribute[fault]': 'flicker',
    });
    assert.equal(res.statusCode, 200, res.body);
    return String((res.json() as Json[])[0]?.service_request_id);
  }

  async function orderIdOf(code: string): Promise<string> {
    const res = await t.app.inject({ url: `/api/orders?q=${code}`, headers: await as('operator') });
    return String((res.json().items as Json[])[0]?.id);
  }

  async function act(orderId: string, at: string, action: string, body: object = {}) {
    t.clock.t = bj(at);
    const res = await actAs(t, await as('operator'), orderId, action, body);
    assert.equal(res.statusCode, 200, res.body);
  }

  before(async () => {
    ids.old = await report311('2025-11-22 09:00');
    ids.a = await report311('2026-03-02 09:00');
    ids.b = await report311('2026-03-03 09:00');
    t.clock.t = bj('2026-03-04 09:00');
    const call = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await as('operator'),
      payload: {
        categoryId: world.categories.get('噪声扰民'),
        description: '夜间施工',
        source: 'hotline',
        ...IN_A1_GRID1,
      },
    });
    assert.equal(call.statusCode, 201, call.body);
    ids.c = call.json().order.code;
    orderIds.a = await orderIdOf(ids.a);
    orderIds.b = await orderIdOf(ids.b);
    await act(orderIds.b, '2026-03-04 10:00', 'reject', { reason: '非本街道辖区，已告知来电人 13800138000' });
    await act(orderIds.a, '2026-03-05 10:00', 'register');
    await act(orderIds.a, '2026-03-05 10:05', 'dispatch', { unitId: t.org.dept.id });
    await act(orderIds.a, '2026-03-05 10:10', 'supervise');
    t.clock.t = bj('2026-03-06 09:00');
  });

  async function listed(query: string): Promise<string[]> {
    const res = await t.app.inject({ url: `${V2}/requests.json${query}` });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as Json[]).map((r) => String(r.service_request_id));
  }

  it('lists the last 90 days newest first by default, and filters by status, service_code and dates', async () => {
    assert.deepEqual(await listed(''), [ids.c, ids.b, ids.a]);
    assert.deepEqual(await listed('?status=closed'), [ids.b]);
    assert.deepEqual(await listed('?status=open'), [ids.c, ids.a]);
    assert.deepEqual(await listed('?status=open,closed'), [ids.c, ids.b, ids.a]);
    assert.deepEqual(await listed('?status=open&status=closed'), [ids.c, ids.b, ids.a]);
    assert.deepEqual(await listed('?service_code=E2001'), [ids.b, ids.a]);
    assert.deepEqual(await listed('?service_code=E2001,E0504'), [ids.c, ids.b, ids.a]);
    assert.deepEqual(await listed('?service_code=E9999'), []);
    assert.deepEqual(await listed('?service_code=&status='), [ids.c, ids.b, ids.a], 'empty means absent');
    const day3 = `?start_date=2026-03-03T00:00:00%2B08:00&end_date=${encodeURIComponent('2026-03-03T23:59:59+08:00')}`;
    assert.deepEqual(await listed(day3), [ids.b]);
    assert.deepEqual(
      await listed('?start_date=2026-03-03T00:00:00+08:00'),
      [ids.c, ids.b],
      'an unencoded + still works',
    );
    assert.deepEqual(await listed('?start_date=2025-11-20T00:00:00Z'), [ids.old], 'start + 90 days');
    assert.deepEqual(await listed('?end_date=2026-03-02T12:00:00%2B08:00'), [ids.a], 'end − 90 days');
  });

  it('lets service_request_id override every other argument', async () => {
    assert.deepEqual(
      await listed(`?service_request_id=${ids.old},${ids.a}&status=closed&service_code=E0504`),
      [ids.a, ids.old],
    );
    assert.deepEqual(await listed('?service_request_id=nope'), []);
  });

  it('pages with page and page_size', async () => {
    assert.deepEqual(await listed('?page_size=2'), [ids.c, ids.b]);
    assert.deepEqual(await listed('?page_size=2&page=2'), [ids.a]);
    assert.deepEqual(await listed('?page_size=2&page=3'), []);
  });

  it('refuses bad filters with 400 in the spec’s error format', async () => {
    const bad: [string, RegExp][] = [
      ['?status=pending', /status must be open or closed/],
      ['?start_date=yesterday', /start_date must be a W3C datetime/],
      ['?end_date=2026-03-02T09:00:00', /end_date must be a W3C datetime/],
      ['?start_date=2025-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z', /may not span more than 90 days/],
      ['?start_date=2026-03-05T00:00:00Z&end_date=2026-03-01T00:00:00Z', /must not be after end_date/],
      ['?page=0', /page must be a whole number/],
      ['?page_size=1001', /page_size must be a whole number from 1 to 1000/],
      [`?service_request_id=${'x,'.repeat(1001)}`, /at most 1000 ids/],
    ];
    for (const [query, message] of bad) {
      assert.match(
        jsonError(await t.app.inject({ url: `${V2}/requests.json${query}` }), 400),
        message,
        query,
      );
    }
    xmlError(await t.app.inject({ url: `${V2}/requests.xml?status=pending` }), 400);
  });

  it('reads closed and dispatched requests right, and adds detailed_status and notes with extensions=true', async () => {
    const [b] = (await t.app.inject({ url: `${V2}/requests/${ids.b}.json` })).json() as Json[];
    assert.equal(b?.status, 'closed');
    assert.equal(b?.status_notes, '不予立案');
    assert.equal(b?.updated_datetime, '2026-03-04T10:00:00+08:00', 'the date it was closed');
    assert.ok(!JSON.stringify(b).includes('13800138000'), 'staff notes stay inside');
    assert.equal('detailed_status' in (b ?? {}), false);
    const [a] = (
      await t.app.inject({ url: `${V2}/requests/${ids.a}.json?extensions=true` })
    ).json() as Json[];
    assert.equal(a?.status, 'open');
    assert.equal(a?.status_notes, '已派遣至处置单位');
    assert.equal(a?.agency_responsible, '绿化所');
    assert.match(String(a?.expected_datetime), /^2026-03-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    assert.equal(a?.updated_datetime, '2026-03-05T10:10:00+08:00');
    assert.equal(a?.detailed_status, 'ACTION_SCHEDULED');
    assert.deepEqual(a?.notes, [
      { datetime: '2026-03-02T09:00:00+08:00', summary: '已受理上报', type: 'opened' },
      { datetime: '2026-03-05T10:00:00+08:00', summary: '已立案', type: 'activity' },
      { datetime: '2026-03-05T10:05:00+08:00', summary: '已派遣至处置单位', type: 'activity' },
    ]);
    const [c] = (await t.app.inject({ url: `${V2}/requests/${ids.c}.json` })).json() as Json[];
    assert.equal(c?.service_code, 'E0504');
    assert.equal(c?.service_name, '噪声扰民');
    assert.equal(c?.media_url, null);
    const xml = parseXml((await t.app.inject({ url: `${V2}/requests.xml?extensions=true` })).body) as {
      service_requests: { request: (Json & { notes: { note: Json[] } })[] };
    };
    assert.deepEqual(
      xml.service_requests.request.map((r) => [r.service_request_id, r.status, r.detailed_status]),
      [
        [ids.c, 'open', 'OPEN'],
        [ids.b, 'closed', 'NO_FURTHER_ACTION'],
        [ids.a, 'open', 'ACTION_SCHEDULED'],
      ],
    );
    assert.deepEqual(
      xml.service_requests.request[2]?.notes.note.map((n) => n.type),
      ['opened', 'activity', 'activity'],
    );
  });

  it('lists the public steps since a date as servicerequestupdates, in JSON and XML', async () => {
    const res = await t.app.inject({
      url: `${V2}/servicerequestupdates.json?start_date=2026-03-05T00:00:00%2B08:00`,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), [
      {
        update_id: `${ids.a}_2`,
        service_request_id: ids.a,
        status: 'investigating',
        updated_datetime: '2026-03-05T10:00:00+08:00',
        description: '已立案',
        media_url: null,
        external_status_code: 'registered',
      },
      {
        update_id: `${ids.a}_3`,
        service_request_id: ids.a,
        status: 'action_scheduled',
        updated_datetime: '2026-03-05T10:05:00+08:00',
        description: '已派遣至处置单位',
        media_url: null,
        external_status_code: 'dispatched',
      },
    ]);
    const all = (await t.app.inject({ url: `${V2}/servicerequestupdates.json` })).json() as Json[];
    assert.deepEqual(
      all.map((u) => [u.service_request_id, u.status]),
      [
        [ids.b, 'no_further_action'],
        [ids.a, 'investigating'],
        [ids.a, 'action_scheduled'],
      ],
    );
    const xml = await t.app.inject({
      url: `${V2}/servicerequestupdates.xml?start_date=2026-03-05T10:01:00Z`,
    });
    assert.equal(xml.statusCode, 200);
    assert.equal(parseXml(xml.body).service_request_updates, '', 'none after 10:01 UTC');
    const some = parseXml(
      (await t.app.inject({ url: `${V2}/servicerequestupdates.xml?start_date=2026-03-05T10:01:00%2B08:00` }))
        .body,
    ) as { service_request_updates: { request_update: Json[] } };
    assert.deepEqual(some.service_request_updates.request_update, [
      {
        update_id: `${ids.a}_3`,
        service_request_id: ids.a,
        status: 'action_scheduled',
        updated_datetime: '2026-03-05T10:05:00+08:00',
        description: '已派遣至处置单位',
        media_url: '',
        external_status_code: 'dispatched',
      },
    ]);
    xmlError(await t.app.inject({ url: `${V2}/servicerequestupdates.xml?end_date=soon` }), 400);
  });

  it('publishes only public-facing reports: a grid worker’s find is neither listed, shown nor updated', async () => {
    t.clock.t = bj('2026-03-06 10:00');
    const reportAs = async (user: string, category: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/orders',
        headers: await as(user),
        payload: { categoryId: world.categories.get(category), description: 'x', ...IN_A1_GRID1 },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().order as { id: string; code: string; source: string };
    };
    const internal = await reportAs('gridA1', '暴露垃圾');
    assert.equal(internal.source, 'gridWorker');
    const resident = await reportAs('resident', '噪声扰民');
    assert.equal(resident.source, 'resident');
    await act(internal.id, '2026-03-06 10:05', 'register');

    assert.deepEqual(await listed(''), [resident.code, ids.c, ids.b, ids.a]);
    assert.deepEqual(await listed(`?service_request_id=${internal.code},${resident.code}`), [resident.code]);
    jsonError(await t.app.inject({ url: `${V2}/requests/${internal.code}.json` }), 404);
    jsonError(await t.app.inject({ url: `${V2}/tokens/${internal.code}.json` }), 404);
    const updates = (await t.app.inject({ url: `${V2}/servicerequestupdates.json` })).json() as Json[];
    assert.ok(!updates.some((u) => u.service_request_id === internal.code), 'its steps stay inside');
  });
});
