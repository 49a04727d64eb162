import assert from 'node:assert/strict';
import { it } from 'node:test';
import { attachmentDisposition, trackFileNames } from './file-name.ts';

it('writes an ASCII filename and an RFC 5987 filename* for a Chinese one', () => {
  assert.equal(
    attachmentDisposition('BOAT-01_2026-12-07.gpx', '清波1号_2026-12-07.gpx'),
    `attachment; filename="BOAT-01_2026-12-07.gpx"; filename*=UTF-8''%E6%B8%85%E6%B3%A21%E5%8F%B7_2026-12-07.gpx`,
  );
  // attr-char has no quote, parentheses, star or space; the ASCII name has no quote to escape.
  assert.equal(
    attachmentDisposition('a "b" (c).gpx', "船 'A' (1)*.gpx"),
    `attachment; filename="a__b___c_.gpx"; filename*=UTF-8''%E8%88%B9%20%27A%27%20%281%29%2A.gpx`,
  );
});

it('names the file after the code, the name and the Beijing day or days', () => {
  const day = { from: Date.parse('2026-12-06T16:00:00Z'), to: Date.parse('2026-12-07T16:00:00Z') };
  assert.deepEqual(trackFileNames({ code: 'BOAT-01', name: '清波1号' }, day.from, day.to, 'kml'), {
    ascii: 'BOAT-01_2026-12-07.kml',
    utf8: '清波1号_2026-12-07.kml',
  });
  assert.deepEqual(trackFileNames({ code: 'B', name: '东/西:河' }, day.from, day.to + 1, 'csv'), {
    ascii: 'B_2026-12-07_2026-12-08.csv',
    utf8: '东_西_河_2026-12-07_2026-12-08.csv',
  });
});
