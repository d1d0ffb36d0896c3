/** Entry point of the staff web app. */
import { render } from 'solid-js/web';
import { z } from 'zod';
import { App } from './App';
import { i18nReady, locale } from './i18n/i18n';
import './styles.css';
import { installSocialCreditCodeRenderer } from './forms/plugins/social-credit-code';

// Validation messages of the shared forms core are Chinese; zod's own fallbacks follow.
z.config(z.locales.zhCN());
document.documentElement.lang = locale() === 'zh' ? 'zh-CN' : 'en';
// Field-type plugins, the same ones the server installs (server/form-plugins.ts).
installSocialCreditCodeRenderer();

const root = document.getElementById('app');
if (!root) throw new Error('#app is missing from index.html');
void i18nReady.then(() => render(() => <App />, root));
