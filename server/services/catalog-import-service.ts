import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { suggestMapping, CATALOG_COLUMNS, type ColumnMapping } from '../../forms/catalog-columns';
import type { Role } from '../../workflows/roles';
import { badRequest, conflict, forbidden, notFound } from './errors';
import { sheetHeaders } from './catalog-file-reader';
import { validateCatalogFile, type ImportValidation } from './catalog-import-validation';
import { commitCatalogImport, type CatalogImportResult } from './catalog-import-commit';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

/** The disclosure office (publisher) and admins bring in the catalog of past disclosures. */
export const CATALOG_IMPORT_ROLES: readonly Role[] = ['admin', 'publisher'];
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export type ImportPhase = 'uploaded' | 'validating' | 'writing' | 'done' | 'failed';

/**
 * An uploaded file on its way in. Kept in this process's memory: the import itself is one
 * transaction, so a restart loses nothing but the upload (nothing was written).
 */
interface ImportJob {
  id: string;
  ownerId: string;
  fileName: string;
  file: string;
  sha256: string;
  headers: string[];
  phase: ImportPhase;
  /** Bytes of the file: reading it again is the first half of the bar. */
  size: number;
  bytesRead: number;
  /** Rows the last check counted: reading them again is measured against it. */
  checkedRows: number;
  done: number;
  total: number;
  result: CatalogImportResult | null;
  report: ImportValidation | null;
  error: string | null;
}

const jobs = new Map<string, ImportJob>();

export function assertMayImport(user: SessionUser) {
  if (!CATALOG_IMPORT_ROLES.some((r) => user.roles.includes(r))) throw forbidden('您没有执行此操作的权限');
}

function ownJob(user: SessionUser, jobId: string): ImportJob {
  const job = jobs.get(jobId);
  if (!job || job.ownerId !== user.id) throw notFound('未找到该导入任务，请重新上传文件');
  return job;
}

/** The whole run as one share for the progress bar: reading and checking the file is the first half, writing the second. */
function share(job: ImportJob): number {
  if (job.phase === 'done') return 1;
  if (job.phase === 'writing') return 0.5 + (job.total ? (0.5 * job.done) / job.total : 0);
  if (job.phase === 'validating') {
    // Rows against the last check's count; bytes only without one (an .xlsx is read whole long before its rows are).
    if (job.checkedRows) return (0.5 * Math.min(job.done, job.checkedRows)) / job.checkedRows;
    return job.size ? (0.5 * Math.min(job.bytesRead, job.size)) / job.size : 0;
  }
  return 0;
}

const publicView = (job: ImportJob) => ({
  jobId: job.id, fileName: job.fileName, phase: job.phase, share: share(job), done: job.done, total: job.total, result: job.result, report: job.report, error: job.error,
});
export type ImportJobView = ReturnType<typeof publicView>;

