import { asc, gt } from 'drizzle-orm';
import { auditLog } from '../db/schema/index';
import { auditHash, GENESIS_HASH, type ChainBreak } from './audit-chain';
import type { ServiceContext } from './service-context';

const PAGE = 5000;

/** Checks the whole audit chain page by page; returns how many rows were checked and the first break, if any. */
export async function verifyAuditChain(ctx: ServiceContext): Promise<{ rows: number; broken: ChainBreak | null }> {
  const { db } = ctx.database;
  let previous = GENESIS_HASH;
  let lastSeq = 0;
  let rows = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.seq, lastSeq)).orderBy(asc(auditLog.seq)).limit(PAGE);
    for (const row of page) {
      rows++;
      if (row.prevHash !== previous) return { rows, broken: { seq: row.seq, reason: 'prev_hash_mismatch' } };
      if (auditHash(row.prevHash, row) !== row.hash) return { rows, broken: { seq: row.seq, reason: 'hash_mismatch' } };
      previous = row.hash;
      lastSeq = row.seq;
    }
    if (page.length < PAGE) return { rows, broken: null };
  }
}
