/**
 * Catalog import at scale: writes a sample catalog of N rows (.csv and .xlsx), imports each
 * into a fresh seeded database through the same service the CLI and the admin page use, and
 * prints the time of each phase.
 *   npx tsx bench/catalog-import.ts [--rows 100000] [--format csv,xlsx] [--no-body]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../server/config';
import { createServices } from '../server/bootstrap';
import { seedDemoBureau } from '../server/seed/seed-demo';
import { writeSampleCatalog } from '../server/seed/catalog-sample';
import { importCatalogFromFile } from '../server/services/catalog-import-service';
import { loadSessionUser } from '../server/services/users';
import { users } from '../server/db/schema/index';
import { eq } from 'drizzle-orm';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, format: { type: 'string', default: 'csv,xlsx' }, 'no-body': { type: 'boolean', default: false } } });
const rows = Number(values.rows);

for (const format of values.format!.split(',') as ('csv' | 'xlsx')[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-import-bench-'));
  try {
    const file = path.join(dir, `catalog.${format}`);
    let t = Date.now();
    await writeSampleCatalog(file, { rows, format, withBody: !values['no-body'] });
    const generated = Date.now() - t;
    const services = await createServices(readConfig({ DATABASE_URL: `file:${path.join(dir, 'shenfa.db')}`, SHENFA_DATA_DIR: dir }));
    await seedDemoBureau(services, 'bench-password-2026');
    const [row] = await services.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'publisher'));
    const user = (await loadSessionUser(services.database.db, row!.id))!;
    let validatedAt = 0;
    let cpuAtWrite = process.cpuUsage();
    const cpu0 = process.cpuUsage();
    t = Date.now();
    const { report, result } = await importCatalogFromFile(services, user, file, null, (phase) => {
      if (phase === 'writing' && !validatedAt) {
        validatedAt = Date.now();
        cpuAtWrite = process.cpuUsage();
      }
    });
    const cpuEnd = process.cpuUsage();
    const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => Math.round((b.user + b.system - a.user - a.system) / 1000);
    const total = Date.now() - t;
    if (!result) throw new Error(`validation failed: ${JSON.stringify(report.errors.slice(0, 5))}`);
    const count = Number((await services.database.client.execute("SELECT count(*) AS n FROM documents WHERE status = 'published'")).rows[0]!.n);
    console.log(JSON.stringify({ format, rows, fileMB: +(fs.statSync(file).size / 1e6).toFixed(1), generateMs: generated, readAndValidateMs: validatedAt - t, writeMs: Date.now() - validatedAt - (Date.now() - t - total), totalImportMs: total, cpuValidateMs: cpuMs(cpu0, cpuAtWrite), cpuWriteMs: cpuMs(cpuAtWrite, cpuEnd), loadAverage: os.loadavg()[0]!.toFixed(1), publishedInDb: count }));
    services.database.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
