import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { preparedQuery } from '../db/prepared';
import { batchedRead } from '../db/batched-read';
import { attachments, auditLog, categories, departments, documents, reviewRecords, users } from '../db/schema/index';
import { availableEvents, currentStep, returnTargetsFor, seatProgress, type SeatProgress, type ReviewEvent, type WorkflowDefinition } from '../../workflows/index';
import { canViewDocument, isTaskFor } from './access';
import { notFound } from './errors';
import { loadDocument, loadOpenTasks, loadRedactions, reviewState } from './document-store';
import { extraFieldsView } from './extra-fields-view';
import { opinionFormFor, opinionFormView } from './opinion-form-service';
import { pinnedDefinition } from './workflow-definitions';
import { readSetting, SETTING_KEYS } from './settings';
import { canProposeValidity, pendingValidityChange } from './validity-service';
import { interpretationsOf } from './policy-pair-service';
import { privacyFindings, PRIVACY_ROLE } from './privacy-service';
import { EDITABLE_STATUSES } from './draft-service';
import { channelLabelsFor, loadChannels } from '../channels/load-channels';
import { choicesFor } from '../channels/effective-channels';
import type { ServiceContext } from './service-context';
import { displayNames, type SessionUser } from './users';

/** Seat labels and signers with display names instead of user ids. */
async function seatsWithNames(db: Db, seats: SeatProgress[]) {
  const names = await displayNames(db, seats.flatMap((s) => [s.userId, s.approvedBy]).filter((id): id is string => Boolean(id)));
  return seats.map((s) => ({
    seatId: s.seatId,
    label: s.role ? s.label.zh : (names.get(s.userId ?? '') ?? s.label.zh),
    assigneeName: s.userId ? (names.get(s.userId) ?? null) : null,
    added: s.added?.position ?? null,
    approvedByName: s.approvedBy ? (names.get(s.approvedBy) ?? '') : null,
  }));
}

/** Audit details are stored as JSON text (hashed as stored); the page wants the object. */
function parseDetail(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}

export function stepLabel(def: WorkflowDefinition, stepId: string): string {
  return def.steps.find((s) => s.id === stepId)?.label.zh ?? stepId;
}

/** A step's name in both languages, for the page to show in the UI's; an unknown step by its id. */
export function stepName(def: WorkflowDefinition, stepId: string): { zh: string; en: string } {
  return def.steps.find((s) => s.id === stepId)?.label ?? { zh: stepId, en: stepId };
}

/**
 * Loads a document for someone with a part in its review; anyone else gets NOT_FOUND, not
 * FORBIDDEN, because telling an outsider that a non-public document exists is itself a leak.
 */
export async function loadViewableDocument(ctx: ServiceContext, user: SessionUser, documentId: string) {
  const { db } = ctx.database;
  // Together: under load the document and its open tasks are batched reads (db/batched-read.ts).
  const [doc, openTasks, acted] = await Promise.all([
    loadDocument(db, documentId),
    loadOpenTasks(db, documentId),
    preparedQuery(db, 'reviewRecords.anyOfUser', (d) =>
      d.select({ id: reviewRecords.id }).from(reviewRecords).where(and(eq(reviewRecords.documentId, sql.placeholder('documentId')), eq(reviewRecords.userId, sql.placeholder('userId')))).limit(1).prepare(),
    ).get({ documentId, userId: user.id }),
  ]);
  const mine = openTasks.filter((t) => isTaskFor(user, t));
  const involvement = { isDrafter: doc.drafterId === user.id, hasActed: Boolean(acted), holdsOpenTask: mine.length > 0 };
  if (!canViewDocument(user.roles, doc.status, involvement)) throw notFound('未找到该文件');
  // The user's own task: personal assignments first (a transfer or 加签 names them), then the role's pool.
  const openTask = [...mine].sort((a, b) => Number(b.assigneeId === user.id) - Number(a.assigneeId === user.id))[0] ?? null;
  return { doc, openTask, involvement };
}

// The page's own reads, prepared once per database (db/prepared.ts): every reviewer opens the
// page before acting, and building these queries per view made it cost twice an approval.
// The names around the document, by the ids its row (already read) holds: not the row again.
const documentMeta = (db: Db) =>
  preparedQuery(db, 'documentView.meta', (d) =>
    d
      .select({ categoryName: categories.nameZh, categoryCode: categories.code, requiresDisclosure: categories.requiresDisclosure, departmentName: departments.name, drafterName: users.displayName })
      .from(categories)
      .innerJoin(departments, eq(departments.id, sql.placeholder('departmentId')))
      .innerJoin(users, eq(users.id, sql.placeholder('drafterId')))
      .where(eq(categories.id, sql.placeholder('categoryId')))
      .prepare(),
  );
