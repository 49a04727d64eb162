import { useI18n } from '../i18n/context.tsx';

/** Flips the console between 中文 and English (remembered in this browser). */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <button
      type="button"
      className="btn btn-ghost"
      data-testid="switch-language"
      onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {t('header.switchLanguage')}
    </button>
  );
}
