/**
 * `form export KEY`, `form validate FILE`, `form import FILE`: drafting-form definitions as
 * JSON files, like `workflow …`. Import goes through the same service as the form builder,
 * so a form that drops a field the workflow depends on is refused here too.
 */
import { formIssuesMessage, publishForm, validateForm } from '../services/form-admin-service';
import { currentForm } from '../services/form-definitions';
import { definitionCommand } from './definition-command';
import type { ServiceContext } from '../services/service-context';

/** Runs one form subcommand; returns the exit code (1 when a definition has issues). */
export function formCommand(services: ServiceContext, args: string[], print: (line: string) => void = console.log): Promise<number> {
  return definitionCommand(
    {
      noun: '表单',
      usage: '用法：form export <表单标识> | form validate <文件.json> | form import <文件.json>',
      latest: (s, key) => currentForm(s.database.db, key),
      validate: (_s, definition) => validateForm(definition),
      issuesMessage: formIssuesMessage,
      publish: (s, definition, notes) => publishForm(s, null, { definition, notes }),
    },
    services,
    args,
    print,
  );
}
