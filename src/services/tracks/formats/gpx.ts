import { Chunks } from './chunks.ts';
import { isoTimeFormatter } from './iso-time.ts';
import type { ExportPoint, TrackMeta } from './meta.ts';
import { numberTexts } from './numbers.ts';
import { escapeXml } from './xml.ts';

/**
 * GPX 1.1 (https://www.topografix.com/GPX/1/1/): one <trk>, one <trkseg> per continuous span
 * (the schema's own advice for lost reception: "start a new Track Segment for each continuous
 * span of track data"), <trkpt lat lon> with <time> and no <ele>. Speed (m/s) and course go in
 * Garmin's TrackPointExtension v2, which the GPX readers that show speed understand.
 */
export function gpxOf(meta: TrackMeta, spans: readonly (readonly ExportPoint[])[]): Buffer {
  const iso = isoTimeFormatter();
  const title = escapeXml(`${meta.name} ${meta.code}`);
  const out = new Chunks();
  out.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<gpx version="1.1" creator="Zhongshu 中枢" xmlns="http://www.topografix.com/GPX/1/1"' +
      ' xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2"' +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd' +
      ' http://www.garmin.com/xmlschemas/TrackPointExtension/v2 https://www8.garmin.com/xmlschemas/TrackPointExtensionv2.xsd">\n' +
      `<metadata><name>${title}</name><time>${iso(meta.createdAt)}</time></metadata>\n` +
      `<trk><name>${title}</name><type>${escapeXml(meta.kind)}</type>\n`,
  );
  for (const span of spans) {
    const lats = numberTexts(span, (p) => p.lat);
    const lons = numberTexts(span, (p) => p.lon);
    // km/h to m/s, to the centimetre per second.
    const speeds = numberTexts(span, (p) => Math.round((p.speed / 3.6) * 100) / 100);
    const courses = numberTexts(span, (p) => p.course);
    out.write('<trkseg>\n');
    for (let i = 0; i < span.length; i++) {
      out.write(
        `<trkpt lat="${lats[i]}" lon="${lons[i]}"><time>${iso((span[i] as ExportPoint).time)}</time>` +
          `<extensions><gpxtpx:TrackPointExtension><gpxtpx:speed>${speeds[i]}</gpxtpx:speed>` +
          `<gpxtpx:course>${courses[i]}</gpxtpx:course></gpxtpx:TrackPointExtension></extensions></trkpt>\n`,
      );
    }
    out.write('</trkseg>\n');
  }
  out.write('</trk>\n</gpx>\n');
  return out.bytes();
}
