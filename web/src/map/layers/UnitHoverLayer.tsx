import type { MapLayerMouseEvent } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { useMapHandle } from '../context.ts';

/** Where the pointer is over a grid's polygon (drawn by UnitsLayer), in the map's pixels. */
export interface UnitHover {
  unitId: string;
  x: number;
  y: number;
}

/** Reports the grid under the pointer (null when it leaves the grids); renders nothing. */
export function UnitHoverLayer({ onHover }: { onHover(hover: UnitHover | null): void }) {
  const { map } = useMapHandle();
  const report = useRef(onHover);
  report.current = onHover;

  useEffect(() => {
    const move = (event: MapLayerMouseEvent) => {
      const id = event.features?.[0]?.properties?.id;
      report.current(typeof id === 'string' ? { unitId: id, x: event.point.x, y: event.point.y } : null);
    };
    const leave = () => report.current(null);
    map.on('mousemove', 'units-grid-fill', move);
    map.on('mouseleave', 'units-grid-fill', leave);
    return () => {
      map.off('mousemove', 'units-grid-fill', move);
      map.off('mouseleave', 'units-grid-fill', leave);
    };
  }, [map]);

  return null;
}
