import './styles/base.css';
import './styles/pages.css';
import './styles/map.css';
import './styles/orders.css';
import './styles/progress.css';
import './styles/fleet-board.css';
import './styles/dashboard.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { I18nProvider } from './i18n/context.tsx';
import { registerServiceWorker } from './offline/registerServiceWorker.ts';
import { preloadPhoneHome } from './pages/registry.ts';
import { SessionProvider } from './session/context.tsx';

// A phone opens a field role's home first (App.tsx): fetch it while the session is checked.
if (!window.matchMedia('(min-width: 1024px)').matches) preloadPhoneHome();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
registerServiceWorker();
