import { useCallback, useMemo } from 'react';
import { fetchFieldCheck, type Order } from '../../api/orders.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/context.tsx';
import { formatDateTime, formatTime } from '../../time.ts';
import { FieldMap } from './FieldMap.tsx';

/**
 * The field check (事后), shown to the verifier before verifying: did a boat's track come within
 * the radius of the order's point between sending and feedback — yes or no, the closest distance
 * and when — with a map of the tracks, the point and the circle.
 */
export function FieldCheckPanel({ order }: { order: Order }) {
  const { t } = useI18n();
  const check = useAsync(
    useCallback(
      (signal: AbortSignal) => {
        void order.version;
        return fetchFieldCheck(order.id, signal);
      },
      [order.id, order.version],
    ),
  );
  const c = check.data;
  const point = useMemo(() => ({ lat: order.lat, lon: order.lon }), [order.lat, order.lon]);
  const tracks = useMemo(
    () => (c?.assets ?? []).map((a) => ({ id: a.assetId, coordinates: a.track, reached: a.reached })),
    [c],
  );
  // Wide enough for the circle and the closest pass, and for the way in and out of it.
  const closest = Math.min(...(c?.assets ?? []).map((a) => a.closestM ?? Number.POSITIVE_INFINITY));
  const aroundM = Math.max(120, (c?.radiusM ?? 30) * 4, Number.isFinite(closest) ? closest * 1.5 : 0);
  if (!c) return <ErrorNotice error={check.error} />;
  if (c.from === null) return null;
  return (
    <section
      className="detail-section field-check"
      data-testid="field-check"
      data-reached={c.reached}
      data-closed={c.closed}
    >
      <h3>{t('fieldCheck.title')}</h3>
      {c.assets.length === 0 ? (
        <p className="muted">{t('fieldCheck.none')}</p>
      ) : (
        <p>
          <strong
            className={`badge ${c.reached ? 'field-reached' : 'field-missed'}`}
            data-testid="field-check-result"
          >
            {t(c.reached ? 'fieldCheck.reached' : 'fieldCheck.notReached')}
          </strong>{' '}
          <span className="muted">{t('fieldCheck.radius', { m: c.radiusM })}</span>
        </p>
      )}
      <p className="muted">
        {t('fieldCheck.window', { from: formatDateTime(c.from), to: formatDateTime(c.to) })}
        {!c.closed && ` · ${t('fieldCheck.open')}`}
      </p>
      <ul className="subtask-list">
        {c.assets.map((a) => (
          <li key={a.assetId} data-testid="field-check-boat" data-reached={a.reached}>
            <strong>{a.name}</strong>
            <span className="muted">{a.code}</span>
            {a.closestM === null || a.closestAt === null ? (
              <span className="muted">{t('fieldCheck.noTrack')}</span>
            ) : (
              <span data-testid="field-check-closest">
                {t('fieldCheck.closest', { m: Math.round(a.closestM), time: formatTime(a.closestAt) })}
              </span>
            )}
            {a.firstWithinAt && (
              <span className="muted">
                {t('fieldCheck.firstWithin', { time: formatTime(a.firstWithinAt) })}
              </span>
            )}
          </li>
        ))}
      </ul>
      {c.assets.length > 0 && (
        <FieldMap
          testId="field-check-map"
          point={point}
          radiusM={c.radiusM}
          tracks={tracks}
          aroundM={aroundM}
        />
      )}
    </section>
  );
}
