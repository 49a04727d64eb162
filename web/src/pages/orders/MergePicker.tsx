import { useCallback } from 'react';
import { fetchDuplicates } from '../../api/orders.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/context.tsx';

export interface MergePickerProps {
  orderId: string;
  value: string;
  onChange(intoOrderId: string): void;
}

/** Picks the order a duplicate is merged into, among the open orders of its category nearby. */
export function MergePicker({ orderId, value, onChange }: MergePickerProps) {
  const { t } = useI18n();
  const candidates = useAsync(
    useCallback((signal: AbortSignal) => fetchDuplicates(orderId, signal), [orderId]),
  );
  const list = candidates.data ?? [];
  if (candidates.error) return <ErrorNotice error={candidates.error} />;
  if (candidates.data && list.length === 0) return <p className="muted">{t('form.noDuplicates')}</p>;
  return (
    <label>
      {t('form.mergeInto')}
      <select name="intoOrderId" value={value} required onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        {list.map((d) => (
          <option key={d.id} value={d.id}>
            {d.code} · {t(`status.${d.status}`)} · {t('report.distance', { m: d.distanceM })}
          </option>
        ))}
      </select>
    </label>
  );
}
