import { registerRequest } from '../services/request-intake-service';
import { draftReply, reviewReply, sendReply } from '../services/reply-letter-service';
import { actOnRequest } from '../services/request-handling-service';
import { addAppeal } from '../services/request-record-service';
import { loadRequest } from '../services/request-store';
import type { SessionUser } from '../services/users';
import type { AuditContent } from '../services/audit-chain';
import { APPLICANT_TYPES, type ReplyResult, type ReplySubReason } from '../../workflows/requests/request-vocabulary';
import { cstDate } from '../time';
import { PLACES, SUBJECTS } from './scale-vocabulary';
import type { Random } from './scale-text';
import { rows } from './scale-templates';
import type { Row } from './bulk-loader';
import type { RowSink } from './row-batch';
import { orderedId, orderedShortId } from '../db/ordered-id';
import type { ServiceContext } from '../services/service-context';

/**
 * Information requests for seed-scale: one real request per outcome (still open; answered
 * disclose, partial, withhold, cannot provide, not processed; one answered and appealed) driven
 * through the real request services, then copied like the document templates, with their
 * dates (columns, events and the saved state) moved to the copy's day of receipt.
 */

const DAY = 24 * 60 * 60 * 1000;

interface RequestSpec { key: string; reply: { result: ReplyResult; subReason: ReplySubReason | null } | null; appeal: boolean; weight: number }

const REQUEST_SPECS: RequestSpec[] = [
  { key: 'open', reply: null, appeal: false, weight: 8 },
  { key: 'disclose', reply: { result: 'disclose', subReason: null }, appeal: false, weight: 45 },
  { key: 'partial', reply: { result: 'partial', subReason: null }, appeal: false, weight: 15 },
  { key: 'withhold', reply: { result: 'withhold', subReason: 'third_party_rights' }, appeal: false, weight: 10 },
  { key: 'not_held', reply: { result: 'cannot_provide', subReason: 'not_held' }, appeal: false, weight: 14 },
  { key: 'repeated', reply: { result: 'not_processed', subReason: 'repeated_request' }, appeal: false, weight: 5 },
  { key: 'withhold_appealed', reply: { result: 'withhold', subReason: 'third_party_rights' }, appeal: true, weight: 3 },
];

export interface RequestTemplate {
  spec: RequestSpec;
  request: Row;
  events: Row[];
  letters: Row[];
  appeals: Row[];
  audit: Row[];
  receivedAt: number;
}

const dayOf = (date: string) => Date.parse(`${date}T12:00:00+08:00`);

export async function buildRequestTemplates(base: ServiceContext, people: SessionUser[]): Promise<RequestTemplate[]> {
  const office = people.find((p) => p.roles.includes('publisher'));
  const head = people.find((p) => p.roles.includes('leader') && p.id !== office?.id);
  if (!office || !head) throw new Error('seed-scale needs a publisher and a leader for the request templates');
  const templates: RequestTemplate[] = [];
  for (const spec of REQUEST_SPECS) {
    let clock = Date.parse('2026-03-02T09:30:00+08:00');
    const ctx: ServiceContext = { ...base, now: () => clock };
    const receivedAt = cstDate(clock);
    const form = {
      applicantType: 'natural_person' as const, applicantName: '张明', applicantIdNumber: '11010519491231002X', organisationName: '', contactPhone: '13912345678',
      email: 'zhangming@example.cn', address: '清源市解放路 12 号', description: '2026年城市最低生活保障对象名单及保障标准', purpose: '了解本社区低保政策', deliveryForm: 'electronic' as const,
    };
    const { id } = await registerRequest(ctx, office, { form, channel: 'letter', receivedAt });
    if (spec.reply) {
      clock += 2 * DAY;
      await actOnRequest(ctx, office, { action: 'accept', requestId: id, expectedVersion: 1, date: cstDate(clock), note: '' });
      clock += 7 * DAY;
      let row = await loadRequest(ctx.database.db, id);
      const date = cstDate(clock);
      await draftReply(ctx, office, { requestId: id, expectedVersion: row.version, date, ...spec.reply });
      row = await loadRequest(ctx.database.db, id);
      await reviewReply(ctx, head, { requestId: id, expectedVersion: row.version, date });
      clock += DAY;
      row = await loadRequest(ctx.database.db, id);
      await sendReply(ctx, office, { requestId: id, expectedVersion: row.version, date: cstDate(clock), deliveryMethod: 'post' });
      if (spec.appeal) {
        clock += 20 * DAY;
        await addAppeal(ctx, office, { requestId: id, kind: 'reconsideration', outcome: 'upheld', filedOn: cstDate(clock - 10 * DAY), decidedOn: cstDate(clock), notes: '复议维持' });
      }
    }
    const [request] = await rows(base, 'SELECT * FROM info_requests WHERE id = ?', [id]);
    templates.push({
      spec,
      request: request!,
      events: await rows(base, 'SELECT * FROM request_events WHERE request_id = ?', [id]),
      letters: await rows(base, 'SELECT * FROM reply_letters WHERE request_id = ?', [id]),
      appeals: await rows(base, 'SELECT * FROM request_appeals WHERE request_id = ?', [id]),
      audit: await rows(base, "SELECT at, actor_id, document_id, action, from_state, to_state, detail FROM audit_log WHERE json_extract(detail, '$.requestId') = ? ORDER BY seq", [id]),
      receivedAt: dayOf(receivedAt),
    });
  }
  return templates;
}

