// One-dimensional arrays in PostgreSQL's binary wire format (array_send/array_recv in
// src/backend/utils/adt/arrayfuncs.c): node-postgres sends a Buffer parameter as binary, so a
// column of a batch travels as one Buffer that PostgreSQL reads without parsing text — no
// `{…}` literal to build here, no quoting of JSON, no number parsing there. The fields
// (`fieldSize`, `writeField`) are the same in COPY's binary format (postgres-copy-binary.ts).

/** Element types the position writers send, with their type OIDs (pg_type.oid). */
export const ELEMENT_OID = { text: 25, int8: 20, int4: 23, float8: 701, jsonb: 3802 } as const;
export type ElementType = keyof typeof ELEMENT_OID;

const HEADER = 20;
const TWO_32 = 4_294_967_296;

/** A text or jsonb value as its text: a jsonb value that is not a string is JSON.stringify'd. */
function textOf(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Bytes `writeField` writes for `v`: the 32-bit length and the type's `_send` bytes. */
export function fieldSize(type: ElementType, v: unknown): number {
  if (v === null || v === undefined) return 4;
  switch (type) {
    case 'int4':
      return 8;
    case 'int8':
    case 'float8':
      return 12;
    case 'text':
      return 4 + Buffer.byteLength(textOf(v));
    case 'jsonb':
      return 5 + Buffer.byteLength(textOf(v));
  }
}

/**
 * Writes `v` at `p` as a 32-bit length (-1 for null/undefined) and the bytes PostgreSQL's
 * `<type>_recv` reads; returns the position after it. int8 refuses a number that is not a safe
 * integer (RangeError) rather than store another value.
 */
export function writeField(out: Buffer, p: number, type: ElementType, v: unknown): number {
  if (v === null || v === undefined) return out.writeInt32BE(-1, p);
  switch (type) {
    case 'int4':
      p = out.writeInt32BE(4, p);
      return out.writeInt32BE(Number(v), p);
    case 'float8':
      p = out.writeInt32BE(8, p);
      return out.writeDoubleBE(Number(v), p);
    case 'int8': {
      // Two 32-bit halves: exact for every integer a double holds (|v| < 2^53).
      const x = Number(v);
      if (!Number.isSafeInteger(x)) throw new RangeError(`not a bigint: ${v}`);
      const high = Math.floor(x / TWO_32);
      p = out.writeInt32BE(8, p);
      p = out.writeInt32BE(high, p);
      return out.writeUInt32BE(x - high * TWO_32, p);
    }
    case 'text':
    case 'jsonb': {
      const lengthAt = p;
      p += 4;
      // jsonb's binary form is a version byte (1) and the JSON text.
      const version = type === 'jsonb' ? 1 : 0;
      if (version) p = out.writeUInt8(1, p);
      const written = out.write(textOf(v), p, 'utf8');
      out.writeInt32BE(written + version, lengthAt);
      return p + written;
    }
  }
}

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
  for (let i = 0; i < n; i++) {
    const v = at(i);
    if (v === null || v === undefined) hasNull = 1;
    size += fieldSize(type, v);
  }
  const out = Buffer.allocUnsafe(size);
  out.writeInt32BE(1, 0);
  out.writeInt32BE(hasNull, 4);
  out.writeInt32BE(ELEMENT_OID[type], 8);
  out.writeInt32BE(n, 12);
  out.writeInt32BE(1, 16);
  let p = HEADER;
  for (let i = 0; i < n; i++) p = writeField(out, p, type, at(i));
  return out;
}
