import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { type ActionBody, type ActionType, actOnOrder, type Order } from '../../api/orders.ts';
import { ErrorNotice, SuccessNotice } from '../../components/ErrorNotice.tsx';
import { useAction } from '../../hooks/useAction.ts';
import { useI18n } from '../../i18n/context.tsx';
import { errorTitle } from '../../i18n/errors.ts';
import { enqueue, isOffline, outboxId } from '../../offline/outbox.ts';
import { useSignedIn } from '../../session/context.tsx';
import { formatDateTime } from '../../time.ts';
import { ActionForm } from './ActionForm.tsx';
import { PRIMARY_ACTIONS } from './actionFormModel.ts';
import { ConsultationList } from './ConsultationList.tsx';
import { ParkRequestNotice } from './ParkRequestNotice.tsx';

export interface ActionBarProps {
  order: Order;
  /** An action went through: reload the order, its timeline and the list. */
  onActed(): void;
}

/**
 * The actions the API allows this user on the order now, each opening its form. A 409 (someone
 * else acted first, or the state moved on) is shown with the server's message and the order is
 * reloaded, so the buttons match its new state.
 */
export function ActionBar({ order, onActed }: ActionBarProps) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState<ActionType | null>(null);
  const action = useAction();
  const allowed = order.allowedActions ?? [];
  const current = open !== null && allowed.includes(open) ? open : null;

  const { user } = useSignedIn();
  // No signal on site: the feedback waits on the phone, its note saying when it was made.
  const keep = async (type: ActionType, body: ActionBody) => {
    const madeAt = new Date().toISOString();
    const note = [body.note, t('order.madeOffline', { time: formatDateTime(madeAt) })]
      .filter(Boolean)
      .join('\n');
    await enqueue({
      id: outboxId(),
      kind: 'action',
      userId: user.id,
      madeAt,
      label: `${order.code} · ${t(`action.${type}`)}`,
      orderId: order.id,
      action: type,
      body: { ...body, note },
    });
    return t('order.queued', { action: t(`action.${type}`) });
  };
  const submit = (type: ActionType, body: ActionBody) =>
    action.run(
      () =>
        navigator.onLine
          ? actOnOrder(order.id, type, body).then(
              () => t('order.done', { action: t(`action.${type}`) }),
              (error: unknown) => {
                if (isOffline(error)) return keep(type, body);
                if (error instanceof ApiError && error.status === 409) onActed();
                throw error;
              },
            )
          : keep(type, body),
      (text) => text,
    );

  return (
    <section className="detail-section action-bar" data-testid="action-bar">
      <h3>{t('order.actions')}</h3>
      <ErrorNotice error={action.error} />
      <SuccessNotice text={action.done} />
      <ParkRequestNotice
        order={order}
        onDecide={(type) => {
          action.clear();
          setOpen(type);
        }}
      />
      {allowed.length === 0 ? (
        <p className="muted" data-testid="no-actions">
          {t('order.noActions')}
        </p>
      ) : (
        <div className="action-buttons">
          {allowed.map((type) => (
            <button
              key={type}
              type="button"
              className={`btn ${PRIMARY_ACTIONS.has(type) ? 'btn-primary' : ''} ${type === current ? 'active' : ''}`}
              data-testid={`action-${type}`}
              aria-pressed={type === current}
              disabled={action.busy}
              onClick={() => {
                action.clear();
                setOpen(type === current ? null : type);
              }}
            >
              {t(`action.${type}`)}
            </button>
          ))}
        </div>
      )}
      {(order.blockedActions ?? []).map((b) => (
        <p key={b.action} className="muted" data-testid={`blocked-${b.action}`}>
          {t(`action.${b.action}`)}: {errorTitle(b.code, lang) ?? b.message}
        </p>
      ))}
      <div
        className={current === 'dispatch' && order.consultations.length > 0 ? 'action-with-aside' : undefined}
      >
        {current && (
          <ActionForm
            key={current}
            action={current}
            order={order}
            busy={action.busy}
            onCancel={() => setOpen(null)}
            onSubmit={async (body) => {
              const ok = await submit(current, body);
              if (ok) {
                setOpen(null);
                onActed();
              }
              return ok;
            }}
          />
        )}
        <ConsultationList order={order} />
      </div>
    </section>
  );
}
