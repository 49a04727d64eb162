import type { PolygonGeometry, Position } from '../domain/org/polygon.ts';
import { seededRandom } from '../seeded-random.ts';

/** A rectangle of lattice cells: south-west cell (col, row), `w` columns wide, `h` rows high. */
export interface CellRect {
  col: number;
  row: number;
  w: number;
  h: number;
}

/** The shape of a jittered lattice laid over the map. */
export interface LatticeSpec {
  cols: number;
  rows: number;
  cellWidthM: number;
  cellHeightM: number;
  /** The centre of the lattice, WGS-84. */
  centre: { lat: number; lon: number };
  /** Largest vertex shift as a fraction of a cell; below 0.25 every cell stays a simple quadrilateral. */
  jitter: number;
  seed: number;
}

/** A lattice whose vertices are shared by neighbouring cells, so areas built from it tile exactly. */
export interface Lattice {
  spec: LatticeSpec;
  /** The jittered corner (i, j), 0 ≤ i ≤ cols and 0 ≤ j ≤ rows, as [lon, lat]. */
  vertex(i: number, j: number): Position;
  /** An unjittered point at (u, v) in cell units (u eastwards, v northwards), as [lon, lat]. */
  point(u: number, v: number): Position;
}

/** Metres per degree of latitude and longitude at a latitude (WGS-84 series, good to ~1 m). */
function metresPerDegree(latDeg: number): { lat: number; lon: number } {
  const phi = (latDeg * Math.PI) / 180;
  return {
    lat: 111132.92 - 559.82 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi),
    lon: 111412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi),
  };
}

// Six decimals is ~0.1 m: plenty for a demo, and shared corners stay bit-identical.
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Builds the lattice; the same spec always yields the same vertices. */
export function buildLattice(spec: LatticeSpec): Lattice {
  const scale = metresPerDegree(spec.centre.lat);
  const west = spec.centre.lon - (spec.cols * spec.cellWidthM) / 2 / scale.lon;
  const south = spec.centre.lat - (spec.rows * spec.cellHeightM) / 2 / scale.lat;
  const toLonLat = (xM: number, yM: number): Position => [
    round6(west + xM / scale.lon),
    round6(south + yM / scale.lat),
  ];
  const random = seededRandom(spec.seed);
  const shift = () => (random() * 2 - 1) * spec.jitter;
  const vertices: Position[][] = [];
  for (let i = 0; i <= spec.cols; i++) {
    const column: Position[] = [];
    for (let j = 0; j <= spec.rows; j++) {
      column.push(toLonLat((i + shift()) * spec.cellWidthM, (j + shift()) * spec.cellHeightM));
    }
    vertices.push(column);
  }
  return {
    spec,
    vertex(i, j) {
      const v = vertices[i]?.[j];
      if (!v) throw new RangeError(`lattice vertex (${i}, ${j}) is outside ${spec.cols}×${spec.rows}`);
      return [v[0], v[1]];
    },
    point: (u, v) => toLonLat(u * spec.cellWidthM, v * spec.cellHeightM),
  };
}

/**
 * The outline of a block of cells, anticlockwise from its south-west corner (GeoJSON's
 * right-hand rule). Every lattice corner on the border is a vertex, so the outline of a block
 * and of its neighbour share their common edge exactly.
 */
export function rectPolygon(lattice: Lattice, r: CellRect): PolygonGeometry {
  const ring: Position[] = [];
  for (let i = r.col; i < r.col + r.w; i++) ring.push(lattice.vertex(i, r.row));
  for (let j = r.row; j < r.row + r.h; j++) ring.push(lattice.vertex(r.col + r.w, j));
  for (let i = r.col + r.w; i > r.col; i--) ring.push(lattice.vertex(i, r.row + r.h));
  for (let j = r.row + r.h; j > r.row; j--) ring.push(lattice.vertex(r.col, j));
  ring.push(lattice.vertex(r.col, r.row));
  return { type: 'Polygon', coordinates: [ring] };
}
