import { useMemo, useState } from 'react';
import type { Category } from '../../api/categories.ts';
import { useI18n } from '../../i18n/context.tsx';
import { COMMON_CATEGORIES, searchCategories } from './reportTemplates.ts';

export interface CategoryPickerProps {
  categories: readonly Category[];
  value: string;
  onChange(id: string): void;
}

/** 问题类别: a search box over the dictionary, the common ones first, then the rest by class. */
export function CategoryPicker({ categories, value, onChange }: CategoryPickerProps) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const found = useMemo(() => searchCategories(categories, query), [categories, query]);
  const common = found.filter((c) => COMMON_CATEGORIES.includes(c.code));
  const groups = new Map<string, Category[]>();
  for (const c of found) {
    if (COMMON_CATEGORIES.includes(c.code)) continue;
    const key = `${t(`categoryType.${c.type}`)} · ${c.majorName}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const option = (c: Category) => (
    <option key={c.id} value={c.id}>
      {c.minorName}
    </option>
  );
  return (
    <fieldset className="category-picker">
      <label>
        {t('report.category')}
        <input
          type="search"
          name="categorySearch"
          placeholder={t('report.searchCategory')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            const first = searchCategories(categories, e.target.value)[0];
            if (first && e.target.value.trim()) onChange(first.id);
          }}
        />
      </label>
      <select
        name="categoryId"
        aria-label={t('report.category')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
      >
        <option value="">{t('report.pickCategory')}</option>
        {common.length > 0 && <optgroup label={t('report.commonCategories')}>{common.map(option)}</optgroup>}
        {[...groups].map(([group, list]) => (
          <optgroup key={group} label={group}>
            {list.map(option)}
          </optgroup>
        ))}
      </select>
    </fieldset>
  );
}
