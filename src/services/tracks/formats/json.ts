import type { TrackPointView } from '../../../api/index.ts';
import type { AssetTrackTuple } from '../../../store/positions.repository.ts';
import { Chunks } from './chunks.ts';
import { isoTimeFormatter } from './iso-time.ts';

/** What trackJsonOf writes for each fix. */
export interface TrackJsonPoint {
  time: string;
  lat: number;
  lon: number;
  speedKmh: number;
  course: number;
  valid: boolean;
}

// TrackJsonPoint is TrackPointView exactly: a field added to TrackPointSchema fails to compile
// here until the writer below writes it too (src/api/views.test.ts checks the same).
const sameShape: [TrackJsonPoint, TrackPointView] extends [TrackPointView, TrackJsonPoint] ? true : never =
  true;
void sameShape;

/** A number as JSON.stringify writes it: the shortest round-trip text, a non-finite one as null. */
const num = (n: number) => (Number.isFinite(n) ? n : null);

/**
 * GET /api/assets/:id/track?format=json as bytes: `{"items":[TrackJsonPoint, …]}` written
 * straight from the rows, one template a fix, instead of a view object a fix for JSON.stringify
 * to walk again (a 17,280-fix day in about 2/3 of the time, with less garbage).
 */
export function trackJsonOf(rows: readonly AssetTrackTuple[]): Buffer {
  const iso = isoTimeFormatter();
  const out = new Chunks();
  out.write('{"items":[');
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as AssetTrackTuple;
    out.write(
      `${i === 0 ? '' : ','}{"time":"${iso(r[0])}","lat":${num(r[1])},"lon":${num(r[2])},"speedKmh":${num(r[3])},"course":${num(r[4])},"valid":${r[5] === 1}}`,
    );
  }
  out.write(']}');
  return out.bytes();
}
