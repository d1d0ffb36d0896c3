import { describe, expect, it } from 'vitest';
import { releaseReviewDefinition } from '../../../workflows/release-review.definition';
import { layoutGraph, returnRoute, textWidth, widthWithLanes, type Box } from './graph-layout';
import { workflowGraph } from './graph-model';

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('textWidth', () => {
  it('counts CJK as one em and Latin as about half', () => {
    expect(textWidth('合法性审查', 14)).toBe(70);
    expect(textWidth('review', 10)).toBeLessThan(textWidth('审查审查审查', 10));
  });
});

// elkjs is a large compiled-Java bundle: its first load can take seconds on a busy machine.
describe('layoutGraph with elkjs', { timeout: 60_000 }, () => {
  it('places every step without overlaps, and labels clear of every box', async () => {
    const g = workflowGraph(releaseReviewDefinition);
    const flow = g.edges.filter((e) => e.kind !== 'return');
    const layout = await layoutGraph({
      nodes: g.nodes.map((n) => ({ id: n.id, width: 160, height: 56 })),
      edges: flow.map((e) => ({ id: e.id, from: e.from, to: e.to, label: { width: 40, height: 16 } })),
    });
    const boxes = Object.values(layout.nodes);
    expect(boxes).toHaveLength(g.nodes.length);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    for (const e of flow) {
      const routed = layout.edges[e.id];
      expect(routed?.points.length).toBeGreaterThanOrEqual(2);
      for (const box of boxes) expect(overlap(routed!.label!, box)).toBe(false);
    }
    // Top to bottom in sequence order: the draft above legality review above publication.
    expect(layout.nodes.draft!.y).toBeLessThan(layout.nodes.legality_review!.y);
    expect(layout.nodes.legality_review!.y).toBeLessThan(layout.nodes.publication!.y);
    for (const box of boxes) expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
    // A return lane runs right of the skip arrow and its label that it passes (draft → legality).
    const skip = layout.edges['skip:draft->legality_review']!;
    const lane = returnRoute(layout, 'legality_review', 'draft', 0)[1]!.x;
    expect(lane).toBeGreaterThan(Math.max(...skip.points.map((p) => p.x), skip.label!.x + skip.label!.width));
  });

  it('routes return arrows right of every box they pass, one lane each', async () => {
    const layout = await layoutGraph({
      nodes: ['a', 'b', 'c'].map((id) => ({ id, width: 100, height: 40 })),
      edges: [
        { id: 'ab', from: 'a', to: 'b' },
        { id: 'bc', from: 'b', to: 'c' },
      ],
    });
    const lane0 = returnRoute(layout, 'c', 'a', 0);
    const lane1 = returnRoute(layout, 'c', 'b', 1);
    const right = Math.max(...Object.values(layout.nodes).map((n) => n.x + n.width));
    expect(lane0[1]!.x).toBeGreaterThan(right);
    expect(lane1[1]!.x).toBeGreaterThan(lane0[1]!.x);
    expect(lane0.at(-1)!.y).toBeLessThan(lane0[0]!.y);
    expect(widthWithLanes(layout, 2)).toBeGreaterThan(lane1[1]!.x);
  });
});
