import { useCallback, useEffect, useMemo, useState } from 'react';
import { fetchOrderBoats, type Order } from '../../api/orders.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/context.tsx';
import { useSignedIn } from '../../session/context.tsx';
import { formatTime } from '../../time.ts';
import { mayOpen } from '../registry.ts';
import { FieldMap } from './FieldMap.tsx';

/** How often the boats' positions are read again while the panel is open. */
const REFRESH_MS = 20_000;

/**
 * While the order is handled (事中): the boats sent (or the handling unit's), each with its
 * distance to the order and when it may arrive, and a map with the boats highlighted.
 */
export function OrderBoats({ order }: { order: Order }) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const boats = useAsync(
    useCallback(
      (signal: AbortSignal) => {
        void tick;
        void order.version;
        return fetchOrderBoats(order.id, signal);
      },
      [order.id, order.version, tick],
    ),
  );
  const b = boats.data;
  const point = useMemo(() => ({ lat: order.lat, lon: order.lon }), [order.lat, order.lon]);
  const placed = useMemo(
    () => (b?.items ?? []).flatMap((i) => (i.position ? [{ id: i.assetId, ...i.position }] : [])),
    [b],
  );
  if (!b) return <ErrorNotice error={boats.error} />;
  return (
    <section className="detail-section order-boats" data-testid="order-boats" data-assigned={b.assigned}>
      <h3>{t('boats.title')}</h3>
      {!b.assigned && <p className="muted">{b.items.length > 0 ? t('boats.considered') : t('boats.none')}</p>}
      <ul className="subtask-list">
        {b.items.map((i) => (
          <li key={i.assetId} data-testid="order-boat" data-asset-id={i.assetId}>
            <strong>{i.name}</strong>
            <span className="muted">{i.code}</span>
            {i.distanceM === null ? (
              <span className="muted">{t('boats.noFix')}</span>
            ) : (
              <span data-testid="boat-distance">{t('boats.meters', { m: i.distanceM })}</span>
            )}
            {i.position && (
              <span data-testid="boat-eta">
                {i.etaSeconds === 0
                  ? t('boats.arrived')
                  : i.etaAt
                    ? t('boats.eta', { time: formatTime(i.etaAt) })
                    : t('boats.etaUnknown')}
              </span>
            )}
            {i.position && (
              <span className="muted">{t('boats.fixAt', { time: formatTime(i.position.at) })}</span>
            )}
          </li>
        ))}
      </ul>
      {placed.length > 0 && mayOpen(user.role, 'map') && (
        <a
          className="btn btn-small boats-live-map"
          href={`#/map/order/${encodeURIComponent(order.id)}`}
          data-testid="boats-live-map"
        >
          {t('boats.liveMap')}
        </a>
      )}
      {placed.length > 0 && (
        <FieldMap testId="order-boats-map" point={point} radiusM={b.radiusM} boats={placed} />
      )}
    </section>
  );
}
