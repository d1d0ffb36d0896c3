import { describe, expect, it } from 'vitest';
import { textWidth } from './graph-layout';
import { fitText, wrapText } from './node-text';

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
