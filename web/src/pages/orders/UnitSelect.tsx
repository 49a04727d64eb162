import type { Unit, UnitKind } from '../../api/types.ts';
import { useI18n } from '../../i18n/context.tsx';

/** Kinds in the order a dispatcher looks for them: departments and contractors first. */
export const KIND_ORDER: readonly UnitKind[] = [
  'department',
  'contractor',
  'community',
  'workstation',
  'grid',
  'gridArea',
  'subdistrict',
];

export interface UnitSelectProps {
  name: string;
  label: string;
  value: string;
  units: readonly Unit[];
  /** The first option, with the value ''; none means a unit must be chosen. */
  emptyLabel?: string;
  onChange(unitId: string): void;
}

/** A unit picker grouped by kind (职能部门, 承包单位, 社区…). */
export function UnitSelect({ name, label, value, units, emptyLabel, onChange }: UnitSelectProps) {
  const { t } = useI18n();
  const groups = KIND_ORDER.map((kind) => ({ kind, units: units.filter((u) => u.kind === kind) })).filter(
    (g) => g.units.length > 0,
  );
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)} required={!emptyLabel}>
        <option value="">{emptyLabel ?? '—'}</option>
        {groups.map((g) => (
          <optgroup key={g.kind} label={t(`kind.${g.kind}`)}>
            {g.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
