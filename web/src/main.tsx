import './styles/base.css';
import './styles/pages.css';
import './styles/map.css';
import './styles/orders.css';
import './styles/progress.css';
import './styles/metrics.css';
import './styles/tasks.css';
import './styles/reports.css';
import './styles/fleet-board.css';
import './styles/dashboard.css';
import './styles/alerts.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { I18nProvider } from './i18n/context.tsx';
import { registerServiceWorker } from './offline/registerServiceWorker.ts';
import { SessionProvider } from './session/context.tsx';

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
