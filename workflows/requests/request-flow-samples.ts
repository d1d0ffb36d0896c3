/**
 * Edited request flows for tests: the shipped definition with one change each. Kept beside
 * the definition so unit, integration and browser tests edit the flow the same way.
 */
import type { RequestFlowDefinition, RequestStepDefinition } from './request-flow-definition';
import { requestFlowDefinition } from './request-flow.definition';

const clone = (): RequestFlowDefinition => structuredClone(requestFlowDefinition);

/**
 * Version-2 style change: after the first review the reply letter also needs the office
 * head's sign-off (答复书领导签发) before it is sent.
 * @example withLeaderSignoff().steps.map((s) => s.id) // [..., 'reply_reviewed', 'reply_signed', 'closed']
 */
export function withLeaderSignoff(): RequestFlowDefinition {
  const def = clone();
  const reviewed = def.steps.find((s) => s.id === 'reply_reviewed')!;
  reviewed.kind = 'reply_review';
  reviewed.label = { zh: '答复书待领导签发', en: 'Reply awaiting sign-off' };
  reviewed.role = 'leader';
  reviewed.transitions = [
    { event: 'DRAFT_REPLY', to: 'reply_drafted' },
    { event: 'REVIEW_REPLY', to: 'reply_signed', guards: ['holdsStepRole'] },
  ];
  const signed: RequestStepDefinition = {
    id: 'reply_signed',
    kind: 'reply_send',
    label: { zh: '答复书已签发待送达', en: 'Reply signed, to be sent' },
    role: 'publisher',
    deadline: 'reply',
    transitions: [
      { event: 'DRAFT_REPLY', to: 'reply_drafted' },
      { event: 'SEND_REPLY', to: 'closed' },
    ],
  };
  def.steps.splice(def.steps.length - 1, 0, signed);
  return def;
}

/** The shipped flow with one step changed by `edit`. */
export function withStep(id: string, edit: (step: RequestStepDefinition) => void): RequestFlowDefinition {
  const def = clone();
  edit(def.steps.find((s) => s.id === id)!);
  return def;
}
