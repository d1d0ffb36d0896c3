/**
 * Moving an in-flight document from one version of a flow to another (instance migration):
 * where its current step maps to, and whether that move is safe. Pure: the server previews
 * every document with this, then applies exactly the moves it previewed.
 */
import { COMPLIANCE_CHECKS, DRAFT_STEP, isEndStateId, stepById, type ComplianceCheck, type LocalizedText, type WorkflowDefinition } from './definition';
import { isStepApplicable } from './flow';
import { stepChecks } from './flow-graph';
import { defaultRegistry, type WorkflowRegistry } from './registry';
import type { PersistedReview } from './review-types';

/** Why an instance may not move; 'precondition' is the request flow's (a step kind's facts do not hold). */
export type MigrationRefusal = 'unmapped' | 'unknown_target' | 'not_applicable' | 'reviews_missing' | 'not_in_flight' | 'precondition';

/** Where one instance (a document, or a request) moves with its new state, or why it may not. */
export type MigrationOutcome<S = PersistedReview> =
  | { ok: true; toStep: string; state: S }
  | { ok: false; code: MigrationRefusal; reason: LocalizedText };

const CHECK_ZH: Record<ComplianceCheck, string> = { legality: '合法性审查', secrecy: '保密审查', signoff: '领导签批' };

/**
 * The target of a step, for either flow family: the mapping's, else the same id when the new
 * version still has it.
 * @example migrationTarget(v2, 'secrecy_review', {}) // undefined once v2 lacks it
 */
export function migrationTarget(to: { steps: readonly { id: string }[] }, fromStep: string, mapping: Readonly<Record<string, string>>): string | undefined {
  return mapping[fromStep] ?? (to.steps.some((s) => s.id === fromStep) ? fromStep : undefined);
}

/**
 * Where one document would move, with its new state, or why it may not.
 * A document keeps its approvals of this round (under the mapped step ids, so separation of
 * duties still knows who acted) for steps before its new step; it may not land past a review
 * of the new version it has not passed, and never on a publication step without all three.
 * @example planMigration(v1, v2, atSecrecy, { secrecy_review: 'joint_review' }) // { ok: true, toStep: 'joint_review', ... }
 */
export function planMigration(
  from: WorkflowDefinition,
  to: WorkflowDefinition,
  state: PersistedReview,
  mapping: Readonly<Record<string, string>>,
  registry: WorkflowRegistry = defaultRegistry,
): MigrationOutcome {
  const fromStep = state.value;
  const fromLabel = stepById(from, fromStep)?.label.zh ?? fromStep;
  if (isEndStateId(fromStep)) return refuseMigration('not_in_flight', `文件已在「${fromLabel}」结束，不能迁移`, `the document has ended at '${fromStep}'`);
  const target = migrationTarget(to, fromStep, mapping);
  if (target === undefined) {
    return refuseMigration('unmapped', `新版本没有步骤「${fromLabel}」，且未指定对应步骤`, `the new version lacks '${fromStep}' and no mapping names a step for it`);
  }
  const step = stepById(to, target);
  if (!step || step.kind === 'end') return refuseMigration('unknown_target', `「${target}」不是新版本中的办理步骤`, `'${target}' is not a working step of the new version`);
  if (step.kind !== 'fill' && !isStepApplicable(to, step, state.context, undefined, registry)) {
    return refuseMigration('not_applicable', `新版本的「${step.label.zh}」不适用于该文件（条件不满足）`, `'${target}' does not apply to this document`);
  }
  const renamed = state.context.acted.map((a) => ({ ...a, stepId: mapping[a.stepId] ?? a.stepId }));
  const at = to.steps.indexOf(step);
  const before = new Set(to.steps.slice(0, at).map((s) => s.id));
  const kept = renamed.filter((a) => before.has(a.stepId));
  const missing = target === DRAFT_STEP ? [] : missingChecks(from, to, at, state, registry);
  if (missing.length) {
    return refuseMigration(
      'reviews_missing',
      `迁移到「${step.label.zh}」会跳过尚未完成的${missing.map((c) => CHECK_ZH[c]).join('、')}`,
      `moving to '${target}' would skip ${missing.join(', ')}`,
    );
  }
  // A new visit: seats start empty; the facts, round and last return stay.
  const context = { ...state.context, acted: kept, seatChanges: [] };
  return { ok: true, toStep: target, state: { value: target, context } };
}

/** Checks the new version performs before `at` (all three before a publication step) that this round has not passed. */
function missingChecks(from: WorkflowDefinition, to: WorkflowDefinition, at: number, state: PersistedReview, registry: WorkflowRegistry): ComplianceCheck[] {
  const done = new Set<ComplianceCheck>();
  for (const a of state.context.acted) {
    const old = stepById(from, a.stepId);
    if (old) stepChecks(old).forEach((c) => done.add(c));
  }
  const required = new Set<ComplianceCheck>();
  for (const s of to.steps.slice(1, at)) {
    if (isStepApplicable(to, s, state.context, undefined, registry)) stepChecks(s).forEach((c) => required.add(c));
  }
  const target = to.steps[at]!;
  if (target.kind === 'publication' || target.kind === 'filing') COMPLIANCE_CHECKS.forEach((c) => required.add(c));
  return COMPLIANCE_CHECKS.filter((c) => required.has(c) && !done.has(c));
}

/** A refused move, in both languages. */
export function refuseMigration(code: MigrationRefusal, zh: string, en: string): { ok: false; code: MigrationRefusal; reason: LocalizedText } {
  return { ok: false, code, reason: { zh, en } };
}
