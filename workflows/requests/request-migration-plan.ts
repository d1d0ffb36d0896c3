/**
 * Moving an in-flight information request to another version of the request flow: where its
 * current step maps to, and whether the facts of its record allow that step's kind. Pure: the
 * server previews every request with this, then applies exactly the moves it previewed.
 *
 * A request's statutory clocks are computed from its dated events (request-clocks.ts), never
 * from its step, and a migration adds no event: the reply limit, the pauses for consultation
 * and fee, the correction periods all stay as they were. What a migration must protect is the
 * match between step and record: a request whose reply clock is paused for a consultation must
 * land where the consultation can end, a letter not yet reviewed must not land where it is sent.
 */
import { CLOCK_EVENTS } from '../clocks/index';
import type { LocalizedText } from '../definition';
import { migrationTarget, refuseMigration, type MigrationOutcome } from '../migration-plan';
import { REQUEST_EVENTS } from './request-clocks';
import type { PersistedRequest } from './request-engine';
import { requestStepById, type RequestFlowDefinition, type RequestStepKind } from './request-flow-definition';
import type { RequestContext } from './request-types';

/** What a request's record says about where it may stand. */
export interface RequestFacts {
  closed: boolean;
  /** Accepted, directly or by the corrected request arriving. */
  accepted: boolean;
  correctionPending: boolean;
  consultationOpen: boolean;
  feeUnpaid: boolean;
  replyDrafted: boolean;
  replyReviewed: boolean;
}

type Wait = 'correctionPending' | 'consultationOpen' | 'feeUnpaid';

/** The waiting step kinds and the fact that must hold (and that pauses or replaces the reply clock) while there. */
const WAIT_OF_KIND: Partial<Record<RequestStepKind, Wait>> = { wait_correction: 'correctionPending', wait_consultation: 'consultationOpen', wait_fee: 'feeUnpaid' };

const WAIT_WORDS: Record<Wait, LocalizedText> = {
  correctionPending: { zh: '等待申请人补正', en: 'waiting for the applicant’s correction' },
  consultationOpen: { zh: '征求意见', en: 'in consultation' },
  feeUnpaid: { zh: '等待缴纳信息处理费', en: 'waiting for the fee' },
};

/**
 * The facts of a request's record, read from its dated events and context.
 * @example requestFacts(startRequest(calendar, '2026-03-02').context).accepted // false
 */
export function requestFacts(context: RequestContext): RequestFacts {
  const names = context.clock.map((e) => e.name);
  const has = (name: string) => names.includes(name);
  const corrected = has(CLOCK_EVENTS.requestCorrected);
  return {
    closed: context.outcome !== null,
    accepted: has(REQUEST_EVENTS.accepted) || corrected,
    correctionPending: context.correctionAsked && !corrected,
    consultationOpen: names.lastIndexOf(CLOCK_EVENTS.consultationStarted) > names.lastIndexOf(CLOCK_EVENTS.consultationEnded),
    feeUnpaid: context.feeNotified && !has(REQUEST_EVENTS.feePaid),
    replyDrafted: context.reply !== null,
    replyReviewed: !!context.reply?.reviewedBy,
  };
}

/** Why the facts rule out a step of this kind, or null when it may hold the request. */
export function kindPreconditionUnmet(kind: RequestStepKind, facts: RequestFacts, label: LocalizedText): LocalizedText | null {
  const wait = WAIT_OF_KIND[kind];
  if (wait) {
    if (facts[wait]) return null;
    return { zh: `该申请当前不处于${WAIT_WORDS[wait].zh}，不能迁移到「${label.zh}」`, en: `the request is not ${WAIT_WORDS[wait].en}, so it cannot move to '${label.en}'` };
  }
  const open = (Object.values(WAIT_OF_KIND) as Wait[]).find((w) => facts[w]);
  if (open) {
    return { zh: `该申请正在${WAIT_WORDS[open].zh}，只能迁移到同类的等待步骤`, en: `the request is ${WAIT_WORDS[open].en}; it can only move to a step of that waiting kind` };
  }
  if (kind === 'intake') {
    return facts.accepted ? { zh: `该申请已受理，不能回到登记步骤「${label.zh}」`, en: `the request was accepted; it cannot return to the intake step '${label.en}'` } : null;
  }
  if (!facts.accepted) return { zh: `该申请尚未受理，不能迁移到「${label.zh}」`, en: `the request has not been accepted, so it cannot move to '${label.en}'` };
  if (kind === 'handling') {
    return facts.replyDrafted ? { zh: '答复书已起草，只能迁移到答复书审核或送达步骤', en: 'a reply letter is drafted; it can only move to a reply review or sending step' } : null;
  }
  if (!facts.replyDrafted) return { zh: `答复书尚未起草，不能迁移到「${label.zh}」`, en: `no reply letter is drafted, so it cannot move to '${label.en}'` };
  if (kind === 'reply_send' && !facts.replyReviewed) {
    return { zh: `答复书尚未审核，不能迁移到送达步骤「${label.zh}」`, en: `the reply letter is not reviewed, so it cannot move to the sending step '${label.en}'` };
  }
  return null;
}

/**
 * Where one request would move, with its new state (the same record under the new step), or
 * why it may not.
 * @example planRequestMigration(v1, v2, atReviewed, { reply_reviewed: 'reply_signed' }) // { ok: true, toStep: 'reply_signed', ... }
 */
export function planRequestMigration(
  from: RequestFlowDefinition,
  to: RequestFlowDefinition,
  state: PersistedRequest,
  mapping: Readonly<Record<string, string>>,
): MigrationOutcome<PersistedRequest> {
  const fromStep = state.value;
  const fromLabel = requestStepById(from, fromStep)?.label.zh ?? fromStep;
  const facts = requestFacts(state.context);
  if (facts.closed || requestStepById(from, fromStep)?.kind === 'end') {
    return refuseMigration('not_in_flight', `申请已在「${fromLabel}」办结，不能迁移`, `the request has closed at '${fromStep}'`);
  }
  const target = migrationTarget(to, fromStep, mapping);
  if (target === undefined) {
    return refuseMigration('unmapped', `新版本没有步骤「${fromLabel}」，且未指定对应步骤`, `the new version lacks '${fromStep}' and no mapping names a step for it`);
  }
  const step = requestStepById(to, target);
  if (!step || step.kind === 'end') return refuseMigration('unknown_target', `「${target}」不是新版本中的办理步骤`, `'${target}' is not a working step of the new version`);
  const unmet = kindPreconditionUnmet(step.kind, facts, step.label);
  if (unmet) return { ok: false, code: 'precondition', reason: unmet };
  return { ok: true, toStep: target, state: { value: target as PersistedRequest['value'], context: state.context } };
}
