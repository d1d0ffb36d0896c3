import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { preparedQuery } from '../db/prepared';
import { settings } from '../db/schema/index';

export const SETTING_KEYS = { bureauName: 'bureau_name', agencyCode: 'agency_code' } as const;
const DEFAULTS: Record<string, string> = { bureau_name: '审发示范单位', agency_code: 'SHENFA' };

export async function readSetting(db: Db, key: string): Promise<string> {
  const row = await preparedQuery(db, 'settings.byKey', (d) => d.select().from(settings).where(eq(settings.key, sql.placeholder('key'))).prepare()).get({ key });
  return row?.value ?? DEFAULTS[key] ?? '';
}

export function writeSetting(db: Db, key: string, value: string) {
  return db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
}