// The history and the review records are the page's largest reads after the document: under
// load, the pages of one turn read them in one statement each (db/batched-read.ts).
const documentHistory = (db: Db) =>
  batchedRead(
    db,
    'documentView.history',
    (d, key) =>
      d
        .select({ documentId: auditLog.documentId, seq: auditLog.seq, at: auditLog.at, action: auditLog.action, fromState: auditLog.fromState, toState: auditLog.toState, detail: auditLog.detail, actorName: users.displayName })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(key(auditLog.documentId))
        .orderBy(asc(auditLog.seq))
        .prepare(),
    (row) => row.documentId!,
  );
const documentReviews = (db: Db) =>
  batchedRead(
    db,
    'documentView.reviews',
    (d, key) =>
      d
        .select({ documentId: reviewRecords.documentId, round: reviewRecords.round, step: reviewRecords.step, decision: reviewRecords.decision, opinion: reviewRecords.opinion, checks: reviewRecords.checks, opinionForm: reviewRecords.opinionForm, at: reviewRecords.createdAt, reviewerName: users.displayName })
        .from(reviewRecords)
        .innerJoin(users, eq(users.id, reviewRecords.userId))
        .where(key(reviewRecords.documentId))
        .orderBy(asc(reviewRecords.createdAt))
        .prepare(),
    (row) => row.documentId,
  );
const documentFiles = (db: Db) =>
  preparedQuery(db, 'documentView.files', (d) =>
    d
      .select({ id: attachments.id, name: attachments.originalName, size: attachments.size, mime: attachments.mime })
      .from(attachments)
      .where(eq(attachments.documentId, sql.placeholder('documentId')))
      .orderBy(desc(attachments.createdAt))
      .prepare(),
  );
const linkedPolicy = (db: Db) =>
  preparedQuery(db, 'documentView.policy', (d) => d.select({ id: documents.id, title: documents.title, status: documents.status }).from(documents).where(eq(documents.id, sql.placeholder('id'))).prepare());

