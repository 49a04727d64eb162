import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { AreaGeometry } from './polygon.ts';

export interface LocatableArea {
  id: string;
  polygon: AreaGeometry;
}

/**
 * The first area whose polygon contains the WGS-84 point, border included: a point on a
 * border shared by two grids goes to the first in the given order, so callers pass a stable order.
 */
export function findContaining<T extends LocatableArea>(areas: T[], lat: number, lon: number): T | undefined {
  return areas.find((area) => booleanPointInPolygon([lon, lat], area.polygon, { ignoreBoundary: false }));
}
