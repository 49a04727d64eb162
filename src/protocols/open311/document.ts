import { escapeXmlText, XML_DECLARATION, xmlElement } from './xml.ts';

// GeoReport v2 documents are written once and rendered twice, as the spec's "Format Support"
// asks: XML, and JSON by the Spark convention (JSON_and_XML_Conversion). A list knows the name
// of its items' element, which XML needs (<services><service>…) and JSON drops ([{…}]).

/** A value in a document; `undefined` fields are left out, `null` ones are empty (`<x/>`, `null`). */
export type Value = string | number | boolean | null | undefined | Fields | List;

/** An element with named children, in output order. */
export interface Fields {
  readonly [name: string]: Value;
}

/** A repeated element: `<itemName>` per item in XML, an array in JSON. */
export class List {
  constructor(
    readonly itemName: string,
    readonly items: readonly Value[],
  ) {}
}

/** A whole response: its XML root element and its body (for JSON the root is dropped, per Spark). */
export interface Document {
  readonly root: string;
  readonly body: Fields | List;
}

function scalarText(value: string | number | boolean): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  return String(value);
}

function toXmlContent(value: Value): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof List)
    return value.items.map((item) => xmlElement(value.itemName, toXmlContent(item))).join('');
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([name, v]) => xmlElement(name, toXmlContent(v)))
      .join('');
  }
  return escapeXmlText(scalarText(value));
}

function toJsonValue(value: Value): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof List) return value.items.map(toJsonValue);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([name, v]) => [name, toJsonValue(v)]),
    );
  }
  // JSON has no NaN or Infinity: such a number is written as null rather than as invalid JSON.
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/** The document as XML text, declaration first. */
export function toXml(doc: Document): string {
  return `${XML_DECLARATION}\n${xmlElement(doc.root, toXmlContent(doc.body))}\n`;
}

/** The document as JSON text: the root element is dropped, lists become arrays. */
export function toJson(doc: Document): string {
  return JSON.stringify(toJsonValue(doc.body));
}
