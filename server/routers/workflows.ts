import { z } from 'zod';
import { router, roleProcedure, signedInProcedure } from '../trpc';
import { documentPath } from '../services/document-path-service';
import { getWorkflow, listWorkflows, publishWorkflow, validateWorkflow, workflowRegistry } from '../services/workflow-admin-service';
import { applyMigration, previewMigration } from '../services/workflow-migration-service';
import { applyRequestMigration, previewRequestMigration } from '../services/request-migration-service';

const key = z.string().trim().min(1).max(100);
const version = z.number().int().positive();
// Definitions arrive as any JSON: the validator reports every problem in Chinese instead of
// zod refusing the request on its first one.
const definition = z.unknown();
const migration = z.object({
  key,
  fromVersion: version,
  toVersion: version,
  mapping: z.record(z.string().max(100), z.string().max(100)),
});

export const workflowsRouter = router({
  list: roleProcedure('admin').query(({ ctx }) => listWorkflows(ctx.services)),
  /** The guard names of the registry (plugins included), labelled, per flow family: the editor's choices. */
  registry: roleProcedure('admin').query(() => workflowRegistry()),
  get: roleProcedure('admin')
    .input(z.object({ key, version: version.optional() }))
    .query(({ ctx, input }) => getWorkflow(ctx.services, input.key, input.version)),
  validate: roleProcedure('admin')
    .input(z.object({ definition }))
    .mutation(({ ctx, input }) => validateWorkflow(ctx.services, input.definition)),
  publish: roleProcedure('admin')
    .input(z.object({ definition, notes: z.string().trim().max(500).optional() }))
    .mutation(({ ctx, input }) => publishWorkflow(ctx.services, ctx.user.id, input)),
  migrationPreview: roleProcedure('admin')
    .input(migration)
    .query(({ ctx, input }) => previewMigration(ctx.services, input)),
  migrate: roleProcedure('admin')
    .input(migration.extend({ expectedDocumentIds: z.array(z.string().max(100)).max(10000) }))
    .mutation(({ ctx, input }) => applyMigration(ctx.services, ctx.user.id, input)),
  /** The same dry run and apply for information requests on a request flow. */
  requestMigrationPreview: roleProcedure('admin')
    .input(migration)
    .query(({ ctx, input }) => previewRequestMigration(ctx.services, input)),
  migrateRequests: roleProcedure('admin')
    .input(migration.extend({ expectedRequestIds: z.array(z.string().max(100)).max(10000) }))
    .mutation(({ ctx, input }) => applyRequestMigration(ctx.services, ctx.user.id, input)),
  documentPath: signedInProcedure
    .input(z.object({ documentId: z.string().min(1).max(100) }))
    .query(({ ctx, input }) => documentPath(ctx.services, ctx.user, input.documentId)),
});
