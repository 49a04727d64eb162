import type { TrackFormat } from '../../api/index.ts';
import { cleanTrack, simplifyTrack } from '../../domain/fleet/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { csvOf } from './formats/csv.ts';
import { attachmentDisposition, trackFileNames } from './formats/file-name.ts';
import { geojsonOf } from './formats/geojson.ts';
import { gpxOf } from './formats/gpx.ts';
import { trackJsonOf } from './formats/json.ts';
import { kmlOf } from './formats/kml.ts';
import type { ExportPoint, TrackMeta } from './formats/meta.ts';
import { type AssetRange, type LoadedTrack, loadAssetTrack, loadAssetTrackTuples } from './load.ts';

/** A track query: the range, and the Douglas–Peucker tolerance if the track is to be thinned. */
export interface TrackRequest extends AssetRange {
  simplifyM?: number;
}

/** A track export as a file: its body, media type and download name. */
export interface TrackFile {
  contentType: string;
  contentDisposition: string;
  body: Buffer;
}

const FILES: Record<Exclude<TrackFormat, 'json'>, { ext: string; contentType: string }> = {
  geojson: { ext: 'geojson', contentType: 'application/geo+json; charset=utf-8' },
  gpx: { ext: 'gpx', contentType: 'application/gpx+xml; charset=utf-8' },
  kml: { ext: 'kml', contentType: 'application/vnd.google-earth.kml+xml; charset=utf-8' },
  csv: { ext: 'csv', contentType: 'text/csv; charset=utf-8' },
};

/**
 * The usable fixes (a satellite fix, possible coordinates; time order, one per instant) cut
 * where the asset's kind says data stopped (`gapS`), each span thinned on its own when asked:
 * a line is never drawn, nor simplified, across a gap.
 */
function spansOf(track: LoadedTrack, simplifyM: number | undefined): ExportPoint[][] {
  const spans: ExportPoint[][] = [];
  let span: ExportPoint[] = [];
  const gapMs = track.settings.gapS * 1000;
  for (const p of cleanTrack(track.rows)) {
    const last = span.at(-1);
    if (last && p.time - last.time > gapMs) {
      spans.push(span);
      span = [];
    }
    span.push(p);
  }
  if (span.length > 0) spans.push(span);
  return simplifyM === undefined ? spans : spans.map((s) => simplifyTrack(s, simplifyM));
}

/**
 * The points of the listing formats (JSON, CSV): every stored fix, invalid ones too (each says
 * `valid`); thinned, only the usable fixes Douglas–Peucker keeps, since an invalid fix has no
 * position to keep or drop.
 */
function listedPoints(track: LoadedTrack, simplifyM: number | undefined): ExportPoint[] {
  return simplifyM === undefined ? track.rows : spansOf(track, simplifyM).flat();
}

/**
 * An asset's track as JSON bytes (GET /api/assets/:id/track, format=json): every stored fix
 * written straight from the database's rows; thinned, the usable fixes Douglas–Peucker keeps.
 */
export async function assetTrackJson(ctx: ServiceContext, who: Principal, q: TrackRequest): Promise<Buffer> {
  if (q.simplifyM === undefined) return trackJsonOf(await loadAssetTrackTuples(ctx, who, q));
  const points = listedPoints(await loadAssetTrack(ctx, who, q), q.simplifyM);
  return trackJsonOf(points.map((p) => [p.time, p.lat, p.lon, p.speed, p.course, p.valid ? 1 : 0, p.flags]));
}

/**
 * An asset's track as a file: GeoJSON, GPX or KML of the usable fixes (the geometry formats),
 * or CSV of every fix; named after the asset's code (ASCII) and name (Chinese) and the day.
 */
export async function assetTrackFile(
  ctx: ServiceContext,
  who: Principal,
  q: TrackRequest & { format: Exclude<TrackFormat, 'json'> },
): Promise<TrackFile> {
  const track = await loadAssetTrack(ctx, who, q);
  const { asset } = track;
  const meta: TrackMeta = {
    assetId: asset.id,
    code: asset.code,
    name: asset.name,
    kind: asset.kind,
    from: track.from,
    to: track.to,
    simplifyM: q.simplifyM ?? null,
    createdAt: ctx.now(),
  };
  const body =
    q.format === 'csv'
      ? csvOf(listedPoints(track, q.simplifyM))
      : q.format === 'geojson'
        ? geojsonOf(meta, spansOf(track, q.simplifyM).flat())
        : q.format === 'gpx'
          ? gpxOf(meta, spansOf(track, q.simplifyM))
          : kmlOf(meta, spansOf(track, q.simplifyM));
  const { ext, contentType } = FILES[q.format];
  const names = trackFileNames(asset, track.from, track.to, ext);
  return { contentType, contentDisposition: attachmentDisposition(names.ascii, names.utf8), body };
}
