/**
 * The example field-type plugin (统一社会信用代码, forms/plugins/social-credit-code.ts) end to
 * end: the server installs it at start-up, an admin publishes a form version with a field of
 * that type, and the server validates documents with it (typo refused in Chinese, nothing
 * written; a pasted full-width code stored normalised).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents } from '../../server/db/schema/index';
import { draftDocumentForm, type FormDefinition } from '../../forms/index';
import { SOCIAL_CREDIT_CODE } from '../../forms/plugins/social-credit-code';
import { failure } from '../support/api-client';
import { categoryId, draftInput } from '../support/draft-input';
import { signInAll, type Clients } from '../support/review-driver';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let clients: Clients;
let notice: string;

const withCode: FormDefinition = {
  ...draftDocumentForm,
  fields: [...draftDocumentForm.fields, { key: 'contractorCode', type: SOCIAL_CREDIT_CODE, label: { zh: '承办单位统一社会信用代码', en: 'Contractor credit code' }, required: false }],
};

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['admin', 'drafter']);
  notice = await categoryId(clients.drafter!, 'notice');
});
afterAll(() => server.close());

describe('a form field type added by a plugin', () => {
  it('is accepted in a published form and validates documents on the server', async () => {
    expect((await clients.admin!.trpc.forms.validate.mutate({ definition: withCode })).issues).toEqual([]);
    await clients.admin!.trpc.forms.publish.mutate({ definition: withCode, notes: '增加承办单位信用代码' });

    const typo = await failure(clients.drafter!.trpc.documents.create.mutate({ ...draftInput(notice, { title: '信用代码有误的通知' }), contractorCode: '914403001922038217' }));
    expect(typo).toMatchObject({ code: 'BAD_REQUEST', message: '「承办单位统一社会信用代码」校验位不符，请对照营业执照或登记证书核对' });
    expect(await server.services.database.db.select().from(documents).where(eq(documents.title, '信用代码有误的通知'))).toEqual([]);

    const ok = await clients.drafter!.trpc.documents.create.mutate({ ...draftInput(notice, { title: '信用代码正确的通知' }), contractorCode: '９１４４０３００１９２２０３８２１６' });
    const [row] = await server.services.database.db.select({ extra: documents.extraFields }).from(documents).where(eq(documents.id, ok.id));
    expect(row!.extra).toEqual({ contractorCode: '914403001922038216' });
  });
});