/** Everything the document page shows, for someone allowed to see it, with what they may do. */
export async function getDocumentView(ctx: ServiceContext, user: SessionUser, documentId: string) {
  const { db } = ctx.database;
  const { doc, openTask, involvement } = await loadViewableDocument(ctx, user, documentId);
  const def = await pinnedDefinition(db, doc.workflowKey, doc.workflowVersion);
  const state = reviewState(doc);
  const events = new Set<ReviewEvent['type']>(availableEvents(def, state, { id: user.id, roles: user.roles }));
  const taskIsMine = Boolean(openTask && openTask.step === state.value);
  // Together, so that under load the batched ones go out in the same turn.
  const [meta, history, reviews, files, redactionList] = await Promise.all([
    documentMeta(db).get({ categoryId: doc.categoryId, departmentId: doc.departmentId, drafterId: doc.drafterId }),
    documentHistory(db).load(doc.id),
    documentReviews(db).load(doc.id),
    documentFiles(db).all({ documentId: doc.id }),
    loadRedactions(db, doc.id),
  ]);
  const step = currentStep(def, state);
  const canActOnTask = (type: ReviewEvent['type']) => taskIsMine && events.has(type);
  const channels = await loadChannels(db);

  return {
    bureauName: await readSetting(db, SETTING_KEYS.bureauName),
    id: doc.id,
    version: doc.version,
    title: doc.title,
    docNumber: doc.docNumber,
    category: { id: doc.categoryId, code: meta?.categoryCode ?? '', name: meta?.categoryName ?? '' },
    writtenAt: doc.writtenAt,
    body: doc.body,
    attribute: doc.attribute,
    attributeReason: doc.attributeReason,
    legalGround: doc.legalGround,
    hasStatistics: doc.hasStatistics,
    isMajorMatter: doc.isMajorMatter,
    channels: doc.channels,
    // Labels as the admins set them (a plugin's or an added channel reads by its name, not its
    // key; a channel disabled since still shows its name).
    channelLabels: channelLabelsFor(channels, doc.channels),
    // Every channel a form for this document offers, in the admins' order: the review sheet
    // prints a box for each, and the page lists the document's channels in this order.
    channelChoices: choicesFor(channels, doc.channels),
    // The drafting form version it was filled with, and the admin-added fields of that version.
    form: { key: doc.formKey, version: doc.formVersion },
    extraFields: await extraFieldsView(db, doc),
    /** The same values raw, for the edit form. */
    extraValues: doc.extraFields,
    redactions: redactionList,
    status: doc.status,
    currentStep: { id: state.value, label: step?.label.zh ?? stepLabel(def, state.value), name: stepName(def, state.value) },
    drafter: { id: doc.drafterId, name: meta?.drafterName ?? '' },
    departmentName: meta?.departmentName ?? '',
    indexNumber: doc.indexNumber,
    publishedAt: doc.publishedAt,
    withdrawnAt: doc.withdrawnAt,
    withdrawReason: doc.withdrawReason,
    validity: doc.validity,
    // 同步审签: the leader signs a policy and its interpretation together, so each page shows the other.
    policy: doc.policyDocumentId ? ((await linkedPolicy(db).get({ id: doc.policyDocumentId })) ?? null) : null,
    interpretations: (await interpretationsOf(db, doc.id)).map((i) => ({ id: i.id, title: i.title, status: i.status })),
    pendingValidityChange: await pendingValidityChange(db, doc.id),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    attachments: files,
    history: await Promise.all(
      history.map(async ({ documentId: _document, ...h }) => {
        const detail = parseDetail(h.detail);
        // An opinion form filled at this step, worded with the labels of the version filled.
        const form = detail && typeof detail === 'object' && 'form' in detail ? await opinionFormView(db, (detail as { form: unknown }).form) : null;
        return {
          ...h,
          detail,
          form,
          fromLabel: h.fromState ? stepLabel(def, h.fromState) : null,
          toLabel: h.toState ? stepLabel(def, h.toState) : null,
          fromStep: h.fromState ? stepName(def, h.fromState) : null,
          toStep: h.toState ? stepName(def, h.toState) : null,
        };
      }),
    ),
    reviews: await Promise.all(reviews.map(async ({ opinionForm, documentId: _document, ...r }) => ({ ...r, form: opinionForm ? await opinionFormView(db, opinionForm) : null, stepLabel: stepLabel(def, r.step), stepName: stepName(def, r.step) }))),
    /** The opinion form this user fills at their open task (latest version), when the step names one. */
    opinionForm: taskIsMine && (events.has('APPROVE') || events.has('RETURN')) ? await opinionFormFor(db, step) : null,
    // 会签进度: every seat of the current step and who has signed it.
    seats: await seatsWithNames(db, seatProgress(def, state)),
    openTask: openTask && taskIsMine ? { id: openTask.id, step: openTask.step, createdAt: openTask.createdAt } : null,
    privacyHits: await privacyFindings(db, doc, redactionList),
    // The law requires this category to be published, yet the drafter chose not to: the legality reviewer must look twice.
    warnings: meta?.requiresDisclosure && (doc.attribute === 'non_public' || doc.attribute === 'on_request') ? ['category_requires_disclosure' as const] : [],
    returnTargets: taskIsMine ? returnTargetsFor(def, state).map((id) => ({ id, label: stepLabel(def, id), name: stepName(def, id) })) : [],
    can: {
      edit: involvement.isDrafter && EDITABLE_STATUSES.has(doc.status),
      submit: events.has('SUBMIT'),
      recall: events.has('RECALL'),
      approve: canActOnTask('APPROVE'),
      return: canActOnTask('RETURN'),
      reject: canActOnTask('REJECT'),
      transfer: canActOnTask('TRANSFER'),
      addSigner: canActOnTask('ADD_SIGNER'),
      publish: canActOnTask('PUBLISH'),
      withdrawPublication: events.has('WITHDRAW_PUBLICATION'),
      uploadAttachment: involvement.isDrafter && EDITABLE_STATUSES.has(doc.status),
      proposeValidity: canProposeValidity(user, doc),
      resolvePrivacy: taskIsMine && step?.role === PRIVACY_ROLE && !involvement.isDrafter,
      reviseRedactions: taskIsMine && step?.role === PRIVACY_ROLE && !involvement.isDrafter && doc.attribute === 'partial',
    },
  };
}

export type DocumentView = Awaited<ReturnType<typeof getDocumentView>>;
