/**
 * The migration that pins requests to a request-flow version: a request registered before it
 * (on the previous schema) ends up on info-request version 1, and version 1 is the shipped
 * definition. Run on a bare libsql file with the migration files themselves, in journal order.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { requestFlowDefinition } from '../../workflows/requests/request-flow.definition';
import { parseAnyDefinition } from '../../workflows/any-definition';

const DIR = path.resolve('server/db/migrations');
const MINE = '20261124004657_request_flow_versions';

function statements(tag: string): string[] {
  return fs.readFileSync(path.join(DIR, `${tag}.sql`), 'utf8').split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean);
}

describe('the request-flow versions migration', () => {
  it('backfills version 1 on requests registered before it and seeds info-request v1', async () => {
    const journal = JSON.parse(fs.readFileSync(path.join(DIR, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const tags = journal.entries.map((e) => e.tag);
    const client = createClient({ url: `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-mig-')), 'db.sqlite')}` });
    try {
      for (const tag of tags.slice(0, tags.indexOf(MINE))) for (const sql of statements(tag)) await client.execute(sql);
      // A request as the previous schema stored it: no flow columns.
      await client.execute({
        sql: `INSERT INTO info_requests (id, request_no, status, channel, applicant_type, applicant_name, description, delivery_form, received_at, secret_code_hash, snapshot, created_at, updated_at)
              VALUES ('r1', 'QY-2026-0001', 'accepted', 'letter', 'natural_person', '张三', '申请公开某某信息', 'paper', '2026-03-02', 'x', '{}', 0, 0)`,
        args: [],
      });
      for (const sql of statements(MINE)) await client.execute(sql);
      const row = (await client.execute("SELECT workflow_key, workflow_version FROM info_requests WHERE id = 'r1'")).rows[0]!;
      expect({ key: row.workflow_key, version: row.workflow_version }).toEqual({ key: 'info-request', version: 1 });
      const seeded = (await client.execute("SELECT definition, published_by FROM workflow_definitions WHERE key = 'info-request' AND version = 1")).rows[0]!;
      expect(seeded.published_by).toBeNull();
      expect(parseAnyDefinition(JSON.parse(String(seeded.definition)))).toEqual(requestFlowDefinition);
    } finally {
      client.close();
    }
  });
});
