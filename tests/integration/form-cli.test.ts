/**
 * `npm run shenfa -- form export|validate|import`: drafting forms as JSON files through the
 * same validation and publish service as the form builder; a running server sees the new
 * version at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftDocumentForm } from '../../forms/index';
import { startTestServer, type TestServer } from '../support/test-server';
import { runCli as runCliOn, writeInputFile } from '../support/run-cli';
import { currentForm } from '../../server/services/form-definitions';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
});
afterAll(() => server.close());

const runCli = (args: string[]) => runCliOn(server.databaseUrl, args);
const file = (name: string, content: unknown) => writeInputFile(server.dir, name, content);
const withoutAttribute = { ...draftDocumentForm, fields: draftDocumentForm.fields.filter((f) => f.key !== 'attribute') };

// Each CLI run starts a fresh Node process with tsx: slow on a busy machine, whatever the code does.
describe('form CLI', { timeout: 180_000 }, () => {
  it('exports, validates with Chinese issues and a non-zero exit, and imports a new version the server sees', async () => {
    const exported = await runCli(['form', 'export', 'draft_document']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(draftDocumentForm);

    const bad = await runCli(['form', 'validate', file('bad.json', withoutAttribute)]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^表单定义未通过校验：\n1\. 不能删除字段「公开属性」（attribute）：审查流程的条件依赖该字段/);
    const refused = await runCli(['form', 'import', file('bad.json', withoutAttribute)]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('表单定义未通过校验，不能发布');

    const edited = { ...draftDocumentForm, fields: [...draftDocumentForm.fields, { key: 'contactPhone', type: 'text', label: { zh: '联系电话', en: 'Contact phone' }, rules: { pattern: '^[0-9-]{7,20}$' } }] };
    const imported = await runCli(['form', 'import', file('edited.json', edited)]);
    expect([imported.code, imported.stdout.trim()]).toEqual([0, '已发布表单「draft_document」第 2 版。']);
    expect((await currentForm(server.services.database.db, 'draft_document')).fields.at(-1)?.key).toBe('contactPhone');
  });
});
