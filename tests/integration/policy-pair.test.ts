import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { failure } from '../support/api-client';
import { actOnCurrentStep, signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';

const clock = Date.parse('2026-09-25T10:00:00+08:00');
let server: TestServer;
let clients: Clients;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  clients = await signInAll(server.url, ['drafter', 'drafter2', 'legal', 'secrecy', 'leader', 'publisher']);
});
afterAll(() => server.close());

async function untilStep(id: string, step: string) {
  for (let i = 0; i < 10; i++) {
    const doc = await clients.drafter!.trpc.documents.get.query({ id });
    if (doc.currentStep.id === step) return;
    await actOnCurrentStep(clients, id);
  }
  throw new Error(`never reached ${step}`);
}

describe('a policy and its interpretation (政策解读)', () => {
  it('signs them off together, publishes the policy only when its interpretation is signed, and starts the interpretation clock', async () => {
    const policyCategory = await categoryId(clients.drafter!, 'policy');
    const policy = await clients.drafter!.trpc.documents.create.mutate(draftInput(policyCategory, { title: '清源市最低生活保障审核确认办法', docNumber: '清民规〔2026〕2号' }));
    const options = await clients.drafter!.trpc.documents.policyOptions.query();
    expect(options.map((o) => o.id)).toContain(policy.id);
    const interpretation = await clients.drafter!.trpc.documents.create.mutate(
      draftInput(await categoryId(clients.drafter!, 'interpretation'), { title: '《清源市最低生活保障审核确认办法》政策解读', policyDocumentId: policy.id }),
    );
    const selfLink = await failure(clients.drafter!.trpc.documents.update.mutate({ id: policy.id, expectedVersion: policy.version, data: draftInput(policyCategory, { policyDocumentId: policy.id }) }));
    expect(selfLink.code).toBe('BAD_REQUEST');
    for (const doc of [policy, interpretation]) await clients.drafter!.trpc.review.submit.mutate({ documentId: doc.id, expectedVersion: doc.version });

    const policyView = await clients.drafter!.trpc.documents.get.query({ id: policy.id });
    expect(policyView.interpretations.map((i) => i.id)).toEqual([interpretation.id]);
    expect((await clients.drafter!.trpc.documents.get.query({ id: interpretation.id })).policy?.id).toBe(policy.id);

    await untilStep(policy.id, 'publication');
    const atPublication = await clients.publisher!.trpc.documents.get.query({ id: policy.id });
    const blocked = await failure(clients.publisher!.trpc.publication.publish.mutate({ documentId: policy.id, expectedVersion: atPublication.version, taskId: atPublication.openTask!.id }));
    expect(blocked.code).toBe('BAD_REQUEST');
    expect(blocked.message).toContain('同步审签');

    await untilStep(interpretation.id, 'publication');
    const ready = await clients.publisher!.trpc.documents.get.query({ id: policy.id });
    await clients.publisher!.trpc.publication.publish.mutate({ documentId: policy.id, expectedVersion: ready.version, taskId: ready.openTask!.id });
    const clockRow = await server.services.database.client.execute({ sql: 'SELECT rule, started_on, due_date FROM document_clocks WHERE document_id = ?', args: [interpretation.id] });
    // Interpretation within 3 working days of 9/25 (Fri): 9/28, 9/29, 9/30.
    expect(clockRow.rows[0]).toMatchObject({ rule: 'policy_interpretation', started_on: '2026-09-25', due_date: '2026-09-30' });
  });
});

describe('谁起草、谁解读', () => {
  it('refuses an interpretation of another section\'s policy', async () => {
    const policy = await clients.drafter!.trpc.documents.create.mutate(draftInput(await categoryId(clients.drafter!, 'policy'), { title: '社会救助科的政策文件' }));
    expect((await clients.drafter2!.trpc.documents.policyOptions.query()).some((o) => o.id === policy.id)).toBe(false);
    const refusal = await failure(
      clients.drafter2!.trpc.documents.create.mutate(draftInput(await categoryId(clients.drafter2!, 'interpretation'), { title: '越科室解读', policyDocumentId: policy.id })),
    );
    expect(refusal.code).toBe('BAD_REQUEST');
    expect(refusal.message).toContain('谁起草、谁解读');
  });
});
