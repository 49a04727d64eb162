import { useState } from 'react';
import type { User } from '../../api/types.ts';
import type { UserPatch } from '../../api/users.ts';
import { useI18n } from '../../i18n/context.tsx';

export interface UserRowProps {
  user: User;
  unitName: string;
  canEdit: boolean;
  busy: boolean;
  now: number;
  onPatch(user: User, patch: UserPatch): Promise<boolean>;
}

/** One person: who, role, unit, status; for an admin, reset password, (de)activate, unlock. */
export function UserRow({ user, unitName, canEdit, busy, now, onPatch }: UserRowProps) {
  const { t } = useI18n();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const locked = user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
  const status = !user.active ? 'inactive' : locked ? 'locked' : 'active';

  return (
    <tr data-testid="user-row" data-username={user.username}>
      <td className="user-username">
        <code>{user.username}</code>
      </td>
      <td className="user-name-cell">{user.displayName}</td>
      <td className="user-role">{t(`role.${user.role}`)}</td>
      <td className="user-unit">{unitName}</td>
      <td className="user-phone">{user.phone ?? '—'}</td>
      <td className="user-status">
        <span className={`badge badge-user-${status}`}>{t(`users.${status}`)}</span>
      </td>
      {canEdit && (
        <td className="row-actions">
          {resetting ? (
            <form
              className="inline-form"
              onSubmit={async (event) => {
                event.preventDefault();
                if (await onPatch(user, { password })) {
                  setResetting(false);
                  setPassword('');
                }
              }}
            >
              <input
                type="password"
                aria-label={t('users.newPassword')}
                placeholder={t('users.newPassword')}
                value={password}
                minLength={8}
                required
                onChange={(e) => setPassword(e.target.value)}
              />
              <button type="submit" className="btn btn-small" disabled={busy}>
                {t('common.save')}
              </button>
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setResetting(false)}>
                {t('common.cancel')}
              </button>
            </form>
          ) : (
            <>
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setResetting(true)}>
                {t('users.resetPassword')}
              </button>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                disabled={busy}
                onClick={() => onPatch(user, { active: !user.active })}
              >
                {t(user.active ? 'users.deactivate' : 'users.activate')}
              </button>
              {locked && (
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  disabled={busy}
                  onClick={() => onPatch(user, { unlock: true })}
                >
                  {t('users.unlock')}
                </button>
              )}
            </>
          )}
        </td>
      )}
    </tr>
  );
}