/** Saves the uploaded spreadsheet and reads its header row; answers the headers and a suggested mapping. */
export async function uploadCatalogFile(ctx: ServiceContext, user: SessionUser, input: { name: string; bytes: Uint8Array }) {
  assertMayImport(user);
  if (!/\.(xlsx|csv)$/i.test(input.name)) throw badRequest('请上传 .xlsx 或 .csv 文件');
  if (input.bytes.length === 0) throw badRequest('文件是空的');
  if (input.bytes.length > MAX_IMPORT_BYTES) throw badRequest('文件不能超过 200 MB');
  const id = crypto.randomUUID();
  const dir = path.join(ctx.config.dataDir, 'imports');
  await fs.promises.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${id}${path.extname(input.name).toLowerCase()}`);
  await fs.promises.writeFile(file, input.bytes);
  try {
    const headers = await sheetHeaders(file);
    const job: ImportJob = {
      id, ownerId: user.id, fileName: path.basename(input.name).slice(0, 200), file, sha256: createHash('sha256').update(input.bytes).digest('hex'),
      headers, phase: 'uploaded', size: input.bytes.length, bytesRead: 0, checkedRows: 0, done: 0, total: 0, result: null, report: null, error: null,
    };
    jobs.set(id, job);
    return { jobId: id, fileName: job.fileName, headers, mapping: suggestMapping(headers) };
  } catch (error) {
    await fs.promises.rm(file, { force: true });
    throw error;
  }
}

/** Checks every row with this mapping and reports; writes nothing. */
export async function checkCatalogImport(ctx: ServiceContext, user: SessionUser, input: { jobId: string; mapping: ColumnMapping }): Promise<ImportValidation> {
  assertMayImport(user);
  const job = ownJob(user, input.jobId);
  if (job.phase !== 'uploaded') throw conflict('该文件已在导入或已导入完毕');
  const { report } = await validateCatalogFile(ctx, job.file, input.mapping);
  job.checkedRows = report.total;
  return report;
}

/**
 * Starts the import in the background and answers at once; the client polls `importStatus`.
 * The rows are checked again (the mapping may have changed since); any error writes nothing.
 */
export async function startCatalogImport(ctx: ServiceContext, user: SessionUser, input: { jobId: string; mapping: ColumnMapping }): Promise<ImportJobView> {
  assertMayImport(user);
  const job = ownJob(user, input.jobId);
  if (job.phase !== 'uploaded') throw conflict('该文件已在导入或已导入完毕');
  if ([...jobs.values()].some((j) => j.phase === 'validating' || j.phase === 'writing')) throw conflict('另一份目录正在导入，请稍后再试');
  job.phase = 'validating';
  void runImport(ctx, user, job, input.mapping);
  return publicView(job);
}

async function runImport(ctx: ServiceContext, user: SessionUser, job: ImportJob, mapping: ColumnMapping) {
  try {
    const { report, rows } = await validateCatalogFile(ctx, job.file, mapping, (read) => (job.done = read), (bytes) => (job.bytesRead = bytes));
    job.report = report;
    if (report.errorCount > 0) throw badRequest(`有 ${report.errorRows} 行不符合要求，未导入任何内容`);
    if (rows.length === 0) throw badRequest('文件中没有可导入的行');
    job.phase = 'writing';
    job.total = rows.length;
    job.done = 0;
    job.result = await commitCatalogImport(ctx, user, rows, { importId: job.id, fileName: job.fileName, sha256: job.sha256 }, (done) => (job.done = done));
    job.phase = 'done';
  } catch (error) {
    job.phase = 'failed';
    job.error = error instanceof Error && error.name === 'ShenfaError' ? error.message : '导入失败，未写入任何内容';
    if (job.error === '导入失败，未写入任何内容') console.error(error);
  } finally {
    await fs.promises.rm(job.file, { force: true });
  }
}

export function catalogImportStatus(user: SessionUser, jobId: string): ImportJobView {
  assertMayImport(user);
  return publicView(ownJob(user, jobId));
}

/** The template's headers, for the UI's mapping step. */
export const catalogColumns = () => CATALOG_COLUMNS.map(({ field, header, en, required }) => ({ field, header, en, required }));

/**
 * The CLI's way in: a file on disk, checked, then committed by the same services; progress
 * through `onProgress`. Throws with the first errors when a row is wrong (nothing written).
 */
export async function importCatalogFromFile(
  ctx: ServiceContext,
  user: SessionUser,
  file: string,
  mapping: ColumnMapping | null,
  onProgress: (phase: 'validating' | 'writing', done: number, total: number) => void = () => {},
): Promise<{ report: ImportValidation; result: CatalogImportResult | null }> {
  assertMayImport(user);
  const chosen = mapping ?? suggestMapping(await sheetHeaders(file));
  const { report, rows } = await validateCatalogFile(ctx, file, chosen, (read) => onProgress('validating', read, 0));
  if (report.errorCount > 0 || rows.length === 0) return { report, result: null };
  const bytes = await fs.promises.readFile(file);
  const result = await commitCatalogImport(ctx, user, rows, { importId: crypto.randomUUID(), fileName: path.basename(file), sha256: createHash('sha256').update(bytes).digest('hex') }, (done) => onProgress('writing', done, rows.length));
  return { report, result };
}
