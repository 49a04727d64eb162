import { useCallback, useState } from 'react';
import { fetchCategories } from '../api/categories.ts';
import type { OrderFilter } from '../api/orders.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useAsync } from '../hooks/useAsync.ts';
import { useI18n } from '../i18n/context.tsx';
import { OrdersLayer } from '../map/layers/OrdersLayer.tsx';
import { type UnitHover, UnitHoverLayer } from '../map/layers/UnitHoverLayer.tsx';
import { UnitsLayer } from '../map/layers/UnitsLayer.tsx';
import { MapView } from '../map/MapView.tsx';
import { navigateTo } from '../routing.ts';
import { useMapData } from './map/useMapData.ts';
import { HoverCard } from './ordermap/HoverCard.tsx';
import { MAX_POINTS, useOrderPoints } from './ordermap/useOrderPoints.ts';
import { OrderFilters } from './orders/OrderFilters.tsx';

/**
 * The order map (工单地图): the orders matching the list's filters as points coloured by their
 * time light, clustered when zoomed out; a click opens the order, a grid under the pointer shows
 * its and its community's orders and overdue orders.
 */
export function OrderMapPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<OrderFilter>({});
  const [hover, setHover] = useState<UnitHover | null>(null);
  const data = useMapData();
  const categories = useAsync(useCallback((signal: AbortSignal) => fetchCategories(signal), []));
  const points = useOrderPoints(filter);
  const orders = points.data?.orders ?? [];
  const total = points.data?.total ?? 0;

  return (
    <div className="page order-map-page">
      <OrderFilters filter={filter} categories={categories.data ?? []} onChange={setFilter} />
      <p className="muted order-map-count" data-testid="order-map-count" aria-busy={points.loading}>
        {points.data &&
          (total > orders.length
            ? t('orderMap.shownOf', { shown: orders.length, total, max: MAX_POINTS })
            : t('orderMap.shown', { shown: orders.length }))}
      </p>
      <ErrorNotice error={points.error ?? data.error} />
      <div className="map-area order-map-area" data-testid="order-map-area" data-orders={orders.length}>
        {data.basemapReady ? (
          <MapView basemap={data.basemap}>
            <UnitsLayer units={data.units} />
            <UnitHoverLayer onHover={setHover} />
            <OrdersLayer orders={orders} onOpen={(id) => navigateTo('orders', id)} />
          </MapView>
        ) : (
          <p className="map-loading">{t('app.loading')}</p>
        )}
        {hover && <HoverCard hover={hover} units={data.units} orders={orders} />}
      </div>
    </div>
  );
}
