import { useState } from 'react';
import type { Unit } from '../../api/types.ts';
import { useI18n } from '../../i18n/context.tsx';
import { useSignedIn } from '../../session/context.tsx';
import { KIND_ORDER } from './UnitSelect.tsx';
import { groupUnits, loadRecent } from './unitPickerModel.ts';

export interface UnitPickerProps {
  name: string;
  label: string;
  value: string;
  units: readonly Unit[];
  /** The choice with the value '' (e.g. the category's default unit); none means a unit must be chosen. */
  emptyLabel?: string;
  onChange(unitId: string): void;
}

/**
 * A searchable unit picker (name or code), the user's recent choices first, then the units grouped
 * by kind; every choice a full-width button a thumb can hit.
 */
export function UnitPicker({ name, label, value, units, emptyLabel, onChange }: UnitPickerProps) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const [query, setQuery] = useState('');
  const [recent] = useState(() => loadRecent(user.id));
  const groups = groupUnits(units, query, recent, KIND_ORDER);
  const chosen = units.find((u) => u.id === value);
  const option = (id: string, text: string, group: string) => (
    <button
      key={`${group}-${id}`}
      type="button"
      className="unit-option"
      data-testid="unit-option"
      data-unit-id={id}
      aria-pressed={id === value}
      onClick={() => onChange(id)}
    >
      {text}
    </button>
  );

  return (
    <fieldset className="unit-picker" data-testid="unit-picker">
      <legend>{label}</legend>
      <input type="hidden" name={name} value={value} />
      <output className="unit-picker-chosen" data-testid="unit-picker-chosen">
        {chosen?.name ?? emptyLabel ?? t('picker.choose')}
      </output>
      <input
        type="search"
        name={`${name}Search`}
        placeholder={t('picker.search')}
        aria-label={t('picker.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="unit-picker-list">
        {query.trim() === '' && emptyLabel !== undefined && option('', emptyLabel, 'default')}
        {groups.map((g) => (
          <section key={g.key} className="unit-group" data-testid="unit-group" data-group={g.key}>
            <h4>{g.key === 'recent' ? t('picker.recent') : t(`kind.${g.key}`)}</h4>
            {g.units.map((u) => option(u.id, u.name, g.key))}
          </section>
        ))}
        {groups.length === 0 && <p className="muted">{t('picker.none')}</p>}
      </div>
    </fieldset>
  );
}
