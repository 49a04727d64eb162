import assert from 'node:assert/strict';
import { it } from 'node:test';
import { binaryArray } from './postgres-binary-array.ts';

/** The elements back out of array_send's layout: [length, bytes] after the 20-byte header. */
function elements(buf: Buffer): (Buffer | null)[] {
  const n = buf.readInt32BE(12);
  const out: (Buffer | null)[] = [];
  let p = 20;
  for (let i = 0; i < n; i++) {
    const len = buf.readInt32BE(p);
    p += 4;
    out.push(len < 0 ? null : buf.subarray(p, p + len));
    if (len > 0) p += len;
  }
  assert.equal(p, buf.length);
  return out;
}

it('writes one dimension, its element type, NULL flags and each element as array_recv reads them', () => {
  const times = binaryArray('int8', [1_733_561_600_000, -1, 2 ** 53 - 1]);
  assert.deepEqual([times.readInt32BE(0), times.readInt32BE(4), times.readInt32BE(8)], [1, 0, 20]);
  assert.deepEqual(
    elements(times).map((e) => e?.readBigInt64BE(0)),
    [1_733_561_600_000n, -1n, 2n ** 53n - 1n],
  );
  const json = binaryArray('jsonb', ['{"acc":true,"名":"桥"}', null]);
  assert.equal(json.readInt32BE(4), 1, 'has NULLs');
  const [first, second] = elements(json);
  assert.equal(first?.[0], 1, 'jsonb version byte');
  assert.deepEqual(JSON.parse(first?.subarray(1).toString('utf8') ?? ''), { acc: true, 名: '桥' });
  assert.equal(second, null);
  assert.deepEqual(
    elements(binaryArray('float8', [31.3, 120.8])).map((e) => e?.readDoubleBE(0)),
    [31.3, 120.8],
  );
  assert.deepEqual(
    elements(binaryArray('int4', [0, 2], [1, 0])).map((e) => e?.readInt32BE(0)),
    [2, 0],
  );
  assert.deepEqual(
    elements(binaryArray('text', ['b', 'a'], [1, 0])).map((e) => e?.toString()),
    ['a', 'b'],
  );
});

it('writes an empty array as zero dimensions and refuses a time that is not a whole number', () => {
  const empty = binaryArray('text', []);
  assert.deepEqual([empty.length, empty.readInt32BE(0), empty.readInt32BE(8)], [12, 0, 25]);
  assert.throws(() => binaryArray('int8', [1.5]), RangeError);
});
