import { useEffect, useState } from 'react';
import { type Alert, fetchAlert } from '../../api/alerts.ts';
import { useI18n } from '../../i18n/context.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { navigateTo } from '../../routing.ts';
import { formatDateTime } from '../../time.ts';

/** The alert that raised an order (事前): its kind, when it started, its status, and its boat on the map. */
export function OrderAlert({ alertId }: { alertId: string }) {
  const { t } = useI18n();
  const [alert, setAlert] = useState<Alert | null>(null);
  useEffect(() => {
    let live = true;
    fetchAlert(alertId).then(
      (a) => {
        if (live) setAlert(a);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [alertId]);
  if (!alert) return null;
  return (
    <p className="alert-order-link notice" data-testid="order-alert" data-alert-id={alert.id}>
      {t('alerts.raisedBy', {
        kind: t(`alerts.kind.${alert.kind}` as MessageKey),
        time: formatDateTime(alert.startedAt),
      })}{' '}
      · {t(`alerts.status.${alert.status}` as MessageKey)}{' '}
      <button
        type="button"
        className="btn btn-small btn-ghost"
        onClick={() => navigateTo('map', alert.assetId)}
      >
        {t('alerts.showBoat')}
      </button>
    </p>
  );
}
