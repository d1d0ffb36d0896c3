import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../definition';
import { applyReviewEvent, availableEvents, startReview } from '../engine';
import { createRegistry } from '../registry';
import { releaseReviewDefinition } from '../release-review.definition';
import { facts, submit, users } from '../review-test-helpers';
import { simulate } from '../simulate';
import { validateDefinition } from '../validate-definition';
import { findSensitiveWords, installSensitiveWords, NO_SENSITIVE_WORDS } from './sensitive-words';

/** Release review whose legality review may not pass a text with a listed word. */
const guarded: WorkflowDefinition = {
  ...releaseReviewDefinition,
  key: 'guarded-review',
  steps: releaseReviewDefinition.steps.map((s) => (s.id === 'legality_review' ? { ...s, requires: [NO_SENSITIVE_WORDS] } : s)),
};

function atLegality(registry: ReturnType<typeof createRegistry>) {
  const result = applyReviewEvent(guarded, startReview(guarded, facts(), registry), submit(facts()), registry);
  if (!result.ok) throw new Error(result.refusal);
  return result.state;
}

describe('findSensitiveWords', () => {
  it('finds listed words once each, ignoring case and full-width forms', () => {
    expect(findSensitiveWords('本文件为内部资料，ＡＢＣ内部资料', ['内部资料', 'abc', '绝密', ' '])).toEqual(['内部资料', 'abc']);
    expect(findSensitiveWords('正文', [])).toEqual([]);
  });
});

describe('the noSensitiveWords guard', () => {
  it('is unknown until installed, so a definition using it cannot be published before', () => {
    const registry = createRegistry();
    expect(validateDefinition(guarded, registry).map((i) => i.code)).toEqual(['unknown_guard']);
    installSensitiveWords(['内部资料'], registry);
    expect(validateDefinition(guarded, registry)).toEqual([]);
  });

  it('blocks approval of a step that requires it while the text holds a listed word', () => {
    const registry = createRegistry();
    installSensitiveWords(['内部资料'], registry);
    const state = atLegality(registry);
    const dirty = applyReviewEvent(guarded, state, { type: 'APPROVE', actor: users.legal, document: { title: '通知', body: '本件系内部资料' } }, registry);
    expect(dirty).toEqual({ ok: false, refusal: 'requirement_failed' });
    const clean = applyReviewEvent(guarded, state, { type: 'APPROVE', actor: users.legal, document: { title: '通知', body: '正文' } }, registry);
    expect(clean.ok && clean.state.value).toBe('secrecy_review');
    // Someone without the seat is told that first, never about the text.
    expect(applyReviewEvent(guarded, state, { type: 'APPROVE', actor: users.secrecy, document: { title: '通知', body: '内部资料' } }, registry)).toEqual({ ok: false, refusal: 'not_assignee' });
    // The button stays: the buttons are asked without the text.
    expect(availableEvents(guarded, state, users.legal, registry)).toContain('APPROVE');
  });

  it('takes a new word list when installed again', () => {
    const registry = createRegistry();
    installSensitiveWords(['内部资料'], registry);
    installSensitiveWords(['征求意见稿'], registry);
    const state = atLegality(registry);
    expect(applyReviewEvent(guarded, state, { type: 'APPROVE', actor: users.legal, document: { title: '征求意见稿', body: '' } }, registry).ok).toBe(false);
    expect(applyReviewEvent(guarded, state, { type: 'APPROVE', actor: users.legal, document: { title: '', body: '内部资料' } }, registry).ok).toBe(true);
  });

  it('can be forced in a simulation', () => {
    const registry = createRegistry();
    installSensitiveWords(['内部资料'], registry);
    const r = simulate(guarded, { attribute: 'open', guards: { [NO_SENSITIVE_WORDS]: false } }, ['approve', 'approve'], registry);
    expect(r.visits.map((v) => v.stepId)).toEqual(['draft', 'legality_review']);
    expect(r.stopped?.reason.zh).toBe('未通过本步骤要求的检查');
  });
});
