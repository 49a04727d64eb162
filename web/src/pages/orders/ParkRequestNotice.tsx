import type { ActionType, Order } from '../../api/orders.ts';
import { useI18n } from '../../i18n/context.tsx';
import { formatDateTime } from '../../time.ts';

export interface ParkRequestNoticeProps {
  order: Order;
  /** Opens the form of the decision the caller chose (approvePark or denyPark). */
  onDecide(type: ActionType): void;
}

/**
 * A request of the holding unit to park the order (申请挂账) while it waits on someone outside:
 * why, until when, since when; the centre gets its approve and deny buttons right here.
 */
export function ParkRequestNotice({ order, onDecide }: ParkRequestNoticeProps) {
  const { t } = useI18n();
  const request = order.parkRequest;
  if (!request) return null;
  const allowed = order.allowedActions ?? [];
  return (
    <div className="park-request" data-testid="park-request">
      <strong>{t('parkRequest.title')}</strong>
      <span data-testid="park-request-reason">{request.reason}</span>
      <span data-testid="park-request-until">
        {t('timeline.until', { time: formatDateTime(request.until) })}
      </span>
      <span className="muted">{t('parkRequest.at', { time: formatDateTime(request.requestedAt) })}</span>
      {(allowed.includes('approvePark') || allowed.includes('denyPark')) && (
        <div className="action-buttons">
          {allowed.includes('approvePark') && (
            <button
              type="button"
              className="btn btn-primary"
              data-testid="park-approve"
              onClick={() => onDecide('approvePark')}
            >
              {t('action.approvePark')}
            </button>
          )}
          {allowed.includes('denyPark') && (
            <button
              type="button"
              className="btn"
              data-testid="park-deny"
              onClick={() => onDecide('denyPark')}
            >
              {t('action.denyPark')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
