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

/** Tabs in the bar itself; with more pages than that, the rest open from "more". */
const BAR_TABS = 4;

/** Which pages a phone puts in thumb reach first: the field's own pages, then orders, then the map. */
const PHONE_FIRST: readonly PageId[] = [
  'home',
  'crew',
  'orders',
  'map',
  'fleet',
  'dashboard',
  'progress',
  'tasks',
];

const rank = (id: PageId) => {
  const i = PHONE_FIRST.indexOf(id);
  return i < 0 ? PHONE_FIRST.length : i;
};

/**
 * The bar's tabs and the pages under "more": the role's landing page (the first of its pages),
 * then the next three by PHONE_FIRST; the page open now is always among the tabs (it takes the
 * fourth place) so the bar shows where the user is.
 */
export function splitTabs(pages: readonly PageDef[], current: PageId | undefined): [PageDef[], PageDef[]] {
  if (pages.length <= BAR_TABS + 1) return [[...pages], []];
  const [landing, ...others] = pages;
  const byRank = [...(landing ? [landing] : []), ...others.sort((a, b) => rank(a.id) - rank(b.id))];
  const bar = byRank.slice(0, BAR_TABS);
  const open = pages.find((p) => p.id === current);
  if (open && !bar.includes(open)) bar[BAR_TABS - 1] = open;
  return [bar, pages.filter((p) => !bar.includes(p))];
}

/**
 * The phone's navigation at the bottom of the screen, in thumb reach: one row of the role's pages
 * (labels from the registry) and "me" with who is signed in and logout — or, for a role with more
 * pages than fit a row, "more" with the other pages above it. Desks use the header's nav instead;
 * the stylesheet shows one or the other.
 */
export function TabBar({ session, pages, current, onLogout }: TabBarProps) {
  const { t } = useI18n();
  const [sheetOpen, setSheetOpen] = useState(false);
  const { user, unit } = session;
  const [bar, more] = splitTabs(pages, current);
  const link = (page: PageDef, className: string) => (
    <a
      key={page.id}
      href={`#/${page.id}`}
      className={page.id === current ? `${className} active` : className}
      aria-current={page.id === current ? 'page' : undefined}
      data-testid={`tab-${page.id}`}
      data-page={page.id}
      onClick={() => setSheetOpen(false)}
    >
      {t(page.label)}
    </a>
  );
  return (
    <nav className="tab-bar" aria-label="tabs" data-testid="tab-bar">
      {bar.map((page) => link(page, 'tab'))}
      <button
        type="button"
        className={sheetOpen ? 'tab active' : 'tab'}
        aria-expanded={sheetOpen}
        data-testid="tab-account"
        onClick={() => setSheetOpen(!sheetOpen)}
      >
        {t(more.length > 0 ? 'header.more' : 'header.account')}
      </button>
      {/* Always in the page, hidden while closed, so every page keeps its link (and its test id). */}
      <div className="account-sheet card" data-testid="account-sheet" hidden={!sheetOpen}>
        {more.length > 0 && <div className="sheet-pages">{more.map((page) => link(page, 'sheet-page'))}</div>}
        <span className="user-name">{user.displayName}</span>
        <span className="user-meta" data-testid="account-user">
          {t(`role.${user.role}`)} · {unit.name}
        </span>
        <button type="button" className="btn btn-block" onClick={onLogout} data-testid="account-logout">
          {t('header.logout')}
        </button>
      </div>
    </nav>
  );
}
