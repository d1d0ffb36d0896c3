import { and, desc, eq, max } from 'drizzle-orm';
import { isRequestFlow, parseAnyDefinition, type AnyWorkflowDefinition, type WorkflowDefinition } from '../../workflows/index';
import type { RequestFlowDefinition } from '../../workflows/requests/request-flow-definition';
import { REQUEST_FLOW_KEY } from '../../workflows/requests/request-flow.definition';
import type { Db } from '../db/client';
import { workflowDefinitions } from '../db/schema/index';
import { notFound } from './errors';

/**
 * The definitions documents are pinned to, by key and version, stored in the database.
 * A stored version never changes (triggers refuse it), so each is cached forever once read,
 * per database; which version is the latest is always asked of the database, so a version
 * published by another process is used by the next new document here.
 */
const cache = new WeakMap<Db, Map<string, AnyWorkflowDefinition>>();

function cacheOf(db: Db): Map<string, AnyWorkflowDefinition> {
  const byKey = cache.get(db) ?? new Map<string, AnyWorkflowDefinition>();
  cache.set(db, byKey);
  return byKey;
}

/** A stored definition of either family, parsed; the stored JSON was validated when it was published. */
function parseStored(json: unknown, key: string, version: number): AnyWorkflowDefinition {
  return { ...parseAnyDefinition(json), key, version };
}

/**
 * The definition a document is pinned to (release review).
 * @example const def = await pinnedDefinition(db, doc.workflowKey, doc.workflowVersion);
 */
export async function pinnedDefinition(db: Db, key: string, version: number): Promise<WorkflowDefinition> {
  const def = await storedDefinition(db, key, version);
  if (isRequestFlow(def)) throw notFound(`流程定义 ${key} 不是发布审查流程`);
  return def;
}

/**
 * The request-flow definition a request is pinned to.
 * @example const def = await pinnedRequestFlow(db, row.workflowKey, row.workflowVersion);
 */
export async function pinnedRequestFlow(db: Db, key: string, version: number): Promise<RequestFlowDefinition> {
  const def = await storedDefinition(db, key, version);
  if (!isRequestFlow(def)) throw notFound(`流程定义 ${key} 不是依申请公开流程`);
  return def;
}

/** The latest request flow: the one a newly registered request starts on. */
export async function currentRequestFlow(db: Db, key: string = REQUEST_FLOW_KEY): Promise<RequestFlowDefinition> {
  const version = await latestVersion(db, key);
  if (version === null) throw notFound(`未找到流程定义 ${key}`);
  return pinnedRequestFlow(db, key, version);
}

/** A stored version of either family. */
export async function storedDefinition(db: Db, key: string, version: number): Promise<AnyWorkflowDefinition> {
  const byKey = cacheOf(db);
  const hit = byKey.get(`${key}@${version}`);
  if (hit) return hit;
  const [row] = await db
    .select({ definition: workflowDefinitions.definition })
    .from(workflowDefinitions)
    .where(and(eq(workflowDefinitions.key, key), eq(workflowDefinitions.version, version)));
  if (!row) throw notFound(`未找到流程定义 ${key} 第 ${version} 版`);
  const def = parseStored(row.definition, key, version);
  byKey.set(`${key}@${version}`, def);
  return def;
}

/** The latest published version number of a key, or null when none is stored. */
export async function latestVersion(db: Db, key: string): Promise<number | null> {
  const [row] = await db.select({ v: max(workflowDefinitions.version) }).from(workflowDefinitions).where(eq(workflowDefinitions.key, key));
  return row?.v ?? null;
}

/**
 * The latest published version of a key: the one new documents start on.
 * @example const def = await currentDefinition(db, 'release-review');
 */
export async function currentDefinition(db: Db, key: string): Promise<WorkflowDefinition> {
  const version = await latestVersion(db, key);
  if (version === null) throw notFound(`未找到流程定义 ${key}`);
  return pinnedDefinition(db, key, version);
}

/** The latest published version of a key, of either family (the admin pages). */
export async function currentStoredDefinition(db: Db, key: string): Promise<AnyWorkflowDefinition> {
  const version = await latestVersion(db, key);
  if (version === null) throw notFound(`未找到流程定义 ${key}`);
  return storedDefinition(db, key, version);
}

/**
 * Loads every pinned definition a list of rows needs, and answers synchronously after that:
 * for list pages that label many rows.
 * @example const defOf = await definitionLookup(db, rows); rows.map((r) => defOf(r.workflowKey, r.workflowVersion))
 */
export async function definitionLookup(
  db: Db,
  rows: readonly { workflowKey: string; workflowVersion: number }[],
): Promise<(key: string, version: number) => WorkflowDefinition> {
  const loaded = new Map<string, WorkflowDefinition>();
  for (const r of rows) {
    const id = `${r.workflowKey}@${r.workflowVersion}`;
    if (!loaded.has(id)) loaded.set(id, await pinnedDefinition(db, r.workflowKey, r.workflowVersion));
  }
  return (key, version) => {
    const def = loaded.get(`${key}@${version}`);
    if (!def) throw notFound(`未找到流程定义 ${key} 第 ${version} 版`);
    return def;
  };
}

/** Every stored version's metadata, newest first per key. */
export async function listStoredVersions(db: Db) {
  return db
    .select({
      key: workflowDefinitions.key,
      version: workflowDefinitions.version,
      definition: workflowDefinitions.definition,
      notes: workflowDefinitions.notes,
      publishedAt: workflowDefinitions.publishedAt,
      publishedBy: workflowDefinitions.publishedBy,
    })
    .from(workflowDefinitions)
    .orderBy(workflowDefinitions.key, desc(workflowDefinitions.version));
}
