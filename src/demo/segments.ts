import type { LineStringGeometry } from '../store/segments.repository.ts';
import { DEMO_LATTICE } from './layout.ts';
import { DEMO_SUBDISTRICT, seq2 } from './names.ts';

/** A demo river segment (责任河段): centre line and half-width of the water surface. */
export interface DemoSegment {
  code: string;
  name: string;
  halfWidthM: number;
  geometry: LineStringGeometry;
}

/**
 * River centre lines in lattice cell units (u east, v north). They keep half a cell (≥ 200 m)
 * inside the lattice, more than the 18% corner jitter plus the widest half-width, so every
 * river lies inside the subdistrict boundary.
 */
const RIVERS: { name: string; halfWidthM: number; path: [number, number][] }[] = [
  {
    name: '娄江（西段）',
    halfWidthM: 40,
    path: [
      [0.6, 4.5],
      [2, 4.3],
      [3.5, 4.6],
      [5, 4.4],
      [6, 4.2],
    ],
  },
  {
    name: '娄江（东段）',
    halfWidthM: 35,
    path: [
      [6, 4.2],
      [7.5, 3.9],
      [9, 4.1],
      [10.5, 4.4],
      [11.4, 4.3],
    ],
  },
  {
    name: '外城河',
    halfWidthM: 25,
    path: [
      [1.5, 0.6],
      [1.8, 2],
      [1.6, 3.5],
      [1.9, 5.5],
      [1.7, 7.4],
    ],
  },
  {
    name: '相门塘',
    halfWidthM: 15,
    path: [
      [7.2, 0.6],
      [7, 1.8],
      [7.4, 3],
      [7.5, 3.9],
    ],
  },
  {
    name: '葑门塘',
    halfWidthM: 18,
    path: [
      [9, 0.7],
      [9.8, 1.5],
      [10.6, 2.2],
      [11.4, 2.6],
    ],
  },
  {
    name: '北园河',
    halfWidthM: 20,
    path: [
      [3, 7.3],
      [4.5, 6.6],
      [6, 6.4],
      [8, 6.8],
      [9.5, 7.3],
    ],
  },
];

/** The demo river segments, WGS-84; the device simulator drives boats along these lines. */
export const DEMO_SEGMENTS: readonly DemoSegment[] = RIVERS.map((river, i) => ({
  code: `${DEMO_SUBDISTRICT.code}-R${seq2(i + 1)}`,
  name: river.name,
  halfWidthM: river.halfWidthM,
  geometry: { type: 'LineString', coordinates: river.path.map(([u, v]) => DEMO_LATTICE.point(u, v)) },
}));
