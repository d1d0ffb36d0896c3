/**
 * `form export KEY`, `form validate FILE`, `form import FILE`: drafting-form definitions as
 * JSON files, like `workflow …`. Import goes through the same service as the form builder,
 * so a form that drops a field the workflow depends on is refused here too.
 */
import fs from 'node:fs';
import { badRequest } from '../services/errors';
import { formIssuesMessage, publishForm, validateForm } from '../services/form-admin-service';
import { currentForm } from '../services/form-definitions';
import type { ServiceContext } from '../services/service-context';

const USAGE = '用法：form export <表单标识> | form validate <文件.json> | form import <文件.json>';

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

/** Runs one form subcommand; returns the exit code (1 when a definition has issues). */
export async function formCommand(services: ServiceContext, args: string[], print: (line: string) => void = console.log): Promise<number> {
  const [sub, arg] = args;
  switch (sub) {
    case 'export': {
      if (!arg) throw badRequest(USAGE);
      print(JSON.stringify(await currentForm(services.database.db, arg), null, 2));
      return 0;
    }
    case 'validate': {
      const { issues } = validateForm(readJson(arg));
      if (!issues.length) {
        print('表单定义校验通过。');
        return 0;
      }
      print(formIssuesMessage(issues).replace('，不能发布', ''));
      return 1;
    }
    case 'import': {
      const definition = readJson(arg);
      const { version } = await publishForm(services, null, { definition, notes: `命令行导入：${arg}` });
      print(`已发布表单「${String((definition as { key: string }).key)}」第 ${version} 版。`);
      return 0;
    }
    default:
      throw badRequest(USAGE);
  }
}
