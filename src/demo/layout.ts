import type { PolygonGeometry } from '../domain/org/polygon.ts';
import { seededRandom } from '../seeded-random.ts';
import { buildLattice, type CellRect, type Lattice, rectPolygon } from './lattice.ts';
import { COMMUNITY_NAMES, DEMO_SUBDISTRICT, ordinal, seq2, seq3 } from './names.ts';
import { splitInThree, splitIntoGrids } from './split.ts';

/** One area of the plan: its code, name, block of lattice cells and outline. */
export interface AreaPlan {
  code: string;
  name: string;
  rect: CellRect;
  polygon: PolygonGeometry;
}

export interface CommunityPlan extends AreaPlan {
  grids: AreaPlan[];
}

export interface GridAreaPlan extends AreaPlan {
  workstation: { code: string; name: string };
  communities: CommunityPlan[];
}

export interface SubdistrictPlan extends AreaPlan {
  gridAreas: GridAreaPlan[];
}

/**
 * About 5 km east-west by 4 km north-south, centred on 31.30 N 120.80 E: 12 × 8 cells of
 * ~417 m × 500 m, so a community is 2–8 cells and a grid 1–4.
 */
export const DEMO_LATTICE: Lattice = buildLattice({
  cols: 12,
  rows: 8,
  cellWidthM: 5000 / 12,
  cellHeightM: 4000 / 8,
  centre: { lat: 31.3, lon: 120.8 },
  jitter: 0.18,
  seed: 20260302,
});

/** Grid-area blocks: four across the north half, three across the south, numbered from the north-west. */
const GRID_AREA_RECTS: CellRect[] = [
  { col: 0, row: 4, w: 3, h: 4 },
  { col: 3, row: 4, w: 3, h: 4 },
  { col: 6, row: 4, w: 3, h: 4 },
  { col: 9, row: 4, w: 3, h: 4 },
  { col: 0, row: 0, w: 4, h: 4 },
  { col: 4, row: 0, w: 4, h: 4 },
  { col: 8, row: 0, w: 4, h: 4 },
];

/** The whole demo organisation as pure data: same seed, same plan, every time. */
export function planSubdistrict(lattice: Lattice = DEMO_LATTICE, seed = 26): SubdistrictPlan {
  const pick = seededRandom(seed);
  const base = DEMO_SUBDISTRICT.code;
  let communityNo = 0;
  const gridAreas = GRID_AREA_RECTS.map((areaRect, a): GridAreaPlan => {
    const n = a + 1;
    const communities = splitInThree(areaRect, pick).map((rect): CommunityPlan => {
      communityNo += 1;
      const code = `${base}${seq3(communityNo)}`;
      const name = COMMUNITY_NAMES[communityNo - 1] ?? `${communityNo}号社区`;
      const grids = splitIntoGrids(rect, pick).map((gridRect, g) => ({
        code: `${code}${seq2(g + 1)}`,
        name: `${name}第${g + 1}网格`,
        rect: gridRect,
        polygon: rectPolygon(lattice, gridRect),
      }));
      return { code, name, rect, polygon: rectPolygon(lattice, rect), grids };
    });
    return {
      code: `${base}-GA${seq2(n)}`,
      name: `${ordinal(n)}网格片`,
      workstation: { code: `${base}-WS${seq2(n)}`, name: `${ordinal(n)}联动工作站` },
      rect: areaRect,
      polygon: rectPolygon(lattice, areaRect),
      communities,
    };
  });
  const whole = { col: 0, row: 0, w: lattice.spec.cols, h: lattice.spec.rows };
  return { ...DEMO_SUBDISTRICT, rect: whole, polygon: rectPolygon(lattice, whole), gridAreas };
}

/** The demo plan, computed once. */
export const DEMO_LAYOUT: SubdistrictPlan = planSubdistrict();
