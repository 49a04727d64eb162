import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import type { Order } from '../../api/orders.ts';
import { useMapHandle } from '../context.ts';
import { toDisplay } from '../coords.ts';
import { MAP_COLORS } from '../theme.ts';
import { mountLayers, setSourceData } from './manage.ts';
import { LABEL_PAINT } from './text.ts';

const isRed = ['case', ['==', ['get', 'light'], 'red'], 1, 0];

/**
 * Orders as points coloured by their time light, clustered by MapLibre when zoomed out (a cluster
 * turns red when it holds an overdue order). A click on a point opens the order; on a cluster it
 * zooms in. After each render the map container's `data-rendered-orders` holds the orders drawn
 * (points plus the orders in clusters) and `data-first-point` the screen position and id of one
 * drawn point, which the browser tests click.
 */
export function OrdersLayer({ orders, onOpen }: { orders: readonly Order[]; onOpen(id: string): void }) {
  const { map, crs } = useMapHandle();
  const open = useRef(onOpen);
  open.current = onOpen;

  useEffect(() => {
    const unmount = mountLayers(
      map,
      'orders',
      ['orders'],
      [
        {
          id: 'orders-cluster',
          type: 'circle',
          source: 'orders',
          filter: ['has', 'point_count'],
          paint: {
            'circle-color': ['case', ['>', ['get', 'red'], 0], MAP_COLORS.orderRed, MAP_COLORS.orderCluster],
            'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 50, 24],
            'circle-opacity': 0.85,
            'circle-stroke-color': MAP_COLORS.background,
            'circle-stroke-width': 2,
          },
        },
        {
          id: 'orders-cluster-count',
          type: 'symbol',
          source: 'orders',
          filter: ['has', 'point_count'],
          layout: {
            'text-field': ['get', 'point_count_abbreviated'],
            'text-size': 14,
            'text-font': ['sans-serif'],
          },
          paint: LABEL_PAINT,
        },
        {
          id: 'orders-point',
          type: 'circle',
          source: 'orders',
          filter: ['!', ['has', 'point_count']],
          paint: {
            'circle-radius': 7,
            'circle-color': [
              'match',
              ['get', 'light'],
              'green',
              MAP_COLORS.orderGreen,
              'yellow',
              MAP_COLORS.orderYellow,
              'red',
              MAP_COLORS.orderRed,
              MAP_COLORS.orderNone,
            ],
            'circle-stroke-color': MAP_COLORS.background,
            'circle-stroke-width': 1.5,
          },
        },
      ],
      {
        cluster: {
          cluster: true,
          clusterRadius: 44,
          clusterMaxZoom: 15,
          clusterProperties: { red: ['+', isRed] },
        },
      },
    );
    const onPoint = (event: MapLayerMouseEvent) => {
      const id = event.features?.[0]?.properties?.id;
      if (typeof id === 'string') open.current(id);
    };
    const onCluster = (event: MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      const clusterId = feature?.properties?.cluster_id;
      if (!feature || typeof clusterId !== 'number' || feature.geometry.type !== 'Point') return;
      const center = feature.geometry.coordinates as [number, number];
      void map
        .getSource<GeoJSONSource>('orders')
        ?.getClusterExpansionZoom(clusterId)
        .then((zoom) => map.easeTo({ center, zoom }));
    };
    const pointer = () => {
      map.getCanvas().style.cursor = 'pointer';
    };
    const plain = () => {
      map.getCanvas().style.cursor = '';
    };
    const count = () => {
      const points = map.queryRenderedFeatures({ layers: ['orders-point'] });
      const clusters = map.queryRenderedFeatures({ layers: ['orders-cluster'] });
      const ids = new Set(points.map((f) => f.properties.id));
      const clustered = new Map(
        clusters.map((f) => [f.properties.cluster_id, Number(f.properties.point_count)]),
      );
      const container = map.getContainer();
      container.dataset.renderedOrders = String(
        ids.size + [...clustered.values()].reduce((a, b) => a + b, 0),
      );
      container.dataset.renderedClusters = String(clustered.size);
      const first = points[0];
      if (first && first.geometry.type === 'Point') {
        const at = map.project(first.geometry.coordinates as [number, number]);
        container.dataset.firstPoint = `${Math.round(at.x)},${Math.round(at.y)},${first.properties.id}`;
      } else delete container.dataset.firstPoint;
    };
    for (const layer of ['orders-point', 'orders-cluster']) {
      map.on('mouseenter', layer, pointer);
      map.on('mouseleave', layer, plain);
    }
    map.on('click', 'orders-point', onPoint);
    map.on('click', 'orders-cluster', onCluster);
    map.on('idle', count);
    return () => {
      for (const layer of ['orders-point', 'orders-cluster']) {
        map.off('mouseenter', layer, pointer);
        map.off('mouseleave', layer, plain);
      }
      map.off('click', 'orders-point', onPoint);
      map.off('click', 'orders-cluster', onCluster);
      map.off('idle', count);
      unmount();
    };
  }, [map]);

  useEffect(() => {
    const data: FeatureCollection<Point> = {
      type: 'FeatureCollection',
      features: orders.map((o) => ({
        type: 'Feature',
        geometry: toDisplay({ type: 'Point', coordinates: [o.lon, o.lat] } as Point, crs),
        properties: { id: o.id, light: o.light ?? 'none' },
      })),
    };
    setSourceData(map, 'orders', data);
  }, [map, crs, orders]);

  return null;
}
