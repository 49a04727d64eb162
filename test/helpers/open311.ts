import assert from 'node:assert/strict';
import { before } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import type { App } from '../../src/http/app-types.ts';
import { loginAs } from './app.ts';

/** Elements that repeat in GeoReport v2 documents: always parsed as arrays, even when there is one. */
const LISTS = [
  'service',
  'request',
  'error',
  'attribute',
  'value',
  'request_update',
  'note',
  'endpoint',
  'format',
];

const parser = new XMLParser({ parseTagValue: false, isArray: (name) => LISTS.includes(name) });

/** An XML answer parsed with every value a string, as a client reading the spec's XML sees it. */
export function parseXml(body: string): Record<string, unknown> {
  assert.ok(
    body.startsWith('<?xml version="1.0" encoding="utf-8"?>'),
    `no XML declaration: ${body.slice(0, 80)}`,
  );
  return parser.parse(body) as Record<string, unknown>;
}

/** The path of the GeoReport v2 endpoint. */
export const V2 = '/open311/v2';

/** A category with Open311 attributes of every datatype: 路灯不亮, service_code E2001. */
export const STREETLIGHT = {
  type: 'event',
  majorCode: '20',
  majorName: '公共设施报修',
  minorCode: '01',
  minorName: '路灯不亮',
  timeLimit: { amount: 2, unit: 'days' },
  extraFields: [
    {
      code: 'fault',
      datatype: 'singlevaluelist',
      required: true,
      description: '故障现象',
      order: 5,
      values: [
        { key: 'dark', name: '不亮' },
        { key: 'flicker', name: '闪烁' },
      ],
    },
    {
      code: 'pole_number',
      datatype: 'string',
      required: true,
      description: '灯杆编号',
      order: 1,
      datatypeDescription: '灯杆上的编号，如 LD-0123',
    },
    { code: 'lamp_count', datatype: 'number', required: false, description: '不亮的灯数' },
    { code: 'seen_at', datatype: 'datetime', required: false, description: '发现时间' },
    {
      code: 'nearby',
      datatype: 'multivaluelist',
      required: false,
      description: '附近设施',
      values: [
        { key: 'school', name: '学校' },
        { key: 'bus', name: '公交站' },
      ],
    },
    { code: 'details', datatype: 'text', required: false, description: '补充说明' },
  ],
};

/** Issues an Open311 key as admin and returns it with its id. */
export async function issueKey(app: App, name: string): Promise<{ id: string; key: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/open311/keys',
    headers: await loginAs(app, 'admin'),
    payload: { name },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

/** Adds the STREETLIGHT category and a key before the suite's tests; call after useOrderWorld. */
export function useOpen311(t: { app: App }) {
  const state = {} as { key: string; keyId: string };
  before(async () => {
    const admin = await loginAs(t.app, 'admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/categories',
      headers: admin,
      payload: STREETLIGHT,
    });
    assert.equal(res.statusCode, 201, res.body);
    const issued = await issueKey(t.app, 'FixMyStreet 测试');
    state.key = issued.key;
    state.keyId = issued.id;
  });
  return state;
}

/** A form body from fields; arrays repeat the name. */
export function form(fields: Record<string, string | number | readonly string[]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(name, String(v));
  }
  return params.toString();
}

/** POST requests.{format} with a form body. */
export function postRequest(
  app: App,
  format: 'json' | 'xml',
  fields: Record<string, string | number | readonly string[]>,
) {
  return app.inject({
    method: 'POST',
    url: `${V2}/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    payload: form(fields),
  });
}

/** Checks a JSON error answer has the spec's shape `[{ code, description }]` and returns the description. */
export function jsonError(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  status: number,
): string {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/json; charset=utf-8/);
  const body = JSON.parse(res.body) as { code: number; description: string }[];
  assert.ok(Array.isArray(body) && body.length === 1, res.body);
  assert.deepEqual(Object.keys(body[0] ?? {}), ['code', 'description']);
  assert.equal(body[0]?.code, status);
  return body[0]?.description ?? '';
}

/** Checks an XML error answer is `<errors><error><code/><description/></error></errors>` and returns the description. */
export function xmlError(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  status: number,
): string {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^text\/xml; charset=utf-8/);
  const doc = parseXml(res.body) as { errors: { error: { code: string; description: string }[] } };
  assert.equal(doc.errors.error.length, 1);
  assert.equal(doc.errors.error[0]?.code, String(status));
  return doc.errors.error[0]?.description ?? '';
}
