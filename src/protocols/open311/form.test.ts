import assert from 'node:assert/strict';
import { it } from 'node:test';
import { attributesOf, malformedAttributeNames, parseForm } from './form.ts';

it('parses a form body as the spec example sends it', () => {
  const form = parseForm(
    'api_key=xyz&service_code=001&lat=37.76524078&long=-122.4212043&address_string=1234+5th+street' +
      '&email=smit333%40sfgov.edu&description=A+large+sinkhole&attribute[WHISPAWN]=123456&attribute[WHISDORN]=COISL001',
  );
  assert.deepEqual(form.get('address_string'), ['1234 5th street']);
  assert.deepEqual(form.get('email'), ['smit333@sfgov.edu']);
  assert.deepEqual(
    [...attributesOf(form)],
    [
      ['WHISPAWN', ['123456']],
      ['WHISDORN', ['COISL001']],
    ],
  );
});

it('gathers multivaluelist values and keeps repeated fields', () => {
  const form = parseForm(
    'attribute%5Bkinds%5D%5B%5D=a&attribute[kinds][]=b&attribute[kinds]=c&media_url=u1&media_url=u2',
  );
  assert.deepEqual(attributesOf(form).get('kinds'), ['a', 'b', 'c']);
  assert.deepEqual(form.get('media_url'), ['u1', 'u2']);
});

it('never throws on broken encodings, and tells malformed attribute names apart', () => {
  const form = parseForm('a=%zz&b=%E4%B8&=x&&c&attribute=1&attribute[x&attributes[y]=2');
  assert.deepEqual(form.get('a'), ['%zz']);
  assert.deepEqual(form.get('c'), ['']);
  assert.deepEqual(malformedAttributeNames(form), ['attribute', 'attribute[x', 'attributes[y]']);
  assert.equal(attributesOf(form).size, 0);
});

it('decodes Chinese text', () => {
  const form = parseForm(`description=${encodeURIComponent('树枝搭在高压线上')}`);
  assert.deepEqual(form.get('description'), ['树枝搭在高压线上']);
});
