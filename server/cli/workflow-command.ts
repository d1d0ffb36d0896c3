/**
 * `workflow export NAME`, `workflow validate FILE`, `workflow import FILE`: workflow
 * definitions as JSON files, for review in version control and for moving them between
 * installations. Import goes through the same service as the admin page, so an invalid
 * definition is refused here too.
 */
import { issuesMessage, publishWorkflow, validateWorkflow } from '../services/workflow-admin-service';
import { currentStoredDefinition } from '../services/workflow-definitions';
import { definitionCommand } from './definition-command';
import type { ServiceContext } from '../services/service-context';

/** Runs one workflow subcommand; returns the exit code (1 when a definition has issues). */
export function workflowCommand(services: ServiceContext, args: string[], print: (line: string) => void = console.log): Promise<number> {
  return definitionCommand(
    {
      noun: '流程',
      usage: '用法：workflow export <流程标识> | workflow validate <文件.json> | workflow import <文件.json>',
      latest: (s, key) => currentStoredDefinition(s.database.db, key),
      validate: (s, definition) => validateWorkflow(s, definition),
      issuesMessage,
      publish: (s, definition, notes) => publishWorkflow(s, null, { definition, notes }),
    },
    services,
    args,
    print,
  );
}
