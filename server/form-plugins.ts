/**
 * The form field-type plugins this server installs into the forms core's registry, before any
 * form definition is validated or compiled. The client installs the same types (with their
 * renderers) in client/src/main.tsx. See docs/plugins.md ("Form field types").
 */
import { installSocialCreditCodeField } from '../forms/plugins/social-credit-code';

export function installFormPlugins(): void {
  installSocialCreditCodeField();
}
