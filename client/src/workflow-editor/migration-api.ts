/**
 * How the migration panel talks to the server for each flow family: release review moves
 * documents (named by title), the request flow moves requests (named by request number).
 * The dry run and apply are the same design on the server (services/instance-migration.ts).
 */
import type { LocalizedText } from '../../../workflows/definition';
import type { MessageKey } from '../i18n/i18n';
import { trpc } from '../trpc';

export interface MigrationRequest {
  key: string;
  fromVersion: number;
  toVersion: number;
  mapping: Record<string, string>;
}

export interface MigrationPreview {
  moves: { id: string; name: string; fromStep: string; toStep: string }[];
  refused: { id: string; name: string; fromStep: string; reason: LocalizedText }[];
}

export interface MigrationApi {
  preview(input: MigrationRequest): Promise<MigrationPreview>;
  apply(input: MigrationRequest, ids: string[]): Promise<unknown>;
  /** The words that differ: panel title and intro, the name column, the empty and done messages. */
  text: { title: MessageKey; intro: MessageKey; name: MessageKey; noMoves: MessageKey; migrated: MessageKey };
}

export const documentMigration: MigrationApi = {
  preview: async (input) => {
    const p = await trpc.workflows.migrationPreview.query(input);
    return {
      moves: p.moves.map((m) => ({ id: m.documentId, name: m.title, fromStep: m.fromStep, toStep: m.toStep })),
      refused: p.refused.map((r) => ({ id: r.documentId, name: r.title, fromStep: r.fromStep, reason: r.reason })),
    };
  },
  apply: (input, ids) => trpc.workflows.migrate.mutate({ ...input, expectedDocumentIds: ids }),
  text: { title: 'wfe.migrationTitle', intro: 'wfe.migrationIntro', name: 'col.title', noMoves: 'wfe.noMoves', migrated: 'wfe.migrated' },
};

export const requestMigration: MigrationApi = {
  preview: async (input) => {
    const p = await trpc.workflows.requestMigrationPreview.query(input);
    return {
      moves: p.moves.map((m) => ({ id: m.requestId, name: m.requestNo, fromStep: m.fromStep, toStep: m.toStep })),
      refused: p.refused.map((r) => ({ id: r.requestId, name: r.requestNo, fromStep: r.fromStep, reason: r.reason })),
    };
  },
  apply: (input, ids) => trpc.workflows.migrateRequests.mutate({ ...input, expectedRequestIds: ids }),
  text: { title: 'rfe.migrationTitle', intro: 'rfe.migrationIntro', name: 'requests.col.no', noMoves: 'rfe.noMoves', migrated: 'rfe.migrated' },
};
