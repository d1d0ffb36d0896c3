/**
 * `<kind> export KEY`, `<kind> validate FILE`, `<kind> import FILE` for definitions kept as
 * JSON files (workflows, forms). Each kind supplies its own services; reading the file,
 * the messages and the exit codes are the same for all.
 */
import fs from 'node:fs';
import { badRequest } from '../services/errors';
import type { ServiceContext } from '../services/service-context';

export interface DefinitionKind<Issue> {
  /** 流程 / 表单, as the messages name it. */
  noun: string;
  usage: string;
  latest(services: ServiceContext, key: string): Promise<unknown>;
  validate(services: ServiceContext, definition: unknown): Promise<{ issues: Issue[] }> | { issues: Issue[] };
  /** The issues as the admin page words them (“…，不能发布：…”). */
  issuesMessage(issues: Issue[]): string;
  publish(services: ServiceContext, definition: unknown, notes: string): Promise<{ version: number }>;
}

function readJson(file: string | undefined, usage: string): unknown {
  if (!file) throw badRequest(usage);
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

/** Runs one subcommand; returns the exit code (1 when a definition has issues). */
export async function definitionCommand<Issue>(kind: DefinitionKind<Issue>, services: ServiceContext, args: string[], print: (line: string) => void): Promise<number> {
  const [sub, arg] = args;
  switch (sub) {
    case 'export': {
      if (!arg) throw badRequest(kind.usage);
      print(JSON.stringify(await kind.latest(services, arg), null, 2));
      return 0;
    }
    case 'validate': {
      const { issues } = await kind.validate(services, readJson(arg, kind.usage));
      if (!issues.length) {
        print(`${kind.noun}定义校验通过。`);
        return 0;
      }
      print(kind.issuesMessage(issues).replace('，不能发布', ''));
      return 1;
    }
    case 'import': {
      const definition = readJson(arg, kind.usage);
      const { version } = await kind.publish(services, definition, `命令行导入：${arg}`);
      print(`已发布${kind.noun}「${String((definition as { key: string }).key)}」第 ${version} 版。`);
      return 0;
    }
    default:
      throw badRequest(kind.usage);
  }
}
