/**
 * The workflow definition format: plain JSON an admin can edit, validated by zod before it
 * is compiled. Steps are listed in sequence order; the four end states are listed too
 * (kind 'end') so their labels live in data, but their meaning is fixed by the engine.
 * A review-like step may name several signers (会签 when all must approve, 或签 when any one
 * suffices); without `signers` it has a single seat for its `role`.
 */
import { z } from 'zod';
import { ROLES, type Role } from './roles';

export const STEP_KINDS = ['fill', 'review', 'signoff', 'decision', 'countersign', 'filing', 'publication', 'end'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** The fixed end states. Only `published` is not final: it may still be withdrawn. */
export const END_STATES = ['published', 'concluded', 'rejected', 'withdrawn'] as const;
export type EndState = (typeof END_STATES)[number];

/** The single fill step every definition starts with; returns to it reach the drafter. */
export const DRAFT_STEP = 'draft';

/**
 * Steps where separation of duties applies: never one's own document, never twice a round.
 * They are also the steps that may name signers, hand a seat on (转办) or add a signer (加签).
 */
export const SEPARATED_KINDS: readonly StepKind[] = ['review', 'signoff', 'decision', 'countersign'];

/** Who fills one seat: anyone holding a role, or one named person. */
export type SignerRef = { role: Role } | { userId: string };

/** 'all' (会签): every seat approves; 'any' (或签): the first approval completes the step. */
export const SEAT_MODES = ['all', 'any'] as const;
export type SeatMode = (typeof SEAT_MODES)[number];

/** Steps a document may only reach when its attribute is publishable, whatever `when` says. */
export const PUBLICATION_KINDS: readonly StepKind[] = ['filing', 'publication'];

/** The reviews every published text must have passed after its last edit (先审后发). */
export const COMPLIANCE_CHECKS = ['legality', 'secrecy', 'signoff'] as const;
export type ComplianceCheck = (typeof COMPLIANCE_CHECKS)[number];

export interface LocalizedText {
  zh: string;
  en: string;
}

/** A reference to a named guard of the registry, e.g. `{ guard: 'hasStatistics' }`. */
export interface ConditionRef {
  guard: string;
  not?: boolean;
}

export interface StepDefinition {
  id: string;
  kind: StepKind;
  label: LocalizedText;
  /** The step's lead role; also the role a named seat's holder hands over to (转办). */
  role?: Role;
  /** Seats of a review-like step; without it the step has one seat for `role`. */
  signers?: SignerRef[];
  /** How the seats complete the step; 'all' unless said. Needs two or more signers. */
  mode?: SeatMode;
  when?: ConditionRef;
  dueWorkingDays?: number;
  returnTargets?: string[];
  /** Extra registered effect names emitted whenever a document arrives at this step. */
  effects?: string[];
  /**
   * The compliance checks this step performs. Without it they follow from the seats' roles
   * (legal → legality, secrecy → secrecy, a leader signing or deciding → sign-off).
   */
  checks?: ComplianceCheck[];
  /** Registered guards that must hold for an approval (or publication) here, e.g. 'noSensitiveWords'. */
  requires?: string[];
  /**
   * The key of an opinion form reviewers fill when they approve or return here (e.g. the
   * legality review's conclusion and its basis). The server checks the form exists.
   */
  opinionForm?: string;
}

export interface WorkflowDefinition {
  key: string;
  version: number;
  name: LocalizedText;
  steps: StepDefinition[];
}

const localizedText = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower snake_case identifier');

const stepSchema = z.object({
  id: identifier,
  kind: z.enum(STEP_KINDS),
  label: localizedText,
  role: z.enum(ROLES).optional(),
  signers: z
    .array(z.union([z.object({ role: z.enum(ROLES) }).strict(), z.object({ userId: z.string().min(1) }).strict()]))
    .min(1)
    .optional(),
  mode: z.enum(SEAT_MODES).optional(),
  when: z.object({ guard: z.string().min(1), not: z.boolean().optional() }).optional(),
  dueWorkingDays: z.number().int().positive().optional(),
  returnTargets: z.array(identifier).optional(),
  effects: z.array(z.string().min(1)).optional(),
  checks: z.array(z.enum(COMPLIANCE_CHECKS)).min(1).optional(),
  requires: z.array(z.string().min(1)).min(1).optional(),
  opinionForm: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'form key').optional(),
});

/** The code and Chinese text of a structural issue, carried in the zod issue's params. */
export interface DefinitionIssueParams {
  code: string;
  zh: string;
}
type IssueFn = (code: string, zh: string, en: string, path: (string | number)[]) => void;

const isEndState = (id: string): boolean => (END_STATES as readonly string[]).includes(id);

/** Seats only where separation of duties applies; a named person holds at most one seat. */
function checkSigners(step: z.infer<typeof stepSchema>, issue: IssueFn): void {
  const signers = step.signers ?? [];
  if (step.signers && !SEPARATED_KINDS.includes(step.kind)) {
    issue('signers_not_allowed', '只有审查、审批、审定和会签步骤可以指定签批人', 'only review, sign-off, decision and countersign steps have signers', ['signers']);
  }
  if (step.kind === 'countersign' && signers.length < 2) issue('countersign_signers', '会签步骤至少需要两名签批人', 'a countersign step needs at least two signers', ['signers']);
  if (step.mode && signers.length < 2) issue('mode_signers', '会签/或签方式至少需要两名签批人', 'mode needs at least two signers', ['mode']);
  const named = signers.flatMap((s) => ('userId' in s ? [s.userId] : []));
  named.forEach((userId, n) => {
    if (named.indexOf(userId) !== n) issue('signer_twice', `人员「${userId}」被重复指定`, `'${userId}' is named twice`, ['signers']);
  });
}

