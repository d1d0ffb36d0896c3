/**
 * The workflow plugins this server installs into the default registry, before any definition
 * is validated or compiled. A plugin adds guard and action names (workflows/registry.ts);
 * definitions then name them, and the validator refuses a definition naming one not installed.
 * See docs/plugins.md.
 */
import { installSensitiveWords } from '../workflows/plugins/sensitive-words';
import type { ServerConfig } from './config';

export function installWorkflowPlugins(config: ServerConfig): void {
  installSensitiveWords(config.sensitiveWords);
}
