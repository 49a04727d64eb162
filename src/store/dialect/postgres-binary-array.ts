// One-dimensional arrays in PostgreSQL's binary wire format (array_send/array_recv in
// src/backend/utils/adt/arrayfuncs.c): node-postgres sends a Buffer parameter as binary, so a
// column of a batch travels as one Buffer that PostgreSQL reads without parsing text — no
// `{…}` literal to build here, no quoting of JSON, no number parsing there.

/** Element types the position writers send, with their type OIDs (pg_type.oid). */
export const ELEMENT_OID = { text: 25, int8: 20, int4: 23, float8: 701, jsonb: 3802 } as const;
export type ElementType = keyof typeof ELEMENT_OID;

const HEADER = 20;
const TWO_32 = 4_294_967_296;

/**
 * `values[order[i]]` for each i as a binary array of `type`. `null`/`undefined` become NULL
 * elements; a jsonb value that is not a string is serialised with JSON.stringify.
 */
export function binaryArray(
  type: ElementType,
  values: readonly unknown[],
  order?: readonly number[],
): Buffer {
  const n = order ? order.length : values.length;
  const at = (i: number) => values[order ? (order[i] as number) : i];
  if (n === 0) {
    const empty = Buffer.alloc(12);
    empty.writeInt32BE(ELEMENT_OID[type], 8);
    return empty;
  }
  let size = HEADER;
  let hasNull = 0;
  const texts: (string | null)[] | undefined = type === 'text' || type === 'jsonb' ? new Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    const v = at(i);
    if (v === null || v === undefined) {
      hasNull = 1;
      size += 4;
      if (texts) texts[i] = null;
      continue;
    }
    if (texts) {
      const s = typeof v === 'string' ? v : JSON.stringify(v);
      texts[i] = s;
      size += 4 + Buffer.byteLength(s) + (type === 'jsonb' ? 1 : 0);
    } else size += type === 'int4' ? 8 : 12;
  }
  const out = Buffer.allocUnsafe(size);
  out.writeInt32BE(1, 0);
  out.writeInt32BE(hasNull, 4);
  out.writeInt32BE(ELEMENT_OID[type], 8);
  out.writeInt32BE(n, 12);
  out.writeInt32BE(1, 16);
  let p = HEADER;
  for (let i = 0; i < n; i++) {
    if (texts) {
      const s = texts[i];
      if (s === null || s === undefined) {
        p = out.writeInt32BE(-1, p);
        continue;
      }
      const lengthAt = p;
      p += 4;
      // jsonb's binary form is a version byte (1) and the JSON text.
      if (type === 'jsonb') p = out.writeUInt8(1, p);
      const written = out.write(s, p, 'utf8');
      out.writeInt32BE(written + (type === 'jsonb' ? 1 : 0), lengthAt);
      p += written;
      continue;
    }
    const v = at(i);
    if (v === null || v === undefined) {
      p = out.writeInt32BE(-1, p);
    } else if (type === 'int4') {
      p = out.writeInt32BE(4, p);
      p = out.writeInt32BE(Number(v), p);
    } else if (type === 'float8') {
      p = out.writeInt32BE(8, p);
      p = out.writeDoubleBE(Number(v), p);
    } else {
      // int8 as two 32-bit halves: exact for every integer a double holds (|v| < 2^53).
      const x = Number(v);
      if (!Number.isSafeInteger(x)) throw new RangeError(`not a bigint: ${v}`);
      const high = Math.floor(x / TWO_32);
      p = out.writeInt32BE(8, p);
      p = out.writeInt32BE(high, p);
      p = out.writeUInt32BE(x - high * TWO_32, p);
    }
  }
  return out;
}
