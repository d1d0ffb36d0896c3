/**
 * What migrating in-flight instances of a flow (documents of release review, requests of the
 * request flow) has in common: the input, the dry run that splits instances into moves and
 * refusals with the pure planner, and the check that what is applied is exactly what was
 * previewed. Each family's service loads its rows and writes its own statements.
 */
import type { LocalizedText, MigrationOutcome } from '../../workflows/index';
import { badRequest, conflict } from './errors';

export interface MigrationInput {
  key: string;
  fromVersion: number;
  toVersion: number;
  mapping: Record<string, string>;
}

export interface PlannedMove<Row, State> {
  row: Row;
  toStep: string;
  state: State;
}

export interface RefusedMove<Row> {
  row: Row;
  reason: LocalizedText;
}

export function assertDistinctVersions(input: MigrationInput): void {
  if (input.fromVersion === input.toVersion) throw badRequest('迁移的源版本与目标版本相同');
}

/**
 * Plans every row with the family's pure planner, in the rows' order.
 * @example splitMoves(docs, (doc) => planMigration(from, to, reviewState(doc), mapping))
 */
export function splitMoves<Row, State>(rows: readonly Row[], plan: (row: Row) => MigrationOutcome<State>) {
  const moves: PlannedMove<Row, State>[] = [];
  const refused: RefusedMove<Row>[] = [];
  for (const row of rows) {
    const outcome = plan(row);
    if (outcome.ok) moves.push({ row, toStep: outcome.toStep, state: outcome.state });
    else refused.push({ row, reason: outcome.reason });
  }
  return { moves, refused };
}

/** Refuses (CONFLICT) when the movable instances are no longer exactly the previewed ones. */
export function assertPreviewUnchanged(plannedIds: readonly string[], expectedIds: readonly string[], message: string): void {
  const planned = [...plannedIds].sort();
  const expected = [...new Set(expectedIds)].sort();
  if (planned.length !== expected.length || planned.some((id, i) => id !== expected[i])) throw conflict(message);
}
