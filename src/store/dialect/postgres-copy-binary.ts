// Rows in COPY's binary format (https://www.postgresql.org/docs/current/sql-copy.html, "Binary
// Format"): the 11-byte signature, a 32-bit flags field (0: no OIDs) and a 32-bit header
// extension length (0); each tuple a 16-bit field count and its fields, each a 32-bit length (-1
// for NULL) and the bytes the column type's `_recv` reads — the same fields as in a binary array
// (postgres-binary-array.ts); a 16-bit -1 at the end. The column types must be the table's own:
// binary COPY does no conversion, so an int4 sent for a bigint column is refused.
import { type ElementType, fieldSize, writeField } from './postgres-binary-array.ts';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER = SIGNATURE.length + 8;

/** A column of the COPY: the row's property and its type as the table declares it. */
export type CopyColumn<R> = readonly [keyof R & string, ElementType];

/** `rows[order[i]]` for each i (all rows in order without `order`), as one COPY FROM STDIN (FORMAT binary) stream. */
export function copyBinary<R>(
  columns: readonly CopyColumn<R>[],
  rows: readonly R[],
  order?: readonly number[],
): Buffer {
  const n = order ? order.length : rows.length;
  const at = (i: number) => rows[order ? (order[i] as number) : i] as R;
  let size = HEADER + 2 + n * 2;
  for (let i = 0; i < n; i++) {
    const row = at(i);
    for (const [name, type] of columns) size += fieldSize(type, row[name]);
  }
  const out = Buffer.allocUnsafe(size);
  let p = SIGNATURE.copy(out, 0);
  p = out.writeInt32BE(0, p);
  p = out.writeInt32BE(0, p);
  for (let i = 0; i < n; i++) {
    const row = at(i);
    p = out.writeInt16BE(columns.length, p);
    for (const [name, type] of columns) p = writeField(out, p, type, row[name]);
  }
  out.writeInt16BE(-1, p);
  return out;
}