/**
 * Returns `copy(receivedAt)`, which writes one request received that day (a template picked by
 * weight) with its events, letter, appeal and audit rows. Request numbers continue each year's
 * sequence in `sequences` (year → last number; the caller reads and stores them).
 */
export function requestCopier(templates: RequestTemplate[], sink: RowSink, audit: (row: AuditContent) => void, r: Random, sequences: Map<number, number>) {
  return (at: number) => {
    if (!templates.length) return;
    const t = r.weighted(templates, (x) => x.spec.weight);
    const received = cstDate(at);
    const by = Math.round((dayOf(received) - t.receivedAt) / DAY) * DAY;
    const moveDate = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? cstDate(dayOf(v) + by) : v);
    const moveDates = (text: unknown) => (typeof text === 'string' ? text.replace(/\d{4}-\d{2}-\d{2}/g, (d) => cstDate(dayOf(d) + by)) : text);
    const moveAt = (v: unknown) => (v === null || v === undefined ? null : Number(v) + by);
    const year = Number(received.slice(0, 4));
    const serial = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, serial);
    const id = orderedId(at);
    const requestNo = `QY-${year}-${String(serial).padStart(4, '0')}`;
    const oldId = String(t.request.id), oldNo = String(t.request.request_no);
    const rename = (text: unknown) => (typeof text === 'string' ? text.replaceAll(oldId, id).replaceAll(oldNo, requestNo) : text);
    const applicantType = r.next() < 0.7 ? 'natural_person' : r.pick(APPLICANT_TYPES);
    const subject = r.pick(SUBJECTS);
    sink.insert('info_requests', {
      ...t.request, id, request_no: requestNo, applicant_type: applicantType, organisation_name: applicantType === 'natural_person' ? '' : `${r.pick(PLACES)}某某${applicantType === 'business' ? '有限公司' : '机构'}`,
      description: `${r.pick(PLACES)}${subject}相关政策文件及${received.slice(0, 4)}年度执行情况`,
      received_at: received, replied_at: moveDate(t.request.replied_at) as string | null, closed_at: moveDate(t.request.closed_at) as string | null,
      fee_notified_on: moveDate(t.request.fee_notified_on) as string | null, fee_paid_on: moveDate(t.request.fee_paid_on) as string | null,
      snapshot: moveDates(t.request.snapshot) as string, created_at: moveAt(t.request.created_at), updated_at: moveAt(t.request.updated_at), form_nonce: null,
    });
    for (const e of t.events) sink.insert('request_events', { ...e, id: orderedShortId(at), request_id: id, date: moveDate(e.date) as string, created_at: moveAt(e.created_at) });
    for (const l of t.letters) sink.insert('reply_letters', { ...l, request_id: id, title: rename(moveDates(l.title)) as string, body: rename(moveDates(l.body)) as string, reviewed_at: moveAt(l.reviewed_at), sent_on: moveDate(l.sent_on) as string | null, updated_at: moveAt(l.updated_at) });
    const appealIds = new Map<string, string>();
    for (const a of t.appeals) {
      const newId = orderedId(at);
      appealIds.set(String(a.id), newId);
      sink.insert('request_appeals', { ...a, id: newId, request_id: id, filed_on: moveDate(a.filed_on) as string, decided_on: moveDate(a.decided_on) as string | null, created_at: moveAt(a.created_at) });
    }
    for (const a of t.audit) {
      let detail = rename(moveDates(a.detail)) as string | null;
      for (const [from, to] of appealIds) detail = detail?.replaceAll(from, to) ?? null;
      audit({ at: moveAt(a.at)!, actorId: (a.actor_id as string | null) ?? null, documentId: null, action: String(a.action), fromState: (a.from_state as string | null) ?? null, toState: (a.to_state as string | null) ?? null, detail });
    }
  };
}
