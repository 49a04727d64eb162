import { useState } from 'react';
import { PARENT_KIND, UNIT_KINDS, type Unit, type UnitKind } from '../../api/types.ts';
import type { NewUnit } from '../../api/units.ts';
import { useI18n } from '../../i18n/context.tsx';

export interface UnitCreateFormProps {
  units: readonly Unit[];
  busy: boolean;
  onCreate(input: NewUnit): Promise<boolean>;
}

/** Admin form for a new unit: the parent list offers only units of the kind the new one may sit under. */
export function UnitCreateForm({ units, busy, onCreate }: UnitCreateFormProps) {
  const { t } = useI18n();
  const [kind, setKind] = useState<UnitKind>('community');
  const [parentId, setParentId] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const parentKind = PARENT_KIND[kind];
  const parents = units.filter((u) => u.kind === parentKind);
  const parent = parents.find((u) => u.id === parentId) ?? parents[0];

  return (
    <form
      className="card form-grid"
      data-testid="unit-create-form"
      onSubmit={async (event) => {
        event.preventDefault();
        const ok = await onCreate({ kind, parentId: parentKind ? (parent?.id ?? null) : null, code, name });
        if (ok) {
          setCode('');
          setName('');
        }
      }}
    >
      <h3>{t('org.create')}</h3>
      <label>
        {t('org.kind')}
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as UnitKind)}>
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('org.parent')}
        <select
          name="parentId"
          value={parent?.id ?? ''}
          disabled={!parentKind}
          onChange={(e) => setParentId(e.target.value)}
        >
          {!parentKind && <option value="">{t('org.noParent')}</option>}
          {parents.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('org.code')}
        <input name="code" value={code} onChange={(e) => setCode(e.target.value)} required maxLength={40} />
      </label>
      <label>
        {t('org.name')}
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('org.create')}
      </button>
    </form>
  );
}
