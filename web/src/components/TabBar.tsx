import { useState } from 'react';
import type { Session } from '../api/types.ts';
import { useI18n } from '../i18n/context.tsx';
import type { PageDef, PageId } from '../pages/registry.ts';

export interface TabBarProps {
  session: Session;
  pages: readonly PageDef[];
  current: PageId | undefined;
  onLogout(): void;
}

/**
 * The phone's navigation at the bottom of the screen, in thumb reach: the pages the role may open
 * (labels from the registry) and "me" with who is signed in and logout. Desks use the header's
 * nav instead; the stylesheet shows one or the other.
 */
export function TabBar({ session, pages, current, onLogout }: TabBarProps) {
  const { t } = useI18n();
  const [accountOpen, setAccountOpen] = useState(false);
  const { user, unit } = session;
  return (
    <nav className="tab-bar" aria-label="tabs" data-testid="tab-bar">
      {pages.map((page) => (
        <a
          key={page.id}
          href={`#/${page.id}`}
          className={page.id === current ? 'tab active' : 'tab'}
          aria-current={page.id === current ? 'page' : undefined}
          data-testid={`tab-${page.id}`}
          data-page={page.id}
          onClick={() => setAccountOpen(false)}
        >
          {t(page.label)}
        </a>
      ))}
      <button
        type="button"
        className={accountOpen ? 'tab active' : 'tab'}
        aria-expanded={accountOpen}
        data-testid="tab-account"
        onClick={() => setAccountOpen(!accountOpen)}
      >
        {t('header.account')}
      </button>
      {accountOpen && (
        <div className="account-sheet card" data-testid="account-sheet">
          <span className="user-name">{user.displayName}</span>
          <span className="user-meta" data-testid="account-user">
            {t(`role.${user.role}`)} · {unit.name}
          </span>
          <button type="button" className="btn btn-block" onClick={onLogout} data-testid="account-logout">
            {t('header.logout')}
          </button>
        </div>
      )}
    </nav>
  );
}
