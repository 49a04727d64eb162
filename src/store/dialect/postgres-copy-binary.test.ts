import assert from 'node:assert/strict';
import { it } from 'node:test';
import { copyBinary } from './postgres-copy-binary.ts';

it('writes the signature, one field count and length-prefixed fields per tuple, -1 for NULL, and the trailer', () => {
  const rows = [
    { id: 'b', at: 2 ** 40 + 3, note: null },
    { id: 'a', at: -2, note: '{"名":1}' },
  ];
  const out = copyBinary(
    [
      ['id', 'text'],
      ['at', 'int8'],
      ['note', 'jsonb'],
    ],
    rows,
    [1, 0],
  );
  assert.equal(out.subarray(0, 11).toString('latin1'), 'PGCOPY\n\xff\r\n\0');
  assert.deepEqual([out.readInt32BE(11), out.readInt32BE(15)], [0, 0], 'no flags, no header extension');
  let p = 19;
  const tuples: unknown[][] = [];
  for (;;) {
    const fields = out.readInt16BE(p);
    p += 2;
    if (fields === -1) break;
    const tuple: unknown[] = [];
    for (let f = 0; f < fields; f++) {
      const length = out.readInt32BE(p);
      p += 4;
      tuple.push(length < 0 ? null : out.subarray(p, p + length));
      if (length > 0) p += length;
    }
    tuples.push(tuple);
  }
  assert.equal(p, out.length, 'nothing after the trailer');
  const [first, second] = tuples as Buffer[][];
  assert.deepEqual(
    [
      first?.[0]?.toString(),
      first?.[1]?.readBigInt64BE(0),
      first?.[2]?.[0],
      first?.[2]?.subarray(1).toString(),
    ],
    ['a', -2n, 1, '{"名":1}'],
  );
  assert.deepEqual(
    [second?.[0]?.toString(), second?.[1]?.readBigInt64BE(0), second?.[2]],
    ['b', 2n ** 40n + 3n, null],
  );
});

it('writes an empty batch as the header and the trailer only', () => {
  assert.equal(copyBinary([['id', 'text']], []).length, 19 + 2);
});
