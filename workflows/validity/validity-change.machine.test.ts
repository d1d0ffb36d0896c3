import { describe, expect, it } from 'vitest';
import { decideValidityChange } from './validity-change.machine';

const proposer = { id: 'drafter-1', roles: ['drafter', 'legal'] as const };
const legal = { id: 'legal-1', roles: ['legal'] as const };
const publisher = { id: 'pub-1', roles: ['publisher'] as const };
const ctx = { proposerId: proposer.id };

describe('validity change review', () => {
  it('is approved or rejected by a legality reviewer', () => {
    expect(decideValidityChange('pending', ctx, { type: 'APPROVE', actor: legal })).toEqual({ state: 'approved', effects: ['applyValidity', 'notifyProposer'] });
    expect(decideValidityChange('pending', ctx, { type: 'REJECT', actor: legal })).toEqual({ state: 'rejected', effects: ['notifyProposer'] });
  });

  it('refuses the proposer (even holding the legal role) and other roles', () => {
    expect(decideValidityChange('pending', ctx, { type: 'APPROVE', actor: proposer })).toBeNull();
    expect(decideValidityChange('pending', ctx, { type: 'APPROVE', actor: publisher })).toBeNull();
  });

  it('cannot decide twice', () => {
    expect(decideValidityChange('approved', ctx, { type: 'REJECT', actor: legal })).toBeNull();
    expect(decideValidityChange('rejected', ctx, { type: 'APPROVE', actor: legal })).toBeNull();
  });
});
