import { locale, setLocale, t } from '../i18n/i18n';

export function LanguageToggle() {
  return (
    <button
      type="button"
      class="link-button lang-toggle"
      title={t('lang.switch')}
      lang={locale() === 'zh' ? 'en' : 'zh-CN'}
      onClick={() => setLocale(locale() === 'zh' ? 'en' : 'zh')}
    >
      {t('lang.other')}
    </button>
  );
}
