import type { Position } from '../org/polygon.ts';
import {
  distanceToSegmentSq,
  type LocalProjection,
  localProjection,
  projectX,
  projectY,
  unproject,
} from './planar.ts';

/** A river segment's centre line: GeoJSON in WGS-84, positions [lon, lat]. */
export type LineGeometry =
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] };

/** One sub-section of a segment: `fromM`..`toM` along part `part` of the line, for drawing. */
export interface SegmentSection {
  part: number;
  fromM: number;
  toM: number;
  coordinates: Position[];
}

/** A centre line cut into sub-sections and indexed for "which sub-sections lie near this point". */
export interface SectionedLine {
  readonly halfWidthM: number;
  readonly sectionM: number;
  readonly sections: readonly SegmentSection[];
  readonly projection: LocalProjection;
  /** Per edge: ax, ay, bx, by in projected metres. */
  readonly edges: Float64Array;
  readonly edgeSection: Int32Array;
  readonly cellM: number;
  /** Grid cell key → edges whose buffer reaches into the cell. */
  readonly grid: ReadonlyMap<number, readonly number[]>;
}

/** Lengths closer than this are equal: rounding, not river. */
const EPSILON_M = 1e-3;
const GRID_OFFSET = 1 << 20;
const cellKey = (cx: number, cy: number) => (cx + GRID_OFFSET) * 2 * GRID_OFFSET + (cy + GRID_OFFSET);

function partsOf(geometry: LineGeometry): Position[][] {
  return geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
}

function centreOf(parts: readonly Position[][]): { lat: number; lon: number } {
  let [minLon, minLat, maxLon, maxLat] = [180, 90, -180, -90];
  for (const [lon, lat] of parts.flat()) {
    [minLon, maxLon] = [Math.min(minLon, lon), Math.max(maxLon, lon)];
    [minLat, maxLat] = [Math.min(minLat, lat), Math.max(maxLat, lat)];
  }
  return minLon > maxLon ? { lat: 0, lon: 0 } : { lat: (minLat + maxLat) / 2, lon: (minLon + maxLon) / 2 };
}

/** Cuts one part (projected vertices) into pieces of `sectionM` metres along it; the last may be shorter. */
function cutPart(
  points: readonly [number, number][],
  sectionM: number,
): { fromM: number; toM: number; points: [number, number][] }[] {
  const pieces: { fromM: number; toM: number; points: [number, number][] }[] = [];
  let current: [number, number][] = [points[0] as [number, number]];
  let fromM = 0;
  let walked = 0;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1] as [number, number];
    const [bx, by] = points[i] as [number, number];
    const length = Math.hypot(bx - ax, by - ay);
    while (fromM + sectionM < walked + length - EPSILON_M) {
      const t = (fromM + sectionM - walked) / length;
      const cut: [number, number] = [ax + (bx - ax) * t, ay + (by - ay) * t];
      current.push(cut);
      pieces.push({ fromM, toM: fromM + sectionM, points: current });
      current = [cut];
      fromM += sectionM;
    }
    current.push([bx, by]);
    walked += length;
  }
  const last = pieces.at(-1);
  if (walked - fromM > EPSILON_M || !last) pieces.push({ fromM, toM: walked, points: current });
  else {
    // A float's worth of line after the last cut (a 1000 m line measured 1000.0000000001) joins the piece before.
    last.toM = walked;
    last.points.push(...current.slice(1));
  }
  return pieces;
}

/**
 * Cuts a centre line into sub-sections of `sectionM` metres along each part (a part's last one
 * may be shorter; parts of a MultiLineString are cut separately and numbered on) and indexes
 * them in a grid, so that a day's fixes are matched in milliseconds. Lengths are measured in a
 * local equirectangular projection around the line, within a few parts in ten thousand of the
 * geodesic over a river segment's few kilometres.
 */
export function sectionLine(geometry: LineGeometry, halfWidthM: number, sectionM = 50): SectionedLine {
  const parts = partsOf(geometry).filter((p) => p.length >= 2);
  const centre = centreOf(parts);
  const projection = localProjection(centre.lat, centre.lon);
  const sections: SegmentSection[] = [];
  const edgeList: number[] = [];
  const edgeSection: number[] = [];
  parts.forEach((coordinates, part) => {
    const points = coordinates.map(([lon, lat]): [number, number] => [
      projectX(projection, lon),
      projectY(projection, lat),
    ]);
    for (const piece of cutPart(points, sectionM)) {
      for (let i = 1; i < piece.points.length; i++) {
        edgeList.push(...(piece.points[i - 1] as [number, number]), ...(piece.points[i] as [number, number]));
        edgeSection.push(sections.length);
      }
      const coordinatesOut = piece.points.map(([x, y]): Position => {
        const p = unproject(projection, x, y);
        return [p.lon, p.lat];
      });
      sections.push({ part, fromM: piece.fromM, toM: piece.toM, coordinates: coordinatesOut });
    }
  });
  const edges = Float64Array.from(edgeList);
  const cellM = Math.max(sectionM, 2 * halfWidthM, 10);
  const grid = new Map<number, number[]>();
  for (let e = 0; e < edgeSection.length; e++) {
    const [ax, ay, bx, by] = [0, 1, 2, 3].map((k) => edges[e * 4 + k] as number) as [
      number,
      number,
      number,
      number,
    ];
    const x0 = Math.floor((Math.min(ax, bx) - halfWidthM) / cellM);
    const x1 = Math.floor((Math.max(ax, bx) + halfWidthM) / cellM);
    const y0 = Math.floor((Math.min(ay, by) - halfWidthM) / cellM);
    const y1 = Math.floor((Math.max(ay, by) + halfWidthM) / cellM);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = cellKey(cx, cy);
        const list = grid.get(key);
        if (list) list.push(e);
        else grid.set(key, [e]);
      }
    }
  }
  return {
    halfWidthM,
    sectionM,
    sections,
    projection,
    edges,
    edgeSection: Int32Array.from(edgeSection),
    cellM,
    grid,
  };
}

/**
 * Calls `visit` with the index of each sub-section (possibly more than once) within the line's
 * half-width of the point; `skip` lets a caller pass over sections it already has.
 */
export function forEachSectionNear(
  line: SectionedLine,
  lat: number,
  lon: number,
  visit: (section: number) => void,
  skip: (section: number) => boolean = () => false,
): void {
  const x = projectX(line.projection, lon);
  const y = projectY(line.projection, lat);
  const candidates = line.grid.get(cellKey(Math.floor(x / line.cellM), Math.floor(y / line.cellM)));
  if (!candidates) return;
  const limitSq = line.halfWidthM ** 2;
  const { edges } = line;
  for (const e of candidates) {
    const section = line.edgeSection[e] as number;
    if (skip(section)) continue;
    const o = e * 4;
    const d = distanceToSegmentSq(
      x,
      y,
      edges[o] as number,
      edges[o + 1] as number,
      edges[o + 2] as number,
      edges[o + 3] as number,
    );
    if (d <= limitSq) visit(section);
  }
}

/** A predicate "is this point within the half-width of any of these lines" (the assigned segments' buffer). */
export function segmentBuffer(lines: readonly SectionedLine[]): (lat: number, lon: number) => boolean {
  return (lat, lon) => {
    for (const line of lines) {
      let near = false;
      forEachSectionNear(
        line,
        lat,
        lon,
        () => {
          near = true;
        },
        () => near,
      );
      if (near) return true;
    }
    return false;
  };
}
