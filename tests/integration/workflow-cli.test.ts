import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseReviewDefinition } from '../../workflows/index';
import { startTestServer, type TestServer } from '../support/test-server';
import { runCli as runCliOn, writeInputFile } from '../support/run-cli';
import { currentDefinition, pinnedDefinition } from '../../server/services/workflow-definitions';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
});
afterAll(() => server.close());

const runCli = (args: string[]) => runCliOn(server.databaseUrl, args);
const file = (name: string, content: unknown) => writeInputFile(server.dir, name, content);
const withoutLeader = {
  ...releaseReviewDefinition,
  steps: releaseReviewDefinition.steps.filter((s) => s.id !== 'leader_signoff').map((s) => ({ ...s, returnTargets: s.returnTargets?.filter((t) => t !== 'leader_signoff') })),
};

// Each CLI run starts a fresh Node process with tsx: slow on a busy machine, whatever the code does.
describe('workflow CLI', { timeout: 180_000 }, () => {
  it('exports the latest definition as JSON', async () => {
    const out = await runCli(['workflow', 'export', 'release-review']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(releaseReviewDefinition);
  });

  it('validates a file: Chinese issues and a non-zero exit when there are any', async () => {
    const bad = await runCli(['workflow', 'validate', file('bad.json', withoutLeader)]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^流程定义未通过校验：\n1\. 步骤「发布」（publication）：文件可以在最后一次修改内容后未经领导签批即到达发布/);
    const good = await runCli(['workflow', 'validate', file('good.json', releaseReviewDefinition)]);
    expect([good.code, good.stdout.trim()]).toEqual([0, '流程定义校验通过。']);
    const notJson = await runCli(['workflow', 'validate', file('broken.json', '{ "key": ')]);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain('文件不是有效的 JSON');
  });

  it('imports a file as a new version, refusing an invalid one; the running server sees it', async () => {
    const { db } = server.services.database;
    expect((await currentDefinition(db, 'release-review')).version).toBe(1);
    const refused = await runCli(['workflow', 'import', file('bad.json', withoutLeader)]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('流程定义未通过校验，不能发布');
    const edited = { ...releaseReviewDefinition, steps: releaseReviewDefinition.steps.map((s) => (s.id === 'legality_review' ? { ...s, dueWorkingDays: 5 } : s)) };
    const imported = await runCli(['workflow', 'import', file('edited.json', edited)]);
    expect([imported.code, imported.stdout.trim()]).toEqual([0, '已发布流程「release-review」第 2 版。']);
    const exported = JSON.parse((await runCli(['workflow', 'export', 'release-review'])).stdout) as typeof releaseReviewDefinition;
    expect(exported.version).toBe(2);
    expect(exported.steps.find((s) => s.id === 'legality_review')!.dueWorkingDays).toBe(5);
    // Published by another process: this server's next new document starts on it.
    expect((await currentDefinition(db, 'release-review')).steps.find((s) => s.id === 'legality_review')!.dueWorkingDays).toBe(5);
    expect((await pinnedDefinition(db, 'release-review', 1)).steps.find((s) => s.id === 'legality_review')!.dueWorkingDays).toBe(3);
    const audit = await server.services.database.client.execute("SELECT actor_id, to_state FROM audit_log WHERE action = 'workflow.publish'");
    expect(audit.rows.map((r) => [r.actor_id, r.to_state])).toEqual([[null, 'release-review@2']]);
  });
});
