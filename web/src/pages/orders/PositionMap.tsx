import { useCallback } from 'react';
import { STAFF_ROLES } from '../../../../src/domain/auth/roles.ts';
import { fetchUnits } from '../../api/units.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/context.tsx';
import { loadBasemap } from '../../map/basemap.ts';
import { UnitsLayer } from '../../map/layers/UnitsLayer.tsx';
import { MapView } from '../../map/MapView.tsx';
import { useSignedIn } from '../../session/context.tsx';
import { PickLayer, type PickLayerProps } from './PickLayer.tsx';

/** A small map of the user's grids: a click sets the report's position. */
export function PositionMap({ position, onPick }: PickLayerProps) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  // Staff may read unit polygons to click into; a resident or crew member types the position.
  const mayReadUnits = STAFF_ROLES.includes(user.role);
  const basemap = useAsync(useCallback(() => loadBasemap(), []));
  const units = useAsync(
    useCallback(
      (signal: AbortSignal) => (mayReadUnits ? fetchUnits(signal) : Promise.resolve([])),
      [mayReadUnits],
    ),
  );
  return (
    <div className="position-map" data-testid="position-map">
      <span className="muted">{t('report.mapHint')}</span>
      <div className="position-map-canvas">
        {!basemap.loading && (
          <MapView basemap={basemap.data ?? null}>
            <UnitsLayer units={units.data ?? []} />
            <PickLayer position={position} onPick={onPick} />
          </MapView>
        )}
      </div>
    </div>
  );
}
