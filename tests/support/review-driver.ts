import type { ApiClient } from './api-client';
import { signedIn } from './api-client';

/** Which demo user acts at each step of the default flow. */
export const ACTOR_FOR_STEP: Record<string, string> = {
  stats_review: 'stats',
  legality_review: 'legal',
  secrecy_review: 'secrecy',
  leader_signoff: 'leader',
  committee_decision: 'director',
  filing: 'publisher',
  publication: 'publisher',
};

export const ALL_CHECKS = { political: true, legal: true, policy: true, secrecy: true, wording: true };

export type Clients = Record<string, ApiClient>;

export async function signInAll(url: string, usernames: string[]): Promise<Clients> {
  const entries = await Promise.all(usernames.map(async (u) => [u, await signedIn(url, u)] as const));
  return Object.fromEntries(entries);
}

/** Approves (or publishes) the document's current step as the user the step belongs to; returns the step acted on. */
export async function actOnCurrentStep(clients: Clients, documentId: string): Promise<string> {
  const probe = await clients.drafter!.trpc.documents.get.query({ id: documentId }).catch(() => null);
  const step = probe?.currentStep.id;
  const username = step ? ACTOR_FOR_STEP[step] : undefined;
  if (!step || !username) throw new Error(`no actor for step ${step}`);
  const client = clients[username]!;
  const doc = await client.trpc.documents.get.query({ id: documentId });
  if (!doc.openTask) throw new Error(`${username} has no task at ${step}`);
  const target = { documentId, expectedVersion: doc.version, taskId: doc.openTask.id };
  if (step === 'publication') await client.trpc.publication.publish.mutate(target);
  else await client.trpc.review.approve.mutate({ ...target, opinion: '同意', checks: ALL_CHECKS });
  return step;
}

/** Acts on every step until the document leaves review; returns the steps visited in order. */
export async function driveThroughReview(clients: Clients, documentId: string): Promise<string[]> {
  const visited: string[] = [];
  for (let i = 0; i < 12; i++) {
    const doc = await clients.drafter!.trpc.documents.get.query({ id: documentId });
    if (!['in_review', 'awaiting_publication'].includes(doc.status)) return visited;
    visited.push(await actOnCurrentStep(clients, documentId));
  }
  throw new Error('review did not finish');
}
