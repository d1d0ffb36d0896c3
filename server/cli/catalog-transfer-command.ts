import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { asc, eq } from 'drizzle-orm';
import { mappingFromKeys, type ColumnMapping } from '../../forms/catalog-columns';
import { userRoles, users } from '../db/schema/index';
import { importCatalogFromFile } from '../services/catalog-import-service';
import { exportCatalog } from '../services/catalog-export-service';
import { exportAuditLog } from '../services/audit-export-service';
import { ShenfaError } from '../services/errors';
import { loadSessionUser, type SessionUser } from '../services/users';
import type { ServiceContext } from '../services/service-context';

/** A progress bar on a terminal; plain lines every few seconds when the output is a file or pipe. */
function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  let lastLine = 0;
  let lastPhase = '';
  return {
    update(phase: string, done: number, total: number) {
      if (stream.isTTY) {
        const width = 30;
        const share = total > 0 ? Math.min(1, done / total) : 0;
        const bar = total > 0 ? `[${'#'.repeat(Math.round(share * width)).padEnd(width, '.')}] ${String(Math.round(share * 100)).padStart(3)}%` : '';
        stream.write(`\r${phase} ${bar} ${done}${total ? ` / ${total}` : ''} 行   `);
        return;
      }
      if (phase !== lastPhase || Date.now() - lastLine > 2000 || (total > 0 && done >= total)) {
        stream.write(`${phase} ${done}${total ? ` / ${total}` : ''} 行\n`);
        lastLine = Date.now();
        lastPhase = phase;
      }
    },
    end() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}

/** Whose name the CLI writes under: `--as <username>`, else the first admin. */
async function actingUser(ctx: ServiceContext, username: string | undefined): Promise<SessionUser> {
  const { db } = ctx.database;
  const [row] = username
    ? await db.select({ id: users.id }).from(users).where(eq(users.username, username))
    : await db.select({ id: users.id }).from(users).innerJoin(userRoles, eq(userRoles.userId, users.id)).where(eq(userRoles.role, 'admin')).orderBy(asc(users.createdAt)).limit(1);
  const user = row ? await loadSessionUser(db, row.id) : null;
  if (!user) throw new ShenfaError('BAD_REQUEST', username ? `未找到用户 ${username}` : '数据库中没有管理员，请用 --as 指定用户');
  return user;
}

function parseMapping(text: string | undefined): ColumnMapping | null {
  if (!text) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ShenfaError('BAD_REQUEST', '--mapping 不是有效的 JSON，应形如 {"标题":"文件名称","主题分类":"分类"}');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json) || Object.values(json).some((v) => typeof v !== 'string')) throw new ShenfaError('BAD_REQUEST', '--mapping 应为「字段 → 文件列名」的 JSON 对象');
  const { mapping, unknown } = mappingFromKeys(json as Record<string, string>);
  if (unknown.length) throw new ShenfaError('BAD_REQUEST', `--mapping 中有未知字段：${unknown.join('、')}`);
  return mapping;
}

/** `import catalog FILE [--mapping JSON] [--as USER]`: exit 0 imported, 4 rows refused (nothing written). */
export async function importCommand(ctx: ServiceContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { mapping: { type: 'string' }, as: { type: 'string' } } });
  const [what, file] = positionals;
  if (what !== 'catalog' || !file) throw new ShenfaError('BAD_REQUEST', '用法：import catalog <文件.xlsx|.csv> [--mapping JSON] [--as 用户名]');
  if (!fs.existsSync(file)) throw new ShenfaError('BAD_REQUEST', `文件不存在：${file}`);
  const user = await actingUser(ctx, values.as);
  const bar = progressBar();
  const started = Date.now();
  const { report, result } = await importCatalogFromFile(ctx, user, path.resolve(file), parseMapping(values.mapping), (phase, done, total) => bar.update(phase === 'validating' ? '校验' : '写入', done, total));
  bar.end();
  if (!result) {
    console.error(`校验未通过：共 ${report.total} 行，${report.errorRows} 行有误（${report.errorCount} 处），未导入任何内容。`);
    for (const e of report.errors.slice(0, 50)) console.error(`  第 ${e.rowNumber} 行${e.column ? `「${e.column}」` : ''}：${e.message}`);
    if (report.errors.length > 50) console.error(`  ……另有 ${report.errorCount - 50} 处`);
    return 4;
  }
  console.log(`已导入 ${result.imported} 条（索引号 ${result.firstIndexNumber} … ${result.lastIndexNumber}），用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`);
  return 0;
}

/** `export catalog FILE` / `export audit FILE`; the format follows the extension (.xlsx or .csv). */
export async function exportCommand(ctx: ServiceContext, args: string[]): Promise<number> {
  const [what, file] = args;
  const format = file?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : file?.toLowerCase().endsWith('.csv') ? 'csv' : null;
  if ((what !== 'catalog' && what !== 'audit') || !file || !format) throw new ShenfaError('BAD_REQUEST', '用法：export catalog|audit <文件.xlsx|.csv>');
  const out = fs.createWriteStream(file);
  const finished = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
  });
  await (what === 'catalog' ? exportCatalog(ctx, format, out) : exportAuditLog(ctx, format, out));
  await finished;
  console.log(`已导出到 ${file}`);
  return 0;
}
