import { describe, expect, it } from 'vitest';
import { textWidth } from './graph-layout';
import { conditionText, fitText, nodeText, wrapText } from './node-text';
import { workflowGraph } from './graph-model';
import { releaseReviewDefinition } from '../../../workflows/release-review.definition';

describe('text in boxes', () => {
  it('cuts a line with an ellipsis to fit', () => {
    const cut = fitText('党组会议审定（重大事项）', 12, 60);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(60);
    expect(fitText('发布', 12, 60)).toBe('发布');
  });

  it('wraps after a separator, at most the lines allowed, each within the width', () => {
    const lines = wrapText('会签 · 统计口径审查、分管领导（会签）', 12, 150, 2);
    expect(lines).toEqual(['会签 · 统计口径审查、', '分管领导（会签）']);
    const long = wrapText('会签 · 统计口径审查、合法性审查、保密审查、分管领导（会签）', 12, 120, 2);
    expect(long).toHaveLength(2);
    for (const line of long) expect(textWidth(line, 12)).toBeLessThanOrEqual(120);
    expect(long[1]!.endsWith('…')).toBe(true);
  });
});

describe('words on the graph', () => {
  it('writes a plugin condition with the registry’s label, a known one from the catalog, else the bare name', () => {
    const labels = { isUrgent: { zh: '加急件', en: 'Urgent' } };
    expect(conditionText({ guard: 'isUrgent' }, labels)).toBe('仅当加急件');
    expect(conditionText({ guard: 'isUrgent', not: true }, labels)).toBe('仅当不加急件');
    expect(conditionText({ guard: 'hasStatistics' })).toBe('仅当含统计数据');
    expect(conditionText({ guard: 'hasStatistics' }, { hasStatistics: { zh: '有统计', en: 'Stats' } })).toBe('仅当含统计数据');
    expect(conditionText({ guard: 'isUrgent' })).toBe('仅当isUrgent');
  });

  it('says which steps ask reviewers for an opinion form', () => {
    const def = { ...releaseReviewDefinition, steps: releaseReviewDefinition.steps.map((s) => (s.id === 'legality_review' ? { ...s, opinionForm: 'legal-opinion' } : s)) };
    const texts = new Map(workflowGraph(def).nodes.map((n) => [n.id, nodeText(n)]));
    expect(texts.get('legality_review')!.opinionForm).toBe('本步骤审查人须填写审查意见表（legal-opinion）');
    expect(texts.get('secrecy_review')!.opinionForm).toBe('');
  });
});
