/** Entry point of the staff web app. */
import { render } from 'solid-js/web';
import { App } from './App';
import { i18nReady, locale } from './i18n/i18n';
import './styles.css';

// zod's Chinese messages and the field-type plugins are not set up here: they come with the
// first page that is not in the first bundle (App.tsx), so sign-in and the inbox load no zod.
document.documentElement.lang = locale() === 'zh' ? 'zh-CN' : 'en';

const root = document.getElementById('app');
if (!root) throw new Error('#app is missing from index.html');
void i18nReady.then(() => render(() => <App />, root));
