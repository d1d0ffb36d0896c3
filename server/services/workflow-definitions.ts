import { releaseReviewDefinition, workflowDefinitionSchema, type WorkflowDefinition } from '../../workflows/index';
import { notFound } from './errors';

/**
 * The definitions documents are pinned to, by key and version. Today only the shipped
 * release-review definition; admin-edited versions will be stored in the database.
 */
const SHIPPED: WorkflowDefinition[] = [releaseReviewDefinition];

/**
 * Adds a definition version (a plugin's, or a test's). Versions are immutable: a key and
 * version already present is refused, so documents pinned to it never change under them.
 */
export function registerWorkflowDefinition(def: WorkflowDefinition): void {
  const parsed = workflowDefinitionSchema.parse(def);
  if (SHIPPED.some((d) => d.key === parsed.key && d.version === parsed.version)) throw new Error(`workflow ${parsed.key} v${parsed.version} already exists`);
  SHIPPED.push(def);
}

export function currentDefinition(key: string): WorkflowDefinition {
  const latest = SHIPPED.filter((d) => d.key === key).sort((a, b) => b.version - a.version)[0];
  if (!latest) throw notFound(`未找到流程定义 ${key}`);
  return latest;
}

export function pinnedDefinition(key: string, version: number): WorkflowDefinition {
  const def = SHIPPED.find((d) => d.key === key && d.version === version);
  if (!def) throw notFound(`未找到流程定义 ${key} 第 ${version} 版`);
  return def;
}
