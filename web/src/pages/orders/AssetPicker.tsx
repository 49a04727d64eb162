import { useCallback } from 'react';
import { fetchBoats } from '../../api/tracks.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/context.tsx';

export interface AssetPickerProps {
  /** The unit whose boats may be sent (the order's holder, or the dispatch's lead unit). */
  unitId: string | null;
  value: readonly string[];
  onChange(assetIds: string[]): void;
}

/** Tick the boats sent (事中): the boats of the unit the order goes to, as far as the user may see them. */
export function AssetPicker({ unitId, value, onChange }: AssetPickerProps) {
  const { t } = useI18n();
  const boats = useAsync(useCallback((signal: AbortSignal) => fetchBoats(signal), []));
  const own = (boats.data ?? []).filter((b) => b.unitId === unitId || value.includes(b.id));
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...value.filter((v) => v !== id), id] : value.filter((v) => v !== id));
  return (
    <fieldset className="asset-picker" data-testid="asset-picker">
      <legend>{t('assign.label')}</legend>
      {!boats.loading && own.length === 0 && <span className="muted">{t('assign.none')}</span>}
      {own.map((b) => (
        <label key={b.id} className="asset-choice">
          <input
            type="checkbox"
            name="assetIds"
            value={b.id}
            checked={value.includes(b.id)}
            onChange={(e) => toggle(b.id, e.target.checked)}
          />
          {b.name} <span className="muted">{b.code}</span>
        </label>
      ))}
    </fieldset>
  );
}
