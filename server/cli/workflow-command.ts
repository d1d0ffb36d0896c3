/**
 * `workflow export NAME`, `workflow validate FILE`, `workflow import FILE`: workflow
 * definitions as JSON files, for review in version control and for moving them between
 * installations. Import goes through the same service as the admin page, so an invalid
 * definition is refused here too.
 */
import fs from 'node:fs';
import { badRequest } from '../services/errors';
import type { ServiceContext } from '../services/service-context';
import { issuesMessage, publishWorkflow, validateWorkflow } from '../services/workflow-admin-service';
import { currentDefinition } from '../services/workflow-definitions';

const USAGE = '用法：workflow export <流程标识> | workflow validate <文件.json> | workflow import <文件.json>';

function readJson(file: string | undefined): unknown {
  if (!file) throw badRequest(USAGE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw badRequest(`无法读取文件：${file}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest(`文件不是有效的 JSON：${file}`);
  }
}

/** Runs one workflow subcommand; returns the exit code (1 when a definition has issues). */
export async function workflowCommand(services: ServiceContext, args: string[], print: (line: string) => void = console.log): Promise<number> {
  const [sub, arg] = args;
  switch (sub) {
    case 'export': {
      if (!arg) throw badRequest(USAGE);
      print(JSON.stringify(await currentDefinition(services.database.db, arg), null, 2));
      return 0;
    }
    case 'validate': {
      const { issues } = await validateWorkflow(services, readJson(arg));
      if (!issues.length) {
        print('流程定义校验通过。');
        return 0;
      }
      print(issuesMessage(issues).replace('，不能发布', ''));
      return 1;
    }
    case 'import': {
      const definition = readJson(arg);
      const { version } = await publishWorkflow(services, null, { definition, notes: `命令行导入：${arg}` });
      print(`已发布流程「${String((definition as { key: string }).key)}」第 ${version} 版。`);
      return 0;
    }
    default:
      throw badRequest(USAGE);
  }
}
