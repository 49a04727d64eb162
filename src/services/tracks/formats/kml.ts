import { Chunks } from './chunks.ts';
import { isoTimeFormatter } from './iso-time.ts';
import type { ExportPoint, TrackMeta } from './meta.ts';
import { numberTexts } from './numbers.ts';
import { escapeXml } from './xml.ts';

/**
 * KML 2.2 with Google's gx extension (https://developers.google.com/kml/documentation/kmlreference#gxtrack):
 * one Placemark holding a gx:MultiTrack, one gx:Track per continuous span (not joined across
 * gaps: gx:interpolate 0), each listing its <when> times and then its <gx:coord>s ("lon lat alt"),
 * so the times are kept, unlike a plain LineString.
 */
export function kmlOf(meta: TrackMeta, spans: readonly (readonly ExportPoint[])[]): Buffer {
  const iso = isoTimeFormatter();
  const title = escapeXml(`${meta.name} ${meta.code}`);
  const out = new Chunks();
  out.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">\n' +
      `<Document><name>${title}</name>\n` +
      `<Placemark><name>${title}</name>` +
      `<TimeSpan><begin>${iso(meta.from)}</begin><end>${iso(meta.to)}</end></TimeSpan>\n` +
      '<gx:MultiTrack><altitudeMode>clampToGround</altitudeMode><gx:interpolate>0</gx:interpolate>\n',
  );
  for (const span of spans) {
    out.write('<gx:Track>\n');
    const lats = numberTexts(span, (p) => p.lat);
    const lons = numberTexts(span, (p) => p.lon);
    for (const p of span) out.write(`<when>${iso(p.time)}</when>\n`);
    for (let i = 0; i < span.length; i++) out.write(`<gx:coord>${lons[i]} ${lats[i]} 0</gx:coord>\n`);
    out.write('</gx:Track>\n');
  }
  out.write('</gx:MultiTrack></Placemark>\n</Document>\n</kml>\n');
  return out.bytes();
}
