import { useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useI18n } from '../i18n/context.tsx';
import { useSession } from '../session/context.tsx';

/** The login form; a refusal shows the server's message (wrong password, throttled, locked). */
export function LoginPage() {
  const { t } = useI18n();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  return (
    <div className="login-screen">
      <form
        className="login-card"
        data-testid="login-form"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          try {
            await login(username.trim(), password);
          } catch (e) {
            setError(e);
            setBusy(false);
          }
        }}
      >
        <div className="login-brand">
          <span className="brand-mark">{t('app.name')}</span>
          <span className="brand-sub">{t('app.subtitle')}</span>
        </div>
        <h1>{t('login.title')}</h1>
        <label>
          {t('login.username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <ErrorNotice error={error} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
        <LanguageSwitch />
      </form>
    </div>
  );
}
