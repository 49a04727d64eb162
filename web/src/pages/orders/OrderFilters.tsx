import { useEffect, useState } from 'react';
import type { Category } from '../../api/categories.ts';
import {
  ORDER_SOURCES,
  ORDER_STATUSES,
  type OrderFilter,
  type OrderSource,
  type OrderStatus,
  TRAFFIC_LIGHTS,
  type TrafficLight,
} from '../../api/orders.ts';
import { useI18n } from '../../i18n/context.tsx';

export interface OrderFiltersProps {
  filter: OrderFilter;
  categories: readonly Category[];
  onChange(filter: OrderFilter): void;
}

/**
 * The list's filters: status, time light, category, source and free text (applied after a short
 * pause). On a phone the four lists fold behind a button, leaving the search and the orders.
 */
export function OrderFilters({ filter, categories, onChange }: OrderFiltersProps) {
  const { t } = useI18n();
  const [text, setText] = useState(filter.q ?? '');
  const [unfolded, setUnfolded] = useState(false);
  const chosen = Object.keys(filter).filter((key) => key !== 'q').length;
  const set = <K extends keyof OrderFilter>(key: K, value: OrderFilter[K] | '') => {
    const next = { ...filter };
    if (value === '' || value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };

  // Typing in the search box asks the server once the user pauses, not on every key.
  useEffect(() => {
    const q = text.trim();
    if (q === (filter.q ?? '')) return;
    const timer = setTimeout(() => set('q', q), 300);
    return () => clearTimeout(timer);
  });

  return (
    <div className="order-filters" data-testid="order-filters" data-unfolded={unfolded}>
      <button
        type="button"
        className="btn btn-ghost filters-toggle"
        data-testid="filters-toggle"
        aria-expanded={unfolded}
        onClick={() => setUnfolded(!unfolded)}
      >
        {t('orders.filter.more')}
        {chosen > 0 && ` · ${chosen}`}
      </button>
      <label>
        {t('orders.filter.status')}
        <select
          name="status"
          value={filter.status ?? ''}
          onChange={(e) => set('status', e.target.value as OrderStatus | '')}
        >
          <option value="">{t('orders.all')}</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('orders.filter.light')}
        <select
          name="light"
          value={filter.light ?? ''}
          onChange={(e) => set('light', e.target.value as TrafficLight | '')}
        >
          <option value="">{t('orders.all')}</option>
          {TRAFFIC_LIGHTS.map((l) => (
            <option key={l} value={l}>
              {t(`light.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('orders.filter.category')}
        <select
          name="categoryId"
          value={filter.categoryId ?? ''}
          onChange={(e) => set('categoryId', e.target.value)}
        >
          <option value="">{t('orders.all')}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.majorName} · {c.minorName}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('orders.filter.source')}
        <select
          name="source"
          value={filter.source ?? ''}
          onChange={(e) => set('source', e.target.value as OrderSource | '')}
        >
          <option value="">{t('orders.all')}</option>
          {ORDER_SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`source.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="order-search">
        {t('orders.filter.q')}
        <input
          name="q"
          type="search"
          value={text}
          maxLength={100}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      {Object.keys(filter).length > 0 && (
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={() => {
            setText('');
            onChange({});
          }}
        >
          {t('orders.filter.reset')}
        </button>
      )}
    </div>
  );
}
