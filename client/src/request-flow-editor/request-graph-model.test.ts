import { describe, expect, it } from 'vitest';
import { requestFlowDefinition } from '../../../workflows/requests/request-flow.definition';
import { withLeaderSignoff } from '../../../workflows/requests/request-flow-samples';
import { requestGraph, requestPathEdgeIds } from './request-graph-model';

describe('request flow graph model', () => {
  const graph = requestGraph(requestFlowDefinition);

  it('has a node per step and an arrow per pair of joined steps', () => {
    expect(graph.nodes.map((n) => n.id)).toEqual(requestFlowDefinition.steps.map((s) => s.id));
    expect(graph.edges.map((e) => [e.id, e.kind, e.events.join('+')])).toEqual([
      ['registered->accepted', 'forward', 'ACCEPT'],
      ['registered->awaiting_correction', 'forward', 'REQUEST_CORRECTION'],
      ['awaiting_correction->accepted', 'forward', 'RECEIVE_CORRECTION'],
      ['awaiting_correction->closed', 'abandon', 'CLOSE_UNCORRECTED'],
      ['accepted->consulting', 'forward', 'START_CONSULTATION'],
      ['accepted->fee_pending', 'forward', 'NOTIFY_FEE'],
      ['accepted->reply_drafted', 'forward', 'DRAFT_REPLY'],
      ['consulting->accepted', 'back', 'END_CONSULTATION'],
      ['fee_pending->accepted', 'back', 'RECORD_FEE_PAID'],
      ['fee_pending->closed', 'abandon', 'CLOSE_FEE_UNPAID'],
      ['reply_drafted->reply_reviewed', 'forward', 'REVIEW_REPLY'],
      ['reply_reviewed->reply_drafted', 'back', 'DRAFT_REPLY'],
      ['reply_reviewed->closed', 'forward', 'SEND_REPLY'],
    ]);
  });

  it('notes the events that keep a request where it is on the node', () => {
    expect(graph.nodes.find((n) => n.id === 'accepted')!.stays).toEqual(['REQUEST_EXTENSION', 'APPROVE_EXTENSION']);
    expect(graph.nodes.find((n) => n.id === 'reply_drafted')!.stays).toEqual(['DRAFT_REPLY', 'REQUEST_EXTENSION', 'APPROVE_EXTENSION']);
  });

  it('draws an edited flow, and a half-edited one without dangling arrows', () => {
    expect(requestGraph(withLeaderSignoff()).edges.map((e) => e.id)).toContain('reply_reviewed->reply_signed');
    const broken = structuredClone(requestFlowDefinition);
    broken.steps[0]!.transitions![0]!.to = 'nowhere';
    expect(requestGraph(broken).edges.some((e) => e.to === 'nowhere')).toBe(false);
    expect(requestPathEdgeIds(['registered', 'accepted', 'accepted', 'reply_drafted'])).toEqual(['registered->accepted', 'accepted->reply_drafted']);
  });
});
