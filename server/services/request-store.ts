/** Reading and writing information requests: the pieces every request service shares. */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { infoRequests, requestEvents, requestNumberSequences } from '../db/schema/index';
import type { PersistedRequest } from '../../workflows/requests/request-engine';
import type { ClockEvent } from '../../workflows/clocks/index';
import type { InfoRequestForm } from '../../forms/info-request';
import { notFound } from './errors';
import type { RequestFlowDefinition } from '../../workflows/requests/request-flow-definition';
import { pinnedRequestFlow } from './workflow-definitions';

export type InfoRequestRow = typeof infoRequests.$inferSelect;

export async function loadRequest(db: Db, id: string): Promise<InfoRequestRow> {
  const [row] = await db.select().from(infoRequests).where(eq(infoRequests.id, id));
  if (!row) throw notFound('未找到该申请');
  return row;
}

export function requestState(row: Pick<InfoRequestRow, 'snapshot'>): PersistedRequest {
  return row.snapshot as PersistedRequest;
}

/** The request flow a request is pinned to. */
export function requestFlowOf(db: Db, row: Pick<InfoRequestRow, 'workflowKey' | 'workflowVersion'>): Promise<RequestFlowDefinition> {
  return pinnedRequestFlow(db, row.workflowKey, row.workflowVersion);
}

/**
 * Loads the flows a list of requests is pinned to, then answers synchronously (list pages).
 * @example const flowOf = await requestFlowLookup(db, rows); rows.map((r) => flowOf(r).steps)
 */
export async function requestFlowLookup(db: Db, rows: readonly Pick<InfoRequestRow, 'workflowKey' | 'workflowVersion'>[]) {
  const loaded = new Map<string, RequestFlowDefinition>();
  for (const r of rows) {
    const id = `${r.workflowKey}@${r.workflowVersion}`;
    if (!loaded.has(id)) loaded.set(id, await requestFlowOf(db, r));
  }
  return (row: Pick<InfoRequestRow, 'workflowKey' | 'workflowVersion'>): RequestFlowDefinition => loaded.get(`${row.workflowKey}@${row.workflowVersion}`)!;
}

/** Letters that cannot be misread for one another (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A secret code like 'K7QM-R2XD-9PFA', shown once to the applicant. */
export function newSecretCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** Hash of a code as typed: case, spaces and dashes do not matter. */
export function hashSecretCode(code: string): string {
  return createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest('hex');
}

export function secretCodeMatches(code: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecretCode(code), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** 'QY-2026-0012'; the sequence restarts each year of receipt. */
export const REQUEST_NO_PATTERN = /^QY-\d{4}-\d{4,}$/;

/**
 * The statements that register a request: bump the year's sequence and insert the row with
 * its number taken from the sequence in SQL, so two registrations never share a number.
 */
export function insertRequestStatements(
  db: Db,
  input: { id: string; form: InfoRequestForm; channel: string; receivedAt: string; secretCodeHash: string; formNonce: string | null; state: PersistedRequest; flow: { key: string; version: number }; registeredBy: string | null; now: number },
) {
  const year = Number(input.receivedAt.slice(0, 4));
  const prefix = `QY-${year}-`;
  const { form } = input;
  return [
    db.insert(requestNumberSequences).values({ year, last: 1 }).onConflictDoUpdate({ target: requestNumberSequences.year, set: { last: sql`${requestNumberSequences.last} + 1` } }),
    db.insert(infoRequests).values({
      id: input.id,
      requestNo: sql`${prefix} || printf('%04d', (SELECT last FROM request_number_sequences WHERE year = ${year}))`,
      status: input.state.value,
      channel: input.channel,
      applicantType: form.applicantType,
      applicantName: form.applicantName,
      applicantIdNumber: form.applicantIdNumber,
      organisationName: form.applicantType === 'natural_person' ? '' : form.organisationName,
      contactPhone: form.contactPhone,
      email: form.email,
      address: form.address,
      description: form.description,
      purpose: form.purpose,
      deliveryForm: form.deliveryForm,
      receivedAt: input.receivedAt,
      secretCodeHash: input.secretCodeHash,
      formNonce: input.formNonce,
      snapshot: input.state,
      registeredBy: input.registeredBy,
      workflowKey: input.flow.key,
      workflowVersion: input.flow.version,
      createdAt: input.now,
      updatedAt: input.now,
    }),
    ...eventInserts(db, input.id, input.state.context.clock, input.registeredBy, input.now),
  ];
}

export function eventInserts(db: Db, requestId: string, events: readonly ClockEvent[], actorId: string | null, now: number, note = '') {
  return events.map((e) => db.insert(requestEvents).values({ id: randomBytes(12).toString('hex'), requestId, name: e.name, date: e.date, days: e.days ?? null, note, actorId, createdAt: now }));
}