/** Structural rules the engine relies on; each problem is reported at its step's path. */
function checkSteps(steps: readonly z.infer<typeof stepSchema>[], ctx: z.RefinementCtx): void {
  const issue: IssueFn = (code, zh, en, path) =>
    ctx.addIssue({ code: 'custom', message: en, path: ['steps', ...path], params: { code, zh } satisfies DefinitionIssueParams });
  const ids = steps.map((s) => s.id);
  const firstEnd = steps.findIndex((s) => s.kind === 'end');
  const lastWork = steps.findLastIndex((s) => s.kind !== 'end');

  if (steps[0]?.id !== DRAFT_STEP || steps[0]?.kind !== 'fill') {
    issue('first_step', `第一步必须是类型为「填写」的「${DRAFT_STEP}」步骤`, `the first step must be '${DRAFT_STEP}' of kind 'fill'`, [0]);
  }
  for (const end of END_STATES) {
    if (!steps.some((s) => s.id === end && s.kind === 'end')) issue('end_missing', `缺少结束状态「${end}」`, `end step '${end}' is missing`, []);
  }
  if (firstEnd !== -1 && firstEnd < lastWork) issue('end_order', '结束状态必须排在所有办理步骤之后', 'end steps come after all other steps', [firstEnd]);
  const publication = steps.findIndex((s) => s.kind === 'publication');
  if (publication !== -1 && publication !== lastWork) {
    issue('publication_last', '发布步骤必须是最后一个办理步骤', 'the publication step must be the last working step', [publication]);
  }

  steps.forEach((step, i) => {
    if (ids.indexOf(step.id) !== i) issue('duplicate_id', `步骤编号「${step.id}」重复`, `duplicate step id '${step.id}'`, [i, 'id']);
    if (step.kind === 'fill' && i !== 0) issue('fill_not_first', '只有第一步可以是填写步骤', 'only the first step may be a fill step', [i, 'kind']);
    if (step.kind === 'end' && !isEndState(step.id)) issue('unknown_end', `未知的结束状态「${step.id}」`, `unknown end state '${step.id}'`, [i, 'id']);
    if (step.kind !== 'end' && isEndState(step.id)) issue('reserved_id', `「${step.id}」是结束状态的保留编号`, `'${step.id}' is reserved for an end step`, [i, 'id']);
    const needsRole = !['fill', 'end'].includes(step.kind) || step.id === 'published';
    if (needsRole && !step.role) issue('unassigned', '该步骤没有指定办理角色', 'this step needs a role', [i, 'role']);
    if ((step.kind === 'fill' || step.kind === 'end') && step.when) issue('not_conditional', '该步骤不能设置条件', 'this step cannot be conditional', [i, 'when']);
    if ((step.kind === 'fill' || step.kind === 'end') && step.returnTargets) issue('cannot_return', '该步骤不能退回', 'this step cannot return', [i, 'returnTargets']);
    if (step.opinionForm && !SEPARATED_KINDS.includes(step.kind)) {
      issue('opinion_form_not_allowed', '只有审查、审批、审定和会签步骤可以设置审查意见表', 'only review, sign-off, decision and countersign steps have an opinion form', [i, 'opinionForm']);
    }
    if (step.checks && !SEPARATED_KINDS.includes(step.kind)) {
      issue('checks_not_allowed', '只有审查、审批、审定和会签步骤可以标注审查职责', 'only review, sign-off, decision and countersign steps perform checks', [i, 'checks']);
    }
    checkSigners(step, (code, zh, en, path) => issue(code, zh, en, [i, ...path]));
    step.returnTargets?.forEach((target, t) => {
      const at = ids.indexOf(target);
      if (at === -1 || at >= i || steps[at]?.kind === 'end') {
        issue('return_not_earlier', `退回目标「${target}」不是之前的步骤`, `return target '${target}' is not an earlier step`, [i, 'returnTargets', t]);
      }
    });
  });
}

/**
 * Validates a definition before it is stored or compiled.
 * @example workflowDefinitionSchema.parse(JSON.parse(adminUpload)) // throws ZodError on bad data
 */
export const workflowDefinitionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower kebab-case key'),
    version: z.number().int().positive(),
    name: localizedText,
    steps: z.array(stepSchema).min(1),
  })
  .superRefine((def, ctx) => checkSteps(def.steps, ctx));

/**
 * The step of a definition with this id, end steps included.
 * @example stepById(def, 'legality_review')?.role // 'legal'
 */
export function stepById(def: WorkflowDefinition, id: string): StepDefinition | undefined {
  return def.steps.find((s) => s.id === id);
}

/** True for the four fixed end-state ids. @example isEndStateId('published') // true */
export function isEndStateId(id: string): id is EndState {
  return isEndState(id);
}
