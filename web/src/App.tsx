import { Suspense } from 'react';
import type { Session } from './api/types.ts';
import { Header } from './components/Header.tsx';
import { TabBar } from './components/TabBar.tsx';
import { useI18n } from './i18n/context.tsx';
import { LiveProvider } from './live/LiveProvider.tsx';
import { OutboxSender } from './offline/OutboxSender.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { firstPage, mayOpen, pagesFor } from './pages/registry.ts';
import { useHashRoute } from './routing.ts';
import { useSession } from './session/context.tsx';

/** Phone-first layout switches at 1024 px, as the CSS does. */
function isPhone(): boolean {
  return !window.matchMedia('(min-width: 1024px)').matches;
}

function Console({ session, onLogout }: { session: Session; onLogout(): void }) {
  const { t } = useI18n();
  const [route] = useHashRoute();
  const pages = pagesFor(session.user.role);
  const page = pages.find((p) => p.id === route) ?? firstPage(pages, isPhone());
  const Page = page?.component ?? null;
  return (
    <LiveProvider enabled={mayOpen(session.user.role, 'map')}>
      <OutboxSender userId={session.user.id} />
      <div className="app-shell">
        <Header session={session} pages={pages} current={page?.id} onLogout={onLogout} />
        <main className="app-main" data-page={page?.id}>
          <Suspense fallback={<p className="page">{t('app.loading')}</p>}>
            {Page ? <Page /> : <p className="page">{t('app.noPages')}</p>}
          </Suspense>
        </main>
        <TabBar session={session} pages={pages} current={page?.id} onLogout={onLogout} />
      </div>
    </LiveProvider>
  );
}

/** Login, or the console with the pages the signed-in role may use. */
export function App() {
  const { state, logout } = useSession();
  const { t } = useI18n();
  if (state.status === 'loading') return <p className="splash">{t('app.loading')}</p>;
  if (state.status === 'anonymous') return <LoginPage />;
  // Keyed by user: logging in as someone else starts every page afresh.
  return <Console key={state.session.user.id} session={state.session} onLogout={() => void logout()} />;
}
