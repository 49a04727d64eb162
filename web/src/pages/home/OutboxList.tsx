import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/context.tsx';
import { type OutboxItem, onOutboxChanged, pending } from '../../offline/outbox.ts';
import { useSignedIn } from '../../session/context.tsx';
import { formatDateTime } from '../../time.ts';

/** 待发送: reports and feedback kept on the phone until the connection returns; hidden when empty. */
export function OutboxList() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const [items, setItems] = useState<OutboxItem[]>([]);
  const load = useCallback(() => {
    pending(user.id).then(setItems, () => setItems([]));
  }, [user.id]);
  useEffect(() => {
    load();
    return onOutboxChanged(load);
  }, [load]);
  if (items.length === 0) return null;
  return (
    <section className="card home-section" data-testid="outbox">
      <h2>{t('home.outbox')}</h2>
      <p className="muted">{t('home.outboxHint')}</p>
      <ul className="home-notices">
        {items.map((i) => (
          <li key={i.id} className="outbox-item" data-testid="outbox-item" data-kind={i.kind}>
            <strong>{i.label}</strong> · {formatDateTime(i.madeAt)} ·{' '}
            <span data-testid="outbox-state">{i.error ?? t('home.waiting')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
