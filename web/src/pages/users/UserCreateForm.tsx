import { useState } from 'react';
import { ROLES, type Role, type Unit } from '../../api/types.ts';
import type { NewUser } from '../../api/users.ts';
import { useI18n } from '../../i18n/context.tsx';

export interface UserCreateFormProps {
  units: readonly Unit[];
  busy: boolean;
  onCreate(input: NewUser): Promise<boolean>;
}

/** Admin form for a new account. */
export function UserCreateForm({ units, busy, onCreate }: UserCreateFormProps) {
  const { t } = useI18n();
  const [form, setForm] = useState({ username: '', displayName: '', password: '', phone: '' });
  const [role, setRole] = useState<Role>('gridWorker');
  const [unitId, setUnitId] = useState('');
  const unit = units.find((u) => u.id === unitId) ?? units[0];
  const field = (key: keyof typeof form) => ({
    name: key,
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });

  return (
    <form
      className="card form-grid"
      data-testid="user-create-form"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!unit) return;
        const { phone, ...rest } = form;
        const ok = await onCreate({ ...rest, role, unitId: unit.id, ...(phone && { phone }) });
        if (ok) setForm({ username: '', displayName: '', password: '', phone: '' });
      }}
    >
      <h3>{t('users.create')}</h3>
      <label>
        {t('users.username')}
        <input {...field('username')} required minLength={2} maxLength={64} autoComplete="off" />
      </label>
      <label>
        {t('users.displayName')}
        <input {...field('displayName')} required maxLength={100} />
      </label>
      <label>
        {t('users.password')}
        <input {...field('password')} type="password" required minLength={8} autoComplete="new-password" />
      </label>
      <label>
        {t('users.role')}
        <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('users.unit')}
        <select name="unitId" value={unit?.id ?? ''} onChange={(e) => setUnitId(e.target.value)}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {t(`kind.${u.kind}`)} · {u.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('users.phone')}
        <input {...field('phone')} maxLength={30} />
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy || !unit}>
        {t('users.create')}
      </button>
    </form>
  );
}
