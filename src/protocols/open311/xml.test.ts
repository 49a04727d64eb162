import assert from 'node:assert/strict';
import { it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { escapeXmlText, isXmlName, xmlElement } from './xml.ts';

it('escapes the five markup characters', () => {
  assert.equal(escapeXmlText(`a<b>&"c"'d'`), 'a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
  assert.equal(escapeXmlText('&amp;'), '&amp;amp;', 'an entity in the text is text, escaped again');
  assert.equal(escapeXmlText(']]>'), ']]&gt;');
});

it('keeps Chinese, emoji, tabs and line breaks, and replaces characters XML 1.0 cannot carry', () => {
  assert.equal(escapeXmlText('树枝搭线 🌳\t\n\r'), '树枝搭线 🌳\t\n\r');
  assert.equal(escapeXmlText('a\u0000b\u0008c\u001Fd\uFFFEe\uFFFF'), 'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFD');
  assert.equal(escapeXmlText('x\uD800y'), 'x\uFFFDy', 'a lone high surrogate');
  assert.equal(escapeXmlText('x\uDC00y'), 'x\uFFFDy', 'a lone low surrogate');
});

it('round-trips hostile text through a real parser', () => {
  const hostile = `</description><script>alert(1)</script>&lt; "q" 'a' \u0001 ]]> <![CDATA[x]]>`;
  const xml = `<?xml version="1.0" encoding="utf-8"?>${xmlElement('d', escapeXmlText(hostile))}`;
  const parsed = new XMLParser({ parseTagValue: false, trimValues: false }).parse(xml) as { d: string };
  assert.equal(parsed.d, hostile.replace('\u0001', '\uFFFD'));
});

it('accepts element names and refuses anything that is not one', () => {
  for (const good of ['services', 'service_request_id', 'a-b.c', '_x']) assert.ok(isXmlName(good), good);
  for (const bad of ['', '1abc', '-a', 'a b', 'a<b', 'xmlfoo', 'XML', 'a:b', '名字'])
    assert.ok(!isXmlName(bad), bad);
  assert.throws(() => xmlElement('a b', 'x'), /not a valid XML element name/);
});

it('writes an empty element for no content', () => {
  assert.equal(xmlElement('account_id', null), '<account_id/>');
  assert.equal(xmlElement('account_id', ''), '<account_id/>');
  assert.equal(xmlElement('code', '403'), '<code>403</code>');
});
