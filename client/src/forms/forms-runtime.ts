/**
 * What the client's forms need before any of them validates or renders: zod's own messages in
 * Chinese (the shared forms core writes its messages in Chinese already) and the field-type
 * plugins, the same ones the server installs (server/form-plugins.ts). App.tsx loads this with
 * the first page outside the first bundle, before that page renders: sign-in and the inbox
 * show no form, so the first download carries no zod.
 */
import { z } from 'zod';
import { installSocialCreditCodeRenderer } from './plugins/social-credit-code';

z.config(z.locales.zhCN());
installSocialCreditCodeRenderer();
