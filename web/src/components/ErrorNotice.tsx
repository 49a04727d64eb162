import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/context.tsx';
import { errorTitle } from '../i18n/errors.ts';

/** The code and message of anything thrown: the server's as they came, or a network failure. */
function describe(error: unknown): { code: string; message: string } {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (error instanceof TypeError) return { code: 'NETWORK', message: error.message };
  return { code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Shows an API error as the server sent it, under its translation by code where the console has
 * one ("用户名或密码错误" above "Wrong username or password").
 */
export function ErrorNotice({ error }: { error: unknown }) {
  const { lang, t } = useI18n();
  if (error === null || error === undefined) return null;
  const { code, message } = describe(error);
  const title = errorTitle(code, lang);
  return (
    <div className="notice notice-error" role="alert" data-code={code}>
      {title && <strong className="notice-title">{title}</strong>}
      <span className="notice-message" data-testid="server-message">
        {message}
      </span>
      <small className="notice-code">
        {t('common.errorCode')} {code}
      </small>
    </div>
  );
}

/** A short confirmation after a change succeeded. */
export function SuccessNotice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div className="notice notice-ok" role="status">
      {text}
    </div>
  );
}
