import assert from 'node:assert/strict';
import { it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { List, toJson, toXml } from './document.ts';

const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['service', 'error', 'value'].includes(name),
});

it('renders a list body as <root><item>… in XML and as a bare array in JSON (Spark)', () => {
  const doc = {
    root: 'services',
    body: new List('service', [
      { service_code: 'C0401', service_name: '井盖破损', metadata: true, group: null, keywords: undefined },
      { service_code: 'E0504', service_name: '噪声扰民', metadata: false, group: '市容' },
    ]),
  };
  const xml = toXml(doc);
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services><service>'), xml);
  assert.ok(xml.includes('<group/>'), 'null is an empty element');
  assert.ok(!xml.includes('keywords'), 'undefined is left out');
  const parsed = parser.parse(xml) as { services: { service: Record<string, string>[] } };
  assert.equal(parsed.services.service.length, 2);
  assert.equal(parsed.services.service[0]?.service_code, 'C0401');
  assert.equal(parsed.services.service[0]?.metadata, 'true');
  assert.equal(parsed.services.service[1]?.service_name, '噪声扰民');
  assert.deepEqual(JSON.parse(toJson(doc)), [
    { service_code: 'C0401', service_name: '井盖破损', metadata: true, group: null },
    { service_code: 'E0504', service_name: '噪声扰民', metadata: false, group: '市容' },
  ]);
});

it('renders an object body as an object in JSON, nested lists included', () => {
  const doc = {
    root: 'service_definition',
    body: {
      service_code: 'C0401',
      attributes: new List('attribute', [
        { code: 'kind', order: 1, values: new List('value', [{ key: 'a', name: 'A & B' }]) },
      ]),
    },
  };
  const parsed = parser.parse(toXml(doc)) as {
    service_definition: { attributes: { attribute: { values: { value: { name: string }[] } } } };
  };
  assert.equal(parsed.service_definition.attributes.attribute.values.value[0]?.name, 'A & B');
  assert.deepEqual(JSON.parse(toJson(doc)), {
    service_code: 'C0401',
    attributes: [{ code: 'kind', order: 1, values: [{ key: 'a', name: 'A & B' }] }],
  });
});

it('writes an empty list as an empty root, and non-finite numbers as nothing rather than invalid JSON', () => {
  const empty = { root: 'service_requests', body: new List('request', []) };
  assert.equal(toXml(empty), '<?xml version="1.0" encoding="utf-8"?>\n<service_requests/>\n');
  assert.equal(toJson(empty), '[]');
  const odd = { root: 'x', body: { lat: Number.NaN } };
  assert.equal(toJson(odd), '{"lat":null}');
  assert.ok(toXml(odd).includes('<lat/>'));
});
