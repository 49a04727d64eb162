import { Chunks } from './chunks.ts';
import { isoTimeFormatter } from './iso-time.ts';
import type { ExportPoint } from './meta.ts';
import { numberTexts } from './numbers.ts';

/**
 * CSV (RFC 4180: CRLF, a header row) with a UTF-8 byte-order mark, without which Excel reads the
 * file in the system's code page and garbles Chinese. Every field is a number, a boolean or an
 * ISO time: nothing needs quoting.
 */
export function csvOf(points: readonly ExportPoint[]): Buffer {
  const iso = isoTimeFormatter();
  const out = new Chunks();
  out.write('\uFEFFtime,lat,lon,speedKmh,course,valid\r\n');
  const lats = numberTexts(points, (p) => p.lat);
  const lons = numberTexts(points, (p) => p.lon);
  const speeds = numberTexts(points, (p) => p.speed);
  const courses = numberTexts(points, (p) => p.course);
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as ExportPoint;
    out.write(`${iso(p.time)},${lats[i]},${lons[i]},${speeds[i]},${courses[i]},${p.valid}\r\n`);
  }
  return out.bytes();
}
