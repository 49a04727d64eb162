import { useCallback, useMemo } from 'react';
import type { User } from '../api/types.ts';
import { fetchUnits } from '../api/units.ts';
import { createUser, fetchUsers, type NewUser, patchUser, type UserPatch } from '../api/users.ts';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice.tsx';
import { useAction } from '../hooks/useAction.ts';
import { useAsync } from '../hooks/useAsync.ts';
import { useI18n } from '../i18n/context.tsx';
import { useSignedIn } from '../session/context.tsx';
import { UserCreateForm } from './users/UserCreateForm.tsx';
import { UserRow } from './users/UserRow.tsx';

/** People in the user's scope; an admin creates accounts, resets passwords, deactivates and unlocks. */
export function UsersPage() {
  const { t } = useI18n();
  const { user: me } = useSignedIn();
  const canEdit = me.role === 'admin';
  const users = useAsync(useCallback((signal: AbortSignal) => fetchUsers(signal), []));
  const units = useAsync(useCallback((signal: AbortSignal) => fetchUnits(signal, false), []));
  const action = useAction();
  const unitNames = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const list = users.data ?? [];

  const after = (ok: boolean) => {
    if (ok) users.reload();
    return ok;
  };
  const create = (input: NewUser) =>
    action
      .run(
        () => createUser(input),
        (u) => t('users.created', { username: u.username }),
      )
      .then(after);
  const patch = (user: User, change: UserPatch) =>
    action
      .run(
        () => patchUser(user.id, change),
        (u) => t('users.updated', { username: u.username }),
      )
      .then(after);

  return (
    <div className="page page-users">
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        <span className="muted" data-testid="user-count">
          {t('users.count', { count: list.length })}
        </span>
      </div>
      <ErrorNotice error={users.error ?? action.error} />
      <SuccessNotice text={action.done} />
      <div className="users-layout">
        <table className="table card user-table" data-testid="user-table">
          <thead>
            <tr>
              <th>{t('users.username')}</th>
              <th>{t('users.displayName')}</th>
              <th>{t('users.role')}</th>
              <th>{t('users.unit')}</th>
              <th>{t('users.phone')}</th>
              <th>{t('users.status')}</th>
              {canEdit && <th>{t('users.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {list.map((u) => (
              <UserRow
                key={u.id}
                user={u}
                unitName={unitNames.get(u.unitId) ?? '—'}
                canEdit={canEdit}
                busy={action.busy}
                now={Date.now()}
                onPatch={patch}
              />
            ))}
          </tbody>
        </table>
        {canEdit && <UserCreateForm units={units.data ?? []} busy={action.busy} onCreate={create} />}
      </div>
    </div>
  );
}
