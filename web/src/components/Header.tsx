import type { Session } from '../api/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { mayOpen, type PageDef, type PageId } from '../pages/registry.ts';
import { AlertPanel } from './AlertPanel.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NotificationBell } from './NotificationBell.tsx';

export interface HeaderProps {
  session: Session;
  pages: readonly PageDef[];
  current: PageId | undefined;
  onLogout(): void;
}

/**
 * The top bar: brand, the pages the role may open, who is signed in, notifications, language and
 * logout. On a phone it keeps the brand, notifications and language; the tab bar has the rest.
 */
export function Header({ session, pages, current, onLogout }: HeaderProps) {
  const { t } = useI18n();
  const { user, unit } = session;
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark">{t('app.name')}</span>
        <span className="brand-sub">{t('app.subtitle')}</span>
      </div>
      <nav className="app-nav" aria-label="main">
        {pages.map((page) => (
          <a
            key={page.id}
            href={`#/${page.id}`}
            className={page.id === current ? 'active' : undefined}
            aria-current={page.id === current ? 'page' : undefined}
            data-testid={`nav-${page.id}`}
          >
            {t(page.label)}
          </a>
        ))}
      </nav>
      <div className="header-user" data-testid="current-user">
        <span className="user-name">{user.displayName}</span>
        <span className="user-meta">
          {t(`role.${user.role}`)} · {unit.name}
        </span>
      </div>
      {mayOpen(user.role, 'map') && <AlertPanel />}
      <NotificationBell />
      <LanguageSwitch />
      <button type="button" className="btn btn-ghost header-logout" onClick={onLogout} data-testid="logout">
        {t('header.logout')}
      </button>
    </header>
  );
}
