/**
 * Authorization matrix: every tRPC procedure and every HTTP route, called over real HTTP by
 * an anonymous visitor and by each demo user, against fixture documents drafted by `drafter`.
 *
 * The expected outcome of every cell is the TABLE below (MATRIX, HTTP_MATRIX). The procedure
 * list is read from the router itself, so a new procedure without a row fails this file.
 *
 * Cells:
 *   ALLOW  the call succeeded (no error at all: every allowed cell here is a real, valid call)
 *   UNAUTH UNAUTHORIZED (401)        FORBID FORBIDDEN (403)        NOTFND NOT_FOUND (404)
 *   CONFLT CONFLICT (409)            BADREQ BAD_REQUEST (400)
 *
 * Policy the table encodes (docs/architecture.md "Who sees what", server/services/access.ts):
 * - a document's full text goes only to its drafter, anyone who has acted on it, holders of
 *   its open task, and publishers once it awaits publication or is published; everyone else
 *   gets NOT_FOUND, the same answer as for an id that does not exist;
 * - a change to a document by someone who is not its drafter / not the holder of its task is
 *   FORBIDDEN (role procedures refuse before the document is even loaded);
 * - the public catalog, /healthz, /readyz and the SPA shell are open to everyone.
 *
 * Besides the code, every call is checked for: security headers; no stack trace, file path
 * or SQL in an error body; no fixture text the caller may not read (redacted passage,
 * non-public body, someone else's draft) anywhere in any response; and a refused call must
 * leave the database exactly as it was.
 */
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../server/routers/index';
import { createApp } from '../../server/app';
import { scanPersonalData } from '../../forms/index';
import { loadDocument, loadOpenTasks } from '../../server/services/document-store';
import { channelSettings, departments, formFiles, users, webhookEndpoints, webhookOutbox } from '../../server/db/schema/index';
import { loadChannels } from '../../server/channels/load-channels';
import { generateSessionToken, sessionIdFromToken } from '../../server/auth/session-token';
import { SESSION_COOKIE } from '../../server/auth/cookie';
import { SESSION_IDLE_MS } from '../../server/services/session-service';
import { scanReminders } from '../../server/services/reminder-service';
import { createUser } from '../../server/seed/user-admin';
import { publicRateLimits } from '../../server/db/schema/index';
import { issueFormToken } from '../../server/services/public-form-guard';
import { registerRequest } from '../../server/services/request-intake-service';
import { addChannelProof } from '../../server/services/channel-proof-service';
import { loadSessionUser } from '../../server/services/users';
import { cstDate } from '../../server/time';
import { publishWorkflow } from '../../server/services/workflow-admin-service';
import { releaseReviewDefinition } from '../../workflows/index';
import { requestFlowDefinition } from '../../workflows/requests/request-flow.definition';
import { draftDocumentForm } from '../../forms/index';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';
import { apiClient, signedIn, type ApiClient } from '../support/api-client';
import { actOnCurrentStep, ALL_CHECKS, type Clients } from '../support/review-driver';
import { BODY, BODY_WITH_SECRET, SECRET_PASSAGE, categoryId, draftInput, partialOverrides } from '../support/draft-input';
import type { DraftDocumentInput } from '../../forms/index';

// ---------------------------------------------------------------------------------------------
// Who calls
// ---------------------------------------------------------------------------------------------

/** Columns of the table. `drafter` drafts every fixture; `drafter2` is another section's drafter. */
const WHO = ['anonymous', 'admin', 'drafter', 'drafter2', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher'] as const;
type Who = (typeof WHO)[number];
type User = Exclude<Who, 'anonymous'>;

type Outcome = 'allow' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'BAD_REQUEST';
const ALLOW = 'allow';
const UNAUTH = 'UNAUTHORIZED';
const FORBID = 'FORBIDDEN';
const NOTFND = 'NOT_FOUND';
// Kept for the table's vocabulary: no cell needs them today.
const CONFLT = 'CONFLICT';
const BADREQ = 'BAD_REQUEST';
void CONFLT;

type Row = Record<Who, Outcome>;
/** One row of the table, its cells in the order of WHO. */
function row(...cells: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]): Row {
  return Object.fromEntries(WHO.map((who, i) => [who, cells[i]])) as Row;
}

// ---------------------------------------------------------------------------------------------
// THE TABLE: tRPC procedures. Key: "<procedure path>" or "<procedure path>@<fixture case>".
// ---------------------------------------------------------------------------------------------

const MATRIX = {
  //                                                     anonymous admin   drafter drafter2 stats   legal   secrecy leader  director publisher
  // --- auth: login is the way in; logout ends the caller's own (second) session.
  'auth.login':                                      row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'auth.logout':                                     row(UNAUTH, ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  // me answers null when signed out: that is its allowed answer, not an error.
  'auth.me':                                         row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  // Both act on the caller's own account only (a second session, restored afterwards).
  'auth.signOutEverywhere':                          row(UNAUTH, ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'auth.changePassword':                             row(UNAUTH, ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),

  // --- users (admin only); the target is a throwaway user made for the row
  'users.list':                                      row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'users.setDisabled':                               row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'users.setRoles':                                  row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),

  // --- documents
  'documents.categories':                            row(UNAUTH, ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'documents.policyOptions':                         row(UNAUTH, FORBID, ALLOW,  ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'documents.create':                                row(UNAUTH, FORBID, ALLOW,  ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  // An interpretation linked to `drafter`'s policy draft. 谁起草、谁解读: only the policy's own
  // section may attach one (drafter2 works in another section): the service's BAD_REQUEST.
  'documents.create@interpretation of drafter policy': row(UNAUTH, FORBID, ALLOW,  BADREQ, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  // drafter2 holds the drafter role, so gets past the role check and is refused by the service.
  'documents.update@draft':                          row(UNAUTH, FORBID, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'documents.get@draft':                             row(UNAUTH, NOTFND, ALLOW,  NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND),
  // legal holds the open task; nobody else but the drafter has a part yet.
  'documents.get@legality_review':                   row(UNAUTH, NOTFND, ALLOW,  NOTFND, NOTFND, ALLOW,  NOTFND, NOTFND, NOTFND, NOTFND),
  // Acted: legal, secrecy, leader (signed), publisher (filed, published). director and stats never did.
  'documents.get@published_partial':                 row(UNAUTH, NOTFND, ALLOW,  NOTFND, NOTFND, ALLOW,  ALLOW,  ALLOW,  NOTFND, ALLOW),
  // Non-public: ends after sign-off, so the publisher never has a part in it.
  'documents.get@concluded_non_public':              row(UNAUTH, NOTFND, ALLOW,  NOTFND, NOTFND, ALLOW,  ALLOW,  ALLOW,  NOTFND, NOTFND),
  // An id that does not exist: the same answer an outsider gets for a real document.
  'documents.get@missing':                           row(UNAUTH, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND),
  'documents.mine':                                  row(UNAUTH, ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),

  // --- review (the router lets every signed-in user in; the workflow's guards decide)
  'review.inbox':                                    row(UNAUTH, ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'review.submit@draft':                             row(UNAUTH, FORBID, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'review.recall@legality_review':                   row(UNAUTH, FORBID, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'review.approve@legality_review':                  row(UNAUTH, FORBID, FORBID, FORBID, FORBID, ALLOW,  FORBID, FORBID, FORBID, FORBID),
  // At the secrecy step with an unmasked ID number and mobile in the body. Only the secrecy
  // reviewer may act; for them the approval is refused by the business rule (mask or justify
  // every hit first: BAD_REQUEST naming the masked hit). Everyone else must be refused as
  // outsiders, before any check that reads the document's content.
  'review.approve@secrecy_review_unresolved_privacy': row(UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, BADREQ, FORBID, FORBID, FORBID),
  'review.return@legality_review':                   row(UNAUTH, FORBID, FORBID, FORBID, FORBID, ALLOW,  FORBID, FORBID, FORBID, FORBID),
  // The leader step has one seat open to every holder of the leader role: leader and director.
  'review.reject@leader_signoff':                    row(UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW,  ALLOW,  FORBID),
  // 转办 to the other leader-role holder (leader → director, director → leader).
  'review.transfer@leader_signoff':                  row(UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW,  ALLOW,  FORBID),
  // 加签: legal adds the secrecy reviewer before themselves.
  'review.addSigner@legality_review':                row(UNAUTH, FORBID, FORBID, FORBID, FORBID, ALLOW,  FORBID, FORBID, FORBID, FORBID),
  // Same visibility as documents.get (it loads the document for the caller first).
  'review.colleagues@legality_review':               row(UNAUTH, NOTFND, ALLOW,  NOTFND, NOTFND, ALLOW,  NOTFND, NOTFND, NOTFND, NOTFND),
  // Only the holder of the open secrecy-review task (legal acted earlier, but holds nothing now).
  'review.maskPrivacy@secrecy_review':               row(UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW,  FORBID, FORBID, FORBID),
  'review.justifyPrivacy@secrecy_review':            row(UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW,  FORBID, FORBID, FORBID),
  'review.reviseRedactions@secrecy_review_partial':  row(UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW,  FORBID, FORBID, FORBID),

  // --- publication (publisher role only)
  'publication.publish@publication':                 row(UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  'publication.withdraw@published':                  row(UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),

  // --- deadlines
  'deadlines.board':                                 row(UNAUTH, ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'deadlines.calendar':                              row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'deadlines.setDay':                                row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'deadlines.setYearKnown':                          row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),

  // --- notifications (always the caller's own)
  'notifications.unreadCount':                       row(UNAUTH, ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'notifications.list':                              row(UNAUTH, ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'notifications.markRead':                          row(UNAUTH, ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  // Each user's own e-mail settings.
  'notifications.mailSettings':                      row(UNAUTH, ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'notifications.setMailSettings':                   row(UNAUTH, ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),

  // --- validity (有效性): proposed by the drafter of a published document or a publisher,
  // decided by a legality reviewer other than the proposer.
  'validity.propose@published':                      row(UNAUTH, FORBID, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  'validity.decide@pending_change':                  row(UNAUTH, FORBID, FORBID, FORBID, FORBID, ALLOW,  FORBID, FORBID, FORBID, FORBID),
  // Non-legal users get an empty list (allowed, nothing in it).
  // --- audit log: admins only
  'audit.list':                                      row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  // --- dashboard: counts for leaders and the disclosure office
  'dashboard.summary':                               row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW,  ALLOW,  ALLOW),
  // --- webhooks (admin only): receivers of catalog events and their delivery log
  'webhooks.list':                                   row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'webhooks.create':                                 row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'webhooks.setActive':                              row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'webhooks.deliveries':                             row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'webhooks.retry':                                  row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'validity.pending':                                row(UNAUTH, ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),

  // --- workflows (admin only): definition versions, validation, publication, instance migration
  'workflows.list':                                  row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'workflows.registry':                              row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'workflows.get':                                   row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'workflows.validate':                              row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'workflows.publish':                               row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  // A definition breaking the compliance rules: refused by the server itself, storing nothing.
  'workflows.publish@without legality review':       row(UNAUTH, BADREQ, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'workflows.migrationPreview':                      row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'workflows.migrate':                               row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'workflows.requestMigrationPreview':               row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'workflows.migrateRequests':                       row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  // --- forms: drafting-form versions (admin), the form a drafter fills, a pinned version (anyone signed in)
  'forms.list':                                      row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'forms.get':                                       row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'forms.validate':                                  row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'forms.publish':                                   row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  // A form dropping a field the workflow guards read: refused by the server itself, storing nothing.
  'forms.publish@without hasStatistics':             row(UNAUTH, BADREQ, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'forms.forDrafting':                               row(UNAUTH, FORBID, ALLOW,  ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'forms.pinned':                                    row(UNAUTH, ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'forms.pickerOptions':                             row(UNAUTH, ALLOW,  ALLOW,  ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  // --- catalog settings (admin only): categories and departments, every change audited
  'catalogAdmin.settings':                           row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'catalogAdmin.updateCategory':                     row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'catalogAdmin.createCategory':                     row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'catalogAdmin.createDepartment':                   row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'catalogAdmin.renameDepartment':                   row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  // The document page's graph: same readers as documents.get@legality_review.
  'workflows.documentPath@legality_review':          row(UNAUTH, NOTFND, ALLOW,  NOTFND, NOTFND, ALLOW,  NOTFND, NOTFND, NOTFND, NOTFND),

  // --- requests (依申请公开): applicants' personal data, so only the disclosure office (publisher),
  // admins and leaders read them; the office and admins handle them; the leader (信息公开工作机构负责人)
  // approves an extension; a reply is reviewed by someone other than its drafter; admins edit templates.
  'requests.list':                                   row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW,  ALLOW,  ALLOW),
  'requests.get@registered':                         row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW,  ALLOW,  ALLOW),
  'requests.deadlines':                              row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW,  ALLOW,  ALLOW),
  'requests.register':                               row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  'requests.act@registered':                         row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  // The publisher asked for the extension, so cannot approve it; admins are not the office head.
  'requests.approveExtension@extension_requested':   row(UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW,  ALLOW,  FORBID),
  'requests.draftReply@accepted':                    row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  'requests.editLetter@reply_drafted':               row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  // The publisher drafted the letter, so cannot review it.
  'requests.reviewReply@reply_drafted':              row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW,  ALLOW,  BADREQ),
  'requests.sendReply@reply_reviewed':               row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  'requests.linkDocument@closed':                    row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  'requests.addAppeal@closed':                       row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  'requests.decideAppeal@pending_appeal':            row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  'requests.templates':                              row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  'requests.saveTemplate':                           row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),

  // --- annual report (政府信息公开工作年度报告): prepared by the disclosure office (publisher) and admins.
  'annualReport.get':                                row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  'annualReport.save':                               row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  // A saved report of a year whose tables add up: it becomes a document in release review.
  'annualReport.submit@saved':                       row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  // --- catalog import (目录导入): admins and the disclosure office. An upload belongs to whoever
  // uploaded it (here the publisher): to anyone else, even an admin, it does not exist.
  'catalogImport.columns':                           row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  'catalogImport.check@publisher upload':            row(UNAUTH, NOTFND, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  // The file has a bad row, so the started import refuses in the background and writes nothing.
  'catalogImport.start@publisher upload':            row(UNAUTH, NOTFND, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  'catalogImport.status@publisher upload':           row(UNAUTH, NOTFND, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  // --- publication channels and offline-channel proofs (for the year-end inspection): the disclosure office and admins.
  'channelProofs.channels':                          row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  'channelProofs.forDocument@published_open':        row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  'channelProofs.forYear':                           row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  // --- publication channel settings (admin only)
  'channels.settings':                               row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'channels.addOffline':                             row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'channels.addWebhook':                             row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'channels.update':                                 row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'channels.setEnabled':                             row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'channels.reorder':                                row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
} satisfies Record<string, Row>;

// ---------------------------------------------------------------------------------------------
// THE TABLE: HTTP routes outside tRPC. Key: "<METHOD> <route pattern>@<case>".
// ---------------------------------------------------------------------------------------------

const HTTP_MATRIX = {
  //                                                     anonymous admin   drafter drafter2 stats   legal   secrecy leader  director publisher
  'GET /healthz':                                    row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'GET /readyz':                                     row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'GET /public':                                     row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'GET /public/assets/catalog.css':                  row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  // Full-text search of the public catalog: anyone; hits only from the public index.
  'GET /public/search':                              row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  // The published partial document: everyone reads it, with the redacted passage removed.
  'GET /public/documents/:indexNumber@published_partial': row(ALLOW, ALLOW, ALLOW, ALLOW, ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  // Withdrawn (撤稿) keeps its index number but leaves the catalog.
  'GET /public/documents/:indexNumber@withdrawn':    row(NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND),
  'GET /public/documents/:indexNumber@missing':      row(NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND),
  'GET /public/attachments/:id@published_open':      row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  // A redacted document's attachments may hold the removed text: never public.
  'GET /public/attachments/:id@published_partial':   row(NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND),
  'GET /public/attachments/:id@draft':               row(NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND),
  // Any other path under /public is the catalog's 404 page, never the staff app.
  'ALL /public/*@unknown':                           row(NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND),
  // Outward channels of the catalog: the same public items, redactions applied (checked for leaks like every row).
  // The catalog as people type it, with a trailing slash: a redirect to /public (followed here).
  'GET /public/':                                    row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'GET /public/feed.atom':                           row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'GET /public/categories/:code/feed.atom@notice':   row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'GET /public/categories/:code/feed.atom@missing':  row(NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND),
  'GET /sitemap.xml':                                row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'GET /sitemap/:file':                              row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'GET /public/api/openapi.json':                    row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'GET /public/api/categories':                      row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'GET /public/api/documents':                       row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'GET /public/api/documents/:indexNumber@published_partial': row(ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'GET /public/api/documents/:indexNumber@withdrawn': row(NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND),
  'ALL /public/api/*@unknown':                       row(NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND),
  'POST /api/documents/:id/attachments@draft':       row(UNAUTH, FORBID, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  'GET /api/attachments/:id@draft':                  row(UNAUTH, NOTFND, ALLOW,  NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND),
  // Same readers as documents.get@published_partial.
  'GET /api/attachments/:id@published_partial':      row(UNAUTH, NOTFND, ALLOW,  NOTFND, NOTFND, ALLOW,  ALLOW,  ALLOW,  NOTFND, ALLOW),
  // A form's file field uploads before the form is saved: anyone signed in fills some form.
  'POST /api/form-files':                            row(UNAUTH, ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  // Once a form claims it for a document: the same readers as that document (here the draft).
  'GET /api/form-files/:id@draft':                   row(UNAUTH, NOTFND, ALLOW,  NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND),
  // The JSON 404 for an unknown API path (after the session middleware, before the SPA).
  'ALL /api/*@unknown':                              row(NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND, NOTFND),
  // The built client's static files and the SPA shell for a client route: public, no data in them.
  'ALL /assets/*@client bundle':                     row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'ALL /favicon.svg':                                row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'GET /*@/documents/x':                             row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  // The public request form and status page: open to everyone; the status page shows the
  // status and dates for the right number and code (no applicant data: see CONFIDENTIAL).
  'GET /public/apply':                               row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'POST /public/apply':                              row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'POST /public/apply@without token':                row(BADREQ, BADREQ, BADREQ, BADREQ, BADREQ, BADREQ, BADREQ, BADREQ, BADREQ, BADREQ),
  'GET /public/apply/status':                        row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  'POST /public/apply/status@right code':            row(ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
  // The annual report's export for staff: same people as annualReport.get.
  'GET /api/reports/annual/:file':                   row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  // Catalog import upload and template: same people as catalogImport.columns.
  'POST /api/catalog-import/upload':                 row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  'GET /api/catalog-import/:file':                   row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  // The catalog export holds only public text (checked for leaks like every row); the audit log is for admins.
  'GET /api/exports/:file@catalog':                  row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  'GET /api/exports/:file@audit':                    row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID),
  // Offline-channel proof (photo/scan) of a published document listing the notice board: same people as channelProofs.*.
  'POST /api/documents/:id/channel-proofs@published_notice_board': row(UNAUTH, ALLOW, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
  'GET /api/channel-proofs/:id':                     row(UNAUTH, ALLOW,  FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, FORBID, ALLOW),
} satisfies Record<string, Row>;

type ProcedureRowKey = keyof typeof MATRIX;
type HttpRowKey = keyof typeof HTTP_MATRIX;
const MATRIX_ROWS: Record<string, Row> = MATRIX;
const HTTP_ROWS: Record<string, Row> = HTTP_MATRIX;

// ---------------------------------------------------------------------------------------------
// Fixture texts: each says who may read it by naming the documents.get row of its document.
// ---------------------------------------------------------------------------------------------

const DRAFT_TEXT = '四、拟将临时救助审批权限下放至乡镇（街道），具体额度待局务会研究后另行明确。';
const LEGALITY_TEXT = '五、对因病致贫家庭，拟在现行标准基础上上浮百分之十，报市人民政府审定后执行。';
const NON_PUBLIC_TEXT = '拟调整社会救助科科长人选，人事方案报局党组会议研究，讨论情况不对外公开。';
const SECRET_PIECES = [SECRET_PASSAGE, '11010519491231002X', '13812345678'];
/** An applicant's identity and what they asked for: only request readers may see these. */
const REQUEST_PIECES = ['矩阵申请人', '440106199003071231', '矩阵测试：2026年养老服务机构运营补贴发放明细'];

const CONFIDENTIAL: { texts: string[]; readers: ProcedureRowKey }[] = [
  { texts: REQUEST_PIECES, readers: 'requests.get@registered' },
  { texts: SECRET_PIECES, readers: 'documents.get@published_partial' },
  { texts: [NON_PUBLIC_TEXT], readers: 'documents.get@concluded_non_public' },
  { texts: [DRAFT_TEXT], readers: 'documents.get@draft' },
  { texts: [LEGALITY_TEXT], readers: 'documents.get@legality_review' },
];

// ---------------------------------------------------------------------------------------------
// Server, sessions, fixtures
// ---------------------------------------------------------------------------------------------

let server: TestServer;
const client = {} as Record<Who, ApiClient>;
const userId = {} as Record<User, string>;
let noticeCategory: string;
let policyCategory: string;
let interpretationCategory: string;

interface Fixture {
  id: string;
  version: number;
  /** The first open task, '' when none. */
  taskId: string;
  indexNumber: string | null;
  attachmentId?: string;
  changeId?: string;
  body?: string;
}

/** Read fixtures, built once in beforeAll. */
const F = {} as Record<'draft' | 'legality' | 'publishedOpen' | 'publishedPartial' | 'nonPublic' | 'withdrawn', Fixture>;

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function upload(as: ApiClient, documentId: string, name = '测算表.pdf'): Promise<Response> {
  const form = new FormData();
  form.set('file', new File([PDF], name));
  return as.fetch(`/api/documents/${documentId}/attachments`, { method: 'POST', body: form });
}

/** The document's stored version and open task, straight from the database. */
async function current(id: string, extra: Partial<Fixture> = {}): Promise<Fixture> {
  const { db } = server.services.database;
  const doc = await loadDocument(db, id);
  const [task] = await loadOpenTasks(db, id);
  return { id, version: doc.version, taskId: task?.id ?? '', indexNumber: doc.indexNumber, body: doc.body, ...extra };
}

let serial = 0;
/** A new document by `drafter`, optionally with an attachment, left in draft. */
async function draft(overrides: Partial<DraftDocumentInput> = {}, attach = false): Promise<Fixture> {
  const created = await client.drafter.trpc.documents.create.mutate(draftInput(noticeCategory, { title: `授权矩阵测试文件${++serial}`, ...overrides }));
  let attachmentId: string | undefined;
  if (attach) {
    const response = await upload(client.drafter, created.id);
    if (response.status !== 201) throw new Error(`fixture upload failed: ${response.status}`);
    attachmentId = ((await response.json()) as { id: string }).id;
  }
  return current(created.id, attachmentId ? { attachmentId } : {});
}

/** Submits a new document and drives it (as the demo reviewers) until `until` says stop. */
async function driven(overrides: Partial<DraftDocumentInput>, until: (doc: { status: string; step: string }) => boolean, attach = false): Promise<Fixture> {
  const start = await draft(overrides, attach);
  await client.drafter.trpc.review.submit.mutate({ documentId: start.id, expectedVersion: start.version });
  for (let i = 0; i < 12; i++) {
    const doc = await loadDocument(server.services.database.db, start.id);
    if (until({ status: doc.status, step: doc.currentStep })) return current(start.id, start.attachmentId ? { attachmentId: start.attachmentId } : {});
    await actOnCurrentStep(client as unknown as Clients, start.id);
  }
  throw new Error('fixture never reached its stage');
}

const atStep = (step: string, overrides: Partial<DraftDocumentInput> = {}) => driven(overrides, (d) => d.step === step);
const publishedDoc = (overrides: Partial<DraftDocumentInput> = {}, attach = false) => driven(overrides, (d) => d.status === 'published', attach);

/** A second session for a user, written straight into the sessions table (no argon2), on its own client. */
async function extraSession(who: User): Promise<ApiClient> {
  const token = generateSessionToken();
  const now = Date.now();
  await server.services.database.client.execute({
    sql: 'INSERT INTO sessions (id, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)',
    args: [sessionIdFromToken(token), userId[who], now + SESSION_IDLE_MS, now],
  });
  const c = apiClient(server.url);
  c.cookie = `${SESSION_COOKIE}=${token}`;
  return c;
}

/**
 * A second session for `who` whose calls may end every session of the user or change their
 * password: after each call the shared session and the password hash are put back.
 */
async function restoringAccount(who: User): Promise<ApiClient> {
  const extra = await extraSession(who);
  const { client: db } = server.services.database;
  const saved = await db.execute({ sql: 'SELECT password_hash FROM users WHERE id = ?', args: [userId[who]] });
  const token = client[who].cookie.split('=')[1] ?? '';
  const restore = async () => {
    await db.execute({ sql: 'UPDATE users SET password_hash = ? WHERE id = ?', args: [saved.rows[0]!.password_hash ?? null, userId[who]] });
    const now = Date.now();
    await db.execute({ sql: 'INSERT OR IGNORE INTO sessions (id, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)', args: [sessionIdFromToken(token), userId[who], now + SESSION_IDLE_MS, now] });
  };
  return Object.assign(Object.create(extra) as ApiClient, {
    fetch: async (p: string, init?: RequestInit) => {
      const response = await extra.fetch(p, init);
      await restore();
      return response;
    },
  });
}

let throwawaySerial = 0;
/** A user made for one users.* call, so disabling or re-roling it disturbs no caller. */
async function throwawayUser(): Promise<Fixture> {
  const id = await createUser(server.services, { username: `matrix-user-${++throwawaySerial}`, displayName: '矩阵测试用户', password: TEST_PASSWORD, roles: ['drafter'], departmentCode: 'assistance' });
  return { ...NO_FIXTURE, id };
}

/** A throwaway client holding the same session as `who` (so a Set-Cookie cannot disturb the shared one). */
function sameSession(who: Who): ApiClient {
  const c = apiClient(server.url);
  c.cookie = client[who].cookie;
  return c;
}

/** Everything a refused call must leave alone. */
async function fingerprint(): Promise<string> {
  const result = await server.services.database.client.execute(
    `SELECT (SELECT count(*) FROM audit_log) AS audit, (SELECT coalesce(sum(version), 0) FROM documents) AS versions,
            (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM tasks WHERE status = 'open') AS open_tasks,
            (SELECT count(*) FROM review_records) AS reviews, (SELECT count(*) FROM validity_changes) AS validity,
            (SELECT count(*) FROM attachments) AS attachments, (SELECT count(*) FROM redactions) AS redactions,
            (SELECT count(*) FROM privacy_justifications) AS justified, (SELECT count(*) FROM sessions) AS sessions,
            (SELECT count(*) FROM calendar_overrides) AS overrides, (SELECT count(*) FROM calendar_known_years) AS years,
            (SELECT count(*) FROM notifications WHERE read_at IS NULL) AS unread,
            (SELECT count(*) FROM workflow_definitions) AS workflow_versions,
            (SELECT count(*) FROM info_requests) AS requests, (SELECT coalesce(sum(version), 0) FROM info_requests) AS request_versions,
            (SELECT count(*) FROM request_events) AS request_events, (SELECT count(*) FROM request_appeals) AS appeals,
            (SELECT count(*) FROM request_documents) AS released, (SELECT count(*) FROM reply_letter_templates) AS templates,
            (SELECT count(*) FROM channel_proofs) AS channel_proofs`,
  );
  return JSON.stringify(result.rows[0]);
}

// ---------------------------------------------------------------------------------------------
// How each row is called
// ---------------------------------------------------------------------------------------------

/** The applicant of every request fixture (its pieces are in REQUEST_PIECES). */
const MATRIX_APPLICATION = {
  applicantType: 'natural_person' as const, applicantName: '矩阵申请人', applicantIdNumber: '440106199003071231', organisationName: '',
  contactPhone: '13900001111', email: '', address: '清源市人民路 1 号', description: '矩阵测试：2026年养老服务机构运营补贴发放明细', purpose: '', deliveryForm: 'paper' as const,
};

/**
 * A request registered by the publisher today and taken to `stage` by the publisher (the
 * leader reviews). `id` is the request, `taskId` a pending appeal when asked for.
 */
async function requestAt(stage: 'registered' | 'accepted' | 'extension_requested' | 'reply_drafted' | 'reply_reviewed' | 'closed' | 'pending_appeal'): Promise<Fixture> {
  const office = client.publisher.trpc.requests;
  const today = cstDate(Date.now());
  const { id } = await office.register.mutate({ form: MATRIX_APPLICATION, channel: 'letter', receivedAt: today });
  let version = 1;
  const order = ['registered', 'accepted', 'reply_drafted', 'reply_reviewed', 'closed', 'pending_appeal'];
  const reach = (s: string) => order.indexOf(stage) >= order.indexOf(s);
  if (stage === 'extension_requested' || reach('accepted')) version = (await office.act.mutate({ action: 'accept', requestId: id, expectedVersion: version, date: today, note: '' })).version;
  if (stage === 'extension_requested') version = (await office.act.mutate({ action: 'request_extension', requestId: id, expectedVersion: version, date: today, note: '需调取档案', days: 10 })).version;
  if (stage !== 'extension_requested' && reach('reply_drafted')) version = (await office.draftReply.mutate({ requestId: id, expectedVersion: version, date: today, result: 'disclose', subReason: null })).version;
  if (stage !== 'extension_requested' && reach('reply_reviewed')) version = (await client.leader.trpc.requests.reviewReply.mutate({ requestId: id, expectedVersion: version, date: today })).version;
  if (stage !== 'extension_requested' && reach('closed')) version = (await office.sendReply.mutate({ requestId: id, expectedVersion: version, date: today, deliveryMethod: 'post' })).version;
  let taskId = '';
  if (stage === 'pending_appeal') taskId = (await office.addAppeal.mutate({ requestId: id, kind: 'reconsideration', outcome: 'pending', filedOn: today, decidedOn: null, notes: '' })).id;
  return { id, version, taskId, indexNumber: null };
}

/** A fresh form token old enough to be accepted, and a clean per-address counter, for one public POST. */
async function applyFixture(): Promise<Fixture> {
  await server.services.database.db.delete(publicRateLimits);
  return { ...NO_FIXTURE, body: await issueFormToken(server.services.database.db, Date.now() - 10_000) };
}

/** A request registered online, its number in indexNumber and its code in body; counters reset. */
async function statusFixture(): Promise<Fixture> {
  await server.services.database.db.delete(publicRateLimits);
  const registered = await registerRequest(server.services, (await loadSessionUser(server.services.database.db, userId.publisher))!, { form: MATRIX_APPLICATION, channel: 'letter', receivedAt: cstDate(Date.now()) });
  return { ...NO_FIXTURE, id: registered.id, indexNumber: registered.requestNo, body: registered.secretCode };
}

/** A webhook receiver with one failed delivery: `id` is the receiver, `taskId` the delivery. */
async function webhookFixture(): Promise<Fixture> {
  const { db } = server.services.database;
  const id = crypto.randomUUID();
  const outboxId = crypto.randomUUID();
  await db.insert(webhookEndpoints).values({ id, name: '矩阵接收方', url: 'https://portal.example.gov.cn/hooks', secret: 'matrix-secret', events: ['document.published'], createdAt: Date.now() });
  await db.insert(webhookOutbox).values({ id: outboxId, endpointId: id, event: 'document.published', payload: '{}', occurredAt: Date.now(), status: 'failed', attempts: 15, nextAttemptAt: Date.now() });
  return { id, version: 0, taskId: outboxId, indexNumber: null };
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

let proofFixture: Promise<Fixture> | undefined;
/** A published document listing the notice board, with one proof photo (its id in `attachmentId`), made once. */
function channelProofFixture(): Promise<Fixture> {
  proofFixture ??= (async () => {
    const f = await publishedDoc({ channels: ['portal', 'notice_board'] });
    const publisher = (await loadSessionUser(server.services.database.db, userId.publisher))!;
    const proof = await addChannelProof(server.services, publisher, { documentId: f.id, channel: 'notice_board', publishedOn: cstDate(Date.now()), note: '', file: { name: '张贴照片.png', bytes: PNG } });
    return { ...f, attachmentId: proof.id };
  })();
  return proofFixture;
}

/** A workflow key with two stored versions and no documents: `id` is the key. */
async function twoVersionFlow(): Promise<Fixture> {
  const key = `matrix-migrate-${crypto.randomUUID().slice(0, 8)}`;
  for (let i = 0; i < 2; i++) await publishWorkflow(server.services, null, { definition: { ...releaseReviewDefinition, key } });
  return { id: key, version: 0, taskId: '', indexNumber: null };
}

/** An offline channel an admin added, enabled, with a label of its own: `id` is its key. */
async function offlineChannelFixture(): Promise<Fixture> {
  const key = `matrix_channel_${++serial}`;
  const now = Date.now();
  await server.services.database.db.insert(channelSettings).values({ key, kind: 'offline', labelZh: `矩阵查阅点${serial}`, labelEn: `Matrix point ${serial}`, effectZh: '张贴', effectEn: 'Posted', enabled: true, sortOrder: 100 + serial, createdAt: now, updatedAt: now });
  return { id: key, version: 0, taskId: '', indexNumber: null };
}

/** The channel keys in their current order, comma-joined in `id`. */
async function channelOrderFixture(): Promise<Fixture> {
  return { id: (await loadChannels(server.services.database.db)).map((c) => c.key).join(','), version: 0, taskId: '', indexNumber: null };
}

/** A request-flow key with two stored versions and no requests: `id` is the key. */
async function twoVersionRequestFlow(): Promise<Fixture> {
  const key = `matrix-rf-${crypto.randomUUID().slice(0, 8)}`;
  for (let i = 0; i < 2; i++) await publishWorkflow(server.services, null, { definition: { ...requestFlowDefinition, key } });
  return { id: key, version: 0, taskId: '', indexNumber: null };
}

interface Scenario {
  /** The document (etc.) the call is about. With `mutates`, every allowed cell gets a fresh one. */
  fixture?: () => Promise<Fixture>;
  mutates?: boolean;
  /** The client to call with; by default the shared client of `who`. */
  caller?: (who: Who) => Promise<ApiClient> | ApiClient;
}
interface ProcedureScenario extends Scenario {
  input?: (f: Fixture, who: Who) => unknown;
}
interface HttpScenario extends Scenario {
  method: 'GET' | 'POST';
  path: (f: Fixture) => string;
  body?: (f: Fixture) => BodyInit;
  /** Content type an allowed answer must have. */
  type?: RegExp;
}

const shared = (key: keyof typeof F) => () => Promise.resolve(F[key]);
const target = (f: Fixture) => ({ documentId: f.id, expectedVersion: f.version });
const usernameOf = (who: Who) => (who === 'anonymous' ? 'drafter2' : who);
const privacyHit = (f: Fixture, text: string) => {
  const hit = scanPersonalData(f.body ?? '').find((h) => h.text === text);
  if (!hit) throw new Error(`fixture has no privacy hit ${text}`);
  return { start: hit.start, text: hit.text };
};

const SCENARIOS: Record<ProcedureRowKey, ProcedureScenario> = {
  'auth.login': { caller: sameSession, input: (_f, who) => ({ username: usernameOf(who), password: TEST_PASSWORD }) },
  'auth.logout': { caller: (who) => (who === 'anonymous' ? client.anonymous : extraSession(who)) },
  'auth.me': {},
  'auth.signOutEverywhere': { caller: (who) => (who === 'anonymous' ? client.anonymous : restoringAccount(who)) },
  'auth.changePassword': {
    caller: (who) => (who === 'anonymous' ? client.anonymous : restoringAccount(who)),
    input: () => ({ currentPassword: TEST_PASSWORD, newPassword: '矩阵测试新密码-2026' }),
  },
  'users.list': {},
  'users.setDisabled': { fixture: throwawayUser, mutates: true, input: (f) => ({ userId: f.id, disabled: true }) },
  'users.setRoles': { fixture: throwawayUser, mutates: true, input: (f) => ({ userId: f.id, roles: ['legal'] }) },
  'documents.categories': {},
  'documents.policyOptions': {},
  'documents.create': { input: () => draftInput(noticeCategory, { title: '授权矩阵新建文件' }) },
  'documents.create@interpretation of drafter policy': {
    fixture: () => draft({ categoryId: policyCategory, title: '清源市临时救助实施办法（矩阵测试）', docNumber: '清民规〔2026〕9号' }),
    mutates: true,
    input: (f) => draftInput(interpretationCategory, { title: '《清源市临时救助实施办法》政策解读', docNumber: '', policyDocumentId: f.id }),
  },
  'documents.update@draft': { fixture: () => draft(), mutates: true, input: (f) => ({ id: f.id, expectedVersion: f.version, data: draftInput(noticeCategory, { title: '授权矩阵修改后标题' }) }) },
  'documents.get@draft': { fixture: shared('draft'), input: (f) => ({ id: f.id }) },
  'documents.get@legality_review': { fixture: shared('legality'), input: (f) => ({ id: f.id }) },
  'documents.get@published_partial': { fixture: shared('publishedPartial'), input: (f) => ({ id: f.id }) },
  'documents.get@concluded_non_public': { fixture: shared('nonPublic'), input: (f) => ({ id: f.id }) },
  'documents.get@missing': { input: () => ({ id: crypto.randomUUID() }) },
  'documents.mine': {},

  'review.inbox': {},
  'review.submit@draft': { fixture: () => draft(), mutates: true, input: target },
  'review.recall@legality_review': { fixture: () => atStep('legality_review'), mutates: true, input: target },
  'review.approve@legality_review': { fixture: () => atStep('legality_review'), mutates: true, input: (f) => ({ ...target(f), taskId: f.taskId, opinion: '同意', checks: ALL_CHECKS }) },
  'review.approve@secrecy_review_unresolved_privacy': {
    fixture: () => atStep('secrecy_review', { body: BODY_WITH_SECRET }),
    mutates: true,
    input: (f) => ({ ...target(f), taskId: f.taskId, opinion: '同意', checks: ALL_CHECKS }),
  },
  'review.return@legality_review': { fixture: () => atStep('legality_review'), mutates: true, input: (f) => ({ ...target(f), taskId: f.taskId, opinion: '请补充法律依据', target: 'draft' }) },
  'review.reject@leader_signoff': { fixture: () => atStep('leader_signoff'), mutates: true, input: (f) => ({ ...target(f), taskId: f.taskId, opinion: '与现行政策冲突，不予通过' }) },
  'review.transfer@leader_signoff': {
    fixture: () => atStep('leader_signoff'),
    mutates: true,
    input: (f, who) => ({ ...target(f), taskId: f.taskId, toUserId: who === 'director' ? userId.leader : userId.director, opinion: '请代为审批' }),
  },
  'review.addSigner@legality_review': {
    fixture: () => atStep('legality_review'),
    mutates: true,
    input: (f) => ({ ...target(f), taskId: f.taskId, userId: userId.secrecy, position: 'before', opinion: '请保密审查人员先行会签' }),
  },
  'review.colleagues@legality_review': { fixture: shared('legality'), input: (f) => ({ documentId: f.id }) },
  'review.maskPrivacy@secrecy_review': {
    fixture: () => atStep('secrecy_review', { body: BODY_WITH_SECRET }),
    mutates: true,
    input: (f) => ({ ...target(f), ...privacyHit(f, '11010519491231002X') }),
  },
  'review.justifyPrivacy@secrecy_review': {
    fixture: () => atStep('secrecy_review', { body: BODY_WITH_SECRET }),
    mutates: true,
    input: (f) => ({ ...target(f), ...privacyHit(f, '13812345678'), note: '救助经办窗口公开电话' }),
  },
  'review.reviseRedactions@secrecy_review_partial': {
    fixture: () => atStep('secrecy_review', partialOverrides()),
    mutates: true,
    input: (f) => ({ ...target(f), redactions: partialOverrides().redactions }),
  },

  'publication.publish@publication': { fixture: () => atStep('publication'), mutates: true, input: (f) => ({ ...target(f), taskId: f.taskId }) },
  'publication.withdraw@published': { fixture: () => publishedDoc(), mutates: true, input: (f) => ({ ...target(f), reason: '内容需调整，撤回原稿' }) },

  'deadlines.board': {},
  'deadlines.calendar': {},
  'deadlines.setDay': { input: () => ({ date: '2030-12-31', kind: 'default', note: '' }) },
  'deadlines.setYearKnown': { input: () => ({ year: 2099, known: false }) },

  'notifications.unreadCount': {},
  'notifications.list': {},
  'notifications.markRead': { input: () => ({}) },
  'notifications.mailSettings': {},
  'notifications.setMailSettings': { input: (_f, who) => ({ email: `${who}@qingyuan.gov.cn`, mode: 'digest' }) },

  'validity.propose@published': { fixture: () => publishedDoc(), mutates: true, input: (f) => ({ ...target(f), validity: 'repealed', reason: '已被新办法替代' }) },
  'validity.decide@pending_change': {
    fixture: async () => {
      const doc = await publishedDoc();
      const { id: changeId } = await client.drafter.trpc.validity.propose.mutate({ ...target(doc), validity: 'expired', reason: '执行期已满' });
      return { ...(await current(doc.id)), changeId };
    },
    mutates: true,
    input: (f) => ({ changeId: f.changeId, approve: true, opinion: '同意' }),
  },
  'validity.pending': {},
  'audit.list': { input: () => ({ action: 'review.', page: 1 }) },
  'dashboard.summary': { input: () => ({ from: '2026-01-01', to: '2026-12-31' }) },
  'webhooks.list': {},
  'webhooks.create': { input: () => ({ name: '门户网站', url: 'https://portal.example.gov.cn/hooks', events: ['document.published'] }) },
  'webhooks.setActive': { fixture: () => webhookFixture(), mutates: true, input: (f) => ({ id: f.id, active: false }) },
  'webhooks.deliveries': {},
  'webhooks.retry': { fixture: () => webhookFixture(), mutates: true, input: (f) => ({ id: f.taskId }) },

  'workflows.list': {},
  'workflows.registry': {},
  'workflows.get': { input: () => ({ key: 'release-review' }) },
  'workflows.validate': { input: () => ({ definition: releaseReviewDefinition }) },
  'workflows.publish': { input: () => ({ definition: { ...releaseReviewDefinition, key: 'matrix-flow' }, notes: '授权矩阵' }) },
  'workflows.publish@without legality review': {
    input: () => ({ definition: { ...releaseReviewDefinition, key: 'matrix-flow', steps: releaseReviewDefinition.steps.filter((s) => s.id !== 'legality_review').map((s) => ({ ...s, returnTargets: s.returnTargets?.filter((t) => t !== 'legality_review') })) } }),
  },
  'workflows.migrationPreview': { fixture: () => twoVersionFlow(), input: (f) => ({ key: f.id, fromVersion: 1, toVersion: 2, mapping: {} }) },
  'workflows.migrate': { fixture: () => twoVersionFlow(), mutates: true, input: (f) => ({ key: f.id, fromVersion: 1, toVersion: 2, mapping: {}, expectedDocumentIds: [] }) },
  'workflows.requestMigrationPreview': { fixture: () => twoVersionRequestFlow(), input: (f) => ({ key: f.id, fromVersion: 1, toVersion: 2, mapping: {} }) },
  'workflows.migrateRequests': { fixture: () => twoVersionRequestFlow(), mutates: true, input: (f) => ({ key: f.id, fromVersion: 1, toVersion: 2, mapping: {}, expectedRequestIds: [] }) },
  'workflows.documentPath@legality_review': { fixture: shared('legality'), input: (f) => ({ documentId: f.id }) },
  'forms.list': {},
  'forms.get': { input: () => ({ key: 'draft_document', version: 1 }) },
  'forms.validate': { input: () => ({ definition: draftDocumentForm }) },
  'forms.publish': { input: () => ({ definition: { ...draftDocumentForm, key: 'matrix_form' }, notes: '授权矩阵' }) },
  'forms.publish@without hasStatistics': { input: () => ({ definition: { ...draftDocumentForm, key: 'matrix_form', fields: draftDocumentForm.fields.filter((f) => f.key !== 'hasStatistics') } }) },
  'forms.forDrafting': { input: () => ({ categoryId: noticeCategory }) },
  'forms.pinned': { input: () => ({ key: 'draft_document', version: 1 }) },
  'forms.pickerOptions': {},
  'channels.settings': {},
  'channels.addOffline': { input: () => ({ label: { zh: `矩阵档案馆${++serial}`, en: `Matrix archive ${serial}` }, effect: { zh: '', en: '' } }) },
  'channels.addWebhook': { input: () => ({ label: { zh: `矩阵市门户${++serial}`, en: `Matrix city portal ${serial}` }, effect: { zh: '', en: '' }, url: 'https://portal.example.gov.cn/hooks' }) },
  'channels.update': { fixture: () => offlineChannelFixture(), mutates: true, input: (f) => ({ key: f.id, label: { zh: `${f.id} 改名`, en: `${f.id} renamed` }, effect: { zh: '', en: '' } }) },
  'channels.setEnabled': { fixture: () => offlineChannelFixture(), mutates: true, input: (f) => ({ key: f.id, enabled: false }) },
  // The current order reversed: a real change every allowed call.
  'channels.reorder': { fixture: () => channelOrderFixture(), mutates: true, input: (f) => ({ keys: f.id.split(',').reverse() }) },
  'catalogAdmin.settings': {},
  // The demo bureau's own settings of 通知公告 written back: a real, valid change that leaves the catalog as it was.
  'catalogAdmin.updateCategory': {
    input: () => ({ id: noticeCategory, settings: { nameZh: '通知公告', nameEn: 'Notices', column: '法定主动公开内容/通知公告', clockRule: 'proactive_disclosure', reportCell: null, formKey: 'draft_document', requiresDisclosure: false } }),
  },
  'catalogAdmin.createCategory': { input: () => ({ code: `matrix_${++serial}`, nameZh: '授权矩阵分类', nameEn: 'Matrix', column: '其他', clockRule: null, reportCell: null, formKey: 'draft_document', requiresDisclosure: false }) },
  'catalogAdmin.createDepartment': { input: () => ({ code: `matrix_dept_${++serial}`, name: '授权矩阵科' }) },
  'catalogAdmin.renameDepartment': {
    fixture: async () => ({ id: (await server.services.database.db.select({ id: departments.id }).from(departments).where(eq(departments.code, 'office')))[0]!.id, version: 0, taskId: '', indexNumber: null }),
    input: (f) => ({ id: f.id, name: '办公室' }),
  },

  'requests.list': { input: () => ({ scope: 'all' }) },
  'requests.get@registered': { fixture: () => requestAt('registered'), input: (f) => ({ id: f.id }) },
  'requests.deadlines': {},
  'requests.register': { input: () => ({ form: MATRIX_APPLICATION, channel: 'in_person', receivedAt: cstDate(Date.now()) }) },
  'requests.act@registered': { fixture: () => requestAt('registered'), mutates: true, input: (f) => ({ action: 'accept', requestId: f.id, expectedVersion: f.version, date: cstDate(Date.now()), note: '' }) },
  'requests.approveExtension@extension_requested': { fixture: () => requestAt('extension_requested'), mutates: true, input: (f) => ({ requestId: f.id, expectedVersion: f.version, date: cstDate(Date.now()), note: '同意延期' }) },
  'requests.draftReply@accepted': { fixture: () => requestAt('accepted'), mutates: true, input: (f) => ({ requestId: f.id, expectedVersion: f.version, date: cstDate(Date.now()), result: 'cannot_provide', subReason: 'not_held' }) },
  'requests.editLetter@reply_drafted': { fixture: () => requestAt('reply_drafted'), mutates: true, input: (f) => ({ requestId: f.id, expectedVersion: f.version, title: '答复告知书', body: '经查，现予以公开。' }) },
  'requests.reviewReply@reply_drafted': { fixture: () => requestAt('reply_drafted'), mutates: true, input: (f) => ({ requestId: f.id, expectedVersion: f.version, date: cstDate(Date.now()) }) },
  'requests.sendReply@reply_reviewed': { fixture: () => requestAt('reply_reviewed'), mutates: true, input: (f) => ({ requestId: f.id, expectedVersion: f.version, date: cstDate(Date.now()), deliveryMethod: 'email' }) },
  'requests.linkDocument@closed': { fixture: async () => ({ ...(await requestAt('closed')), taskId: F.publishedOpen.id }), mutates: true, input: (f) => ({ requestId: f.id, documentId: f.taskId }) },
  'requests.addAppeal@closed': { fixture: () => requestAt('closed'), mutates: true, input: (f) => ({ requestId: f.id, kind: 'litigation_direct', outcome: 'pending', filedOn: cstDate(Date.now()), decidedOn: null, notes: '' }) },
  'requests.decideAppeal@pending_appeal': { fixture: () => requestAt('pending_appeal'), mutates: true, input: (f) => ({ appealId: f.taskId, outcome: 'upheld', decidedOn: cstDate(Date.now()), notes: '' }) },
  'requests.templates': {},
  'requests.saveTemplate': { input: () => ({ result: 'disclose', title: '政府信息公开申请答复告知书', body: '{{申请人}}：经审查，现予以公开。' }) },

  'annualReport.get': { input: () => ({ year: 2025, templateKey: '2021' }) },
  'annualReport.save': { fixture: () => annualReportFixture(false), mutates: true, input: (f) => ({ year: Number(f.id), templateKey: '2021', expectedVersion: f.version, narrative: REPORT_NARRATIVE, entered: { feeAmountYuan: 0, procurementAmountYuan: 0 } }) },
  'annualReport.submit@saved': { fixture: () => annualReportFixture(true), mutates: true, input: (f) => ({ year: Number(f.id), expectedVersion: f.version }) },
  'catalogImport.columns': {},
  'catalogImport.check@publisher upload': { fixture: () => importFixture(false), input: (f) => ({ jobId: f.id, mapping: JSON.parse(f.body!) }) },
  'catalogImport.start@publisher upload': { fixture: () => importFixture(true), mutates: true, input: (f) => ({ jobId: f.id, mapping: JSON.parse(f.body!) }) },
  'catalogImport.status@publisher upload': { fixture: () => importFixture(false), input: (f) => ({ jobId: f.id }) },
  'channelProofs.channels': {},
  'channelProofs.forDocument@published_open': { fixture: shared('publishedOpen'), input: (f) => ({ documentId: f.id }) },
  'channelProofs.forYear': { input: () => ({ year: Number(cstDate(Date.now()).slice(0, 4)) }) },
};

const REPORT_NARRATIVE = { generalSituation: '本年度政府信息公开工作总体平稳。', problemsAndImprovements: '政策解读有待加强。', otherMatters: '' };
let reportYear = 2010;
/** A year of its own for each call (a submitted report cannot be changed); `id` is the year. */
/** A catalog spreadsheet of two rows; with `bad`, the second has no title, so an import of it writes nothing. */
const IMPORT_CSV = (bad: boolean) =>
  `标题,主题分类,发布日期,成文日期,公开属性\r\n矩阵导入测试一,通知公告,2024-01-05,2024-01-02,主动公开\r\n${bad ? '' : '矩阵导入测试二'},通知公告,2024-01-06,2024-01-02,主动公开\r\n`;

/** An upload by the publisher (its job id and suggested mapping); nothing is written to the database by it. */
async function importFixture(bad: boolean): Promise<Fixture> {
  const form = new FormData();
  form.set('file', new File([IMPORT_CSV(bad)], '历史目录.csv'));
  const response = await client.publisher.fetch('/api/catalog-import/upload', { method: 'POST', body: form });
  const body = (await response.json()) as { jobId: string; mapping: Record<string, string> };
  return { id: body.jobId, version: 0, taskId: '', indexNumber: null, body: JSON.stringify(body.mapping) };
}

async function annualReportFixture(saved: boolean): Promise<Fixture> {
  const year = reportYear++;
  let version = 0;
  if (saved) ({ version } = await client.admin.trpc.annualReport.save.mutate({ year, templateKey: '2021', expectedVersion: 0, narrative: REPORT_NARRATIVE, entered: { feeAmountYuan: 0, procurementAmountYuan: 0 } }));
  return { id: String(year), version, taskId: '', indexNumber: null };
}

/** A file uploaded by the drafter for a form's file field and claimed by the draft fixture, as a saved form claims it. */
let draftFormFile: Fixture | undefined;
async function formFileOfDraft(): Promise<Fixture> {
  if (draftFormFile) return draftFormFile;
  const form = new FormData();
  form.set('file', new File([PDF], '审批单.pdf'));
  const { id } = (await (await client.drafter.fetch('/api/form-files', { method: 'POST', body: form })).json()) as { id: string };
  await server.services.database.db.update(formFiles).set({ documentId: F.draft.id, fieldKey: 'approvalScan' }).where(eq(formFiles.id, id));
  return (draftFormFile = { ...F.draft, attachmentId: id });
}

const HTTP_SCENARIOS: Record<HttpRowKey, HttpScenario> = {
  'GET /healthz': { method: 'GET', path: () => '/healthz', type: /application\/json/ },
  'GET /readyz': { method: 'GET', path: () => '/readyz', type: /application\/json/ },
  'GET /public': { method: 'GET', path: () => '/public', type: /text\/html/ },
  'GET /public/assets/catalog.css': { method: 'GET', path: () => '/public/assets/catalog.css', type: /text\/css/ },
  'GET /public/search': { method: 'GET', path: () => `/public/search?q=${encodeURIComponent('低保')}`, type: /text\/html/ },
  'GET /public/documents/:indexNumber@published_partial': { method: 'GET', fixture: shared('publishedPartial'), path: (f) => `/public/documents/${encodeURIComponent(f.indexNumber!)}`, type: /text\/html/ },
  'GET /public/documents/:indexNumber@withdrawn': { method: 'GET', fixture: shared('withdrawn'), path: (f) => `/public/documents/${encodeURIComponent(f.indexNumber!)}` },
  'GET /public/documents/:indexNumber@missing': { method: 'GET', path: () => '/public/documents/000000000-000000000/2026-99999' },
  'GET /public/attachments/:id@published_open': { method: 'GET', fixture: shared('publishedOpen'), path: (f) => `/public/attachments/${f.attachmentId}`, type: /application\/pdf/ },
  'GET /public/attachments/:id@published_partial': { method: 'GET', fixture: shared('publishedPartial'), path: (f) => `/public/attachments/${f.attachmentId}` },
  'ALL /public/*@unknown': { method: 'GET', path: () => '/public/no-such-page', type: /text\/html/ },
  'GET /public/attachments/:id@draft': { method: 'GET', fixture: shared('draft'), path: (f) => `/public/attachments/${f.attachmentId}` },
  'GET /public/': { method: 'GET', path: () => '/public/', type: /text\/html/ },
  'GET /public/feed.atom': { method: 'GET', path: () => '/public/feed.atom', type: /application\/atom\+xml/ },
  'GET /public/categories/:code/feed.atom@notice': { method: 'GET', path: () => '/public/categories/notice/feed.atom', type: /application\/atom\+xml/ },
  'GET /public/categories/:code/feed.atom@missing': { method: 'GET', path: () => '/public/categories/no-such-category/feed.atom' },
  'GET /sitemap.xml': { method: 'GET', path: () => '/sitemap.xml', type: /application\/xml/ },
  'GET /sitemap/:file': { method: 'GET', path: () => '/sitemap/1.xml', type: /application\/xml/ },
  'GET /public/api/openapi.json': { method: 'GET', path: () => '/public/api/openapi.json', type: /application\/json/ },
  'GET /public/api/categories': { method: 'GET', path: () => '/public/api/categories', type: /application\/json/ },
  'GET /public/api/documents': { method: 'GET', path: () => '/public/api/documents', type: /application\/json/ },
  'GET /public/api/documents/:indexNumber@published_partial': { method: 'GET', fixture: shared('publishedPartial'), path: (f) => `/public/api/documents/${encodeURIComponent(f.indexNumber!)}`, type: /application\/json/ },
  'GET /public/api/documents/:indexNumber@withdrawn': { method: 'GET', fixture: shared('withdrawn'), path: (f) => `/public/api/documents/${encodeURIComponent(f.indexNumber!)}` },
  'ALL /public/api/*@unknown': { method: 'GET', path: () => '/public/api/no-such-endpoint' },
  'POST /api/documents/:id/attachments@draft': {
    method: 'POST',
    fixture: () => draft(),
    mutates: true,
    path: (f) => `/api/documents/${f.id}/attachments`,
    body: () => {
      const form = new FormData();
      form.set('file', new File([PDF], '补充材料.pdf'));
      return form;
    },
  },
  'POST /api/documents/:id/channel-proofs@published_notice_board': {
    method: 'POST',
    fixture: () => publishedDoc({ channels: ['portal', 'notice_board'] }),
    mutates: true,
    path: (f) => `/api/documents/${f.id}/channel-proofs`,
    body: () => {
      const form = new FormData();
      form.set('file', new File([PNG], '公告栏张贴照片.png'));
      form.set('channel', 'notice_board');
      form.set('publishedOn', cstDate(Date.now()));
      return form;
    },
  },
  'GET /api/channel-proofs/:id': { method: 'GET', fixture: channelProofFixture, path: (f) => `/api/channel-proofs/${f.attachmentId}`, type: /image\/png/ },
  'GET /api/attachments/:id@draft': { method: 'GET', fixture: shared('draft'), path: (f) => `/api/attachments/${f.attachmentId}`, type: /application\/pdf/ },
  'GET /api/attachments/:id@published_partial': { method: 'GET', fixture: shared('publishedPartial'), path: (f) => `/api/attachments/${f.attachmentId}`, type: /application\/pdf/ },
  'POST /api/form-files': {
    method: 'POST',
    mutates: true,
    path: () => '/api/form-files',
    body: () => {
      const form = new FormData();
      form.set('file', new File([PDF], '审批单.pdf'));
      return form;
    },
    type: /application\/json/,
  },
  'GET /api/form-files/:id@draft': { method: 'GET', fixture: formFileOfDraft, path: (f) => `/api/form-files/${f.attachmentId}`, type: /application\/pdf/ },
  'ALL /api/*@unknown': { method: 'GET', path: () => '/api/no-such-endpoint' },
  'ALL /assets/*@client bundle': { method: 'GET', path: () => `/assets/${fs.readdirSync(path.resolve('dist/client/assets')).find((n) => n.endsWith('.js'))}`, type: /javascript/ },
  'ALL /favicon.svg': { method: 'GET', path: () => '/favicon.svg' },
  'GET /*@/documents/x': { method: 'GET', path: () => '/documents/x', type: /text\/html/ },
  'GET /public/apply': { method: 'GET', path: () => '/public/apply', type: /text\/html/ },
  'POST /public/apply': {
    method: 'POST',
    fixture: applyFixture,
    mutates: true,
    path: () => '/public/apply',
    body: (f) => new URLSearchParams({ ...MATRIX_APPLICATION, applicantName: '网上申请人', token: f.body ?? '', website: '' }),
    type: /text\/html/,
  },
  'POST /public/apply@without token': { method: 'POST', fixture: applyFixture, path: () => '/public/apply', body: () => new URLSearchParams({ ...MATRIX_APPLICATION, applicantName: '网上申请人', applicantIdNumber: '320102198506120034', description: '网上申请：养老机构名录', token: '' }) },
  'GET /public/apply/status': { method: 'GET', path: () => '/public/apply/status', type: /text\/html/ },
  'POST /public/apply/status@right code': {
    method: 'POST',
    fixture: statusFixture,
    mutates: true,
    path: () => '/public/apply/status',
    body: (f) => new URLSearchParams({ requestNo: f.indexNumber ?? '', code: f.body ?? '' }),
    type: /text\/html/,
  },
  'GET /api/reports/annual/:file': { method: 'GET', path: () => '/api/reports/annual/2025.xlsx?template=2019', type: /spreadsheetml/ },
  'POST /api/catalog-import/upload': {
    method: 'POST',
    path: () => '/api/catalog-import/upload',
    body: () => {
      const form = new FormData();
      form.set('file', new File([IMPORT_CSV(false)], '历史目录.csv'));
      return form;
    },
    type: /application\/json/,
  },
  'GET /api/catalog-import/:file': { method: 'GET', path: () => '/api/catalog-import/template.xlsx', type: /spreadsheetml/ },
  'GET /api/exports/:file@catalog': { method: 'GET', path: () => '/api/exports/catalog.csv', type: /text\/csv/ },
  'GET /api/exports/:file@audit': { method: 'GET', path: () => '/api/exports/audit.csv', type: /text\/csv/ },
};

// ---------------------------------------------------------------------------------------------
// Checks applied to every response
// ---------------------------------------------------------------------------------------------

interface Answer {
  outcome: string;
  status: number;
  headers: Headers;
  body: string;
}

function securityHeaderProblems(headers: Headers): string[] {
  const problems: string[] = [];
  const csp = headers.get('content-security-policy');
  if (!csp) problems.push('no Content-Security-Policy');
  const directives = new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values] as const),
  );
  const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
  if (!scriptSrc) problems.push('CSP has no script-src (nor default-src)');
  else if (scriptSrc.some((v) => /unsafe-inline|unsafe-eval|^\*$|^https?:$|^data:$/i.test(v))) problems.push(`CSP script-src is too wide: ${scriptSrc.join(' ')}`);
  if (directives.get('frame-ancestors')?.join(' ') !== "'none'") problems.push(`CSP frame-ancestors is ${directives.get('frame-ancestors')?.join(' ') ?? 'missing'}`);
  if (headers.get('x-content-type-options') !== 'nosniff') problems.push(`X-Content-Type-Options is ${headers.get('x-content-type-options')}`);
  if (!headers.get('referrer-policy') || /unsafe-url/i.test(headers.get('referrer-policy')!)) problems.push(`Referrer-Policy is ${headers.get('referrer-policy')}`);
  return problems;
}

const STACK_FRAME = /\bat\s+(?:[\w$.<>[\]]+\s+)?\(?(?:file:\/\/|\/|[A-Za-z]:\\)[^\s)]*:\d+/;
const FILE_PATH = /(?:\/work\/|\/home\/|\/usr\/|node_modules|[\w-]+\.(?:ts|mts|js|mjs|cjs):\d+)/;
const SQL = /(?:SQLITE_[A-Z]+|LibsqlError|SQL logic error|no such (?:table|column)|constraint failed|\bSELECT\b[\s\S]{0,200}\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+["\w]+\s+SET\b|\bDELETE\s+FROM\b)/i;

function errorBodyProblems(body: string): string[] {
  const problems: string[] = [];
  if (STACK_FRAME.test(body)) problems.push('error body holds a stack frame');
  if (FILE_PATH.test(body)) problems.push('error body holds a file path');
  if (SQL.test(body)) problems.push('error body holds SQL / a database error');
  return problems;
}

/** Fixture text in a response to someone who may not read it. */
function leaks(who: Who, body: string): string[] {
  return CONFIDENTIAL.flatMap(({ texts, readers }) =>
    MATRIX[readers][who] === ALLOW ? [] : texts.filter((t) => body.includes(t)).map((t) => `response leaks text only ${readers} readers may see: ${t.slice(0, 24)}…`),
  );
}

function answerProblems(who: Who, answer: Answer, expected: Outcome, type?: RegExp): string[] {
  const problems = [...securityHeaderProblems(answer.headers), ...leaks(who, answer.body)];
  if (answer.outcome !== ALLOW) problems.push(...errorBodyProblems(answer.body));
  if (answer.outcome === ALLOW && expected === ALLOW && type && !type.test(answer.headers.get('content-type') ?? '')) problems.push(`content type ${answer.headers.get('content-type')}`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Calling
// ---------------------------------------------------------------------------------------------

const PROCEDURES = appRouter._def.procedures as unknown as Record<string, { _def: { type: 'query' | 'mutation' | 'subscription' } }>;

function outcomeOfStatus(status: number): string {
  if (status >= 200 && status < 300) return ALLOW;
  return ({ 400: BADREQ, 401: UNAUTH, 403: FORBID, 404: NOTFND, 409: 'CONFLICT' } as Record<number, string>)[status] ?? `HTTP ${status}`;
}

/** One tRPC call over plain HTTP, as the tRPC client's httpLink sends it, keeping the raw answer. */
async function callProcedure(as: ApiClient, path: string, input: unknown): Promise<Answer> {
  const type = PROCEDURES[path]!._def.type;
  const response =
    type === 'query'
      ? await as.fetch(`/api/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`)
      : await as.fetch(`/api/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, ...(input === undefined ? {} : { body: JSON.stringify(input) }) });
  const body = await response.text();
  let outcome: string;
  try {
    const json = JSON.parse(body) as { error?: { data?: { code?: string } } };
    outcome = json.error ? String(json.error.data?.code ?? `HTTP ${response.status}`) : ALLOW;
  } catch {
    outcome = `non-JSON HTTP ${response.status}`;
  }
  return { outcome, status: response.status, headers: response.headers, body };
}

async function callHttp(as: ApiClient, scenario: HttpScenario, f: Fixture): Promise<Answer> {
  const response = await as.fetch(scenario.path(f), { method: scenario.method, ...(scenario.body ? { body: scenario.body(f) } : {}) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { outcome: outcomeOfStatus(response.status), status: response.status, headers: response.headers, body: new TextDecoder().decode(bytes) };
}

const NO_FIXTURE: Fixture = { id: '', version: 0, taskId: '', indexNumber: null };

/** Every finding of the run, for the summary at the end. */
const findings: string[] = [];

/**
 * Runs one row: the refused cells first on one shared fixture (each must leave the database
 * unchanged), then each allowed cell, on a fresh fixture when the call changes state.
 */
async function runRow(rowKey: string, cells: Row, scenario: Scenario, call: (as: ApiClient, f: Fixture, who: Who) => Promise<Answer>, type?: RegExp): Promise<string[]> {
  const problems: string[] = [];
  const build = async () => (scenario.fixture ? scenario.fixture() : NO_FIXTURE);
  let fixture = await build();
  const order = [...WHO.filter((w) => cells[w] !== ALLOW), ...WHO.filter((w) => cells[w] === ALLOW)];
  for (const who of order) {
    const expected = cells[who];
    if (expected === ALLOW && scenario.mutates) fixture = await build();
    const as = scenario.caller ? await scenario.caller(who) : client[who];
    const before = expected === ALLOW ? '' : await fingerprint();
    const answer = await call(as, fixture, who);
    if (answer.outcome !== expected) {
      problems.push(`${who}: expected ${expected}, got ${answer.outcome} (HTTP ${answer.status}) ${answer.body.slice(0, 160)}`);
    } else if (expected !== ALLOW && (await fingerprint()) !== before) {
      problems.push(`${who}: refused with ${expected} but the database changed`);
    }
    if (expected !== ALLOW && answer.outcome === ALLOW) fixture = await build();
    for (const p of answerProblems(who, answer, expected, type)) problems.push(`${who}: ${p}`);
  }
  findings.push(...problems.map((p) => `${rowKey} × ${p}`));
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Setup
// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  server = await startTestServer();
  client.anonymous = apiClient(server.url);
  const people = WHO.filter((w): w is User => w !== 'anonymous');
  // Each demo user signs in once (argon2); every later session is written directly.
  await Promise.all(people.map(async (who) => (client[who] = await signedIn(server.url, who))));
  const rows = await server.services.database.db.select({ id: users.id, username: users.username }).from(users);
  for (const who of people) userId[who] = rows.find((r) => r.username === who)!.id;
  noticeCategory = await categoryId(client.drafter, 'notice');
  policyCategory = await categoryId(client.drafter, 'policy');
  interpretationCategory = await categoryId(client.drafter, 'interpretation');

  F.draft = await draft({ body: `${BODY}\n\n${DRAFT_TEXT}` }, true);
  F.legality = await atStep('legality_review', { body: `${BODY}\n\n${LEGALITY_TEXT}` });
  F.publishedOpen = await publishedDoc({ title: '授权矩阵公开附件文件' }, true);
  F.publishedPartial = await publishedDoc({ title: '授权矩阵删减公开文件', ...partialOverrides() }, true);
  F.nonPublic = await driven(
    { title: '授权矩阵不予公开文件', body: `${BODY}\n\n${NON_PUBLIC_TEXT}`, attribute: 'non_public', legalGround: 'internal_affairs', attributeReason: '属于内部人事安排', channels: [] },
    (d) => d.status === 'concluded',
  );
  const toWithdraw = await publishedDoc({ title: '授权矩阵撤稿文件' });
  await client.publisher.trpc.publication.withdraw.mutate({ ...target(toWithdraw), reason: '内容已调整，撤回原稿' });
  F.withdrawn = await current(toWithdraw.id);
  expect(F.publishedPartial.indexNumber).toBeTruthy();
  expect(F.withdrawn.indexNumber).toBeTruthy();
}, 60_000);

afterAll(async () => {
  if (findings.length) console.warn(`authorization matrix: ${findings.length} finding(s)\n  ${findings.join('\n  ')}`);
  await server?.close();
});

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('the authorization matrix is complete', () => {
  it('has a row for every tRPC procedure of the router, and no row for a procedure that is gone', () => {
    const paths = Object.keys(PROCEDURES);
    expect(paths.length).toBeGreaterThan(0);
    const covered = new Set(Object.keys(MATRIX_ROWS).map((key) => key.split('@')[0]!));
    for (const path of paths) expect(covered.has(path), `procedure ${path} has no row in the authorization matrix`).toBe(true);
    for (const key of Object.keys(MATRIX_ROWS)) expect(paths, `matrix row ${key} names no procedure`).toContain(key.split('@')[0]);
    for (const key of Object.keys(MATRIX_ROWS)) expect(SCENARIOS, `matrix row ${key} has no scenario`).toHaveProperty([key]);
  });

  it('has a row for every HTTP route the app registers', () => {
    const app = createApp(server.services);
    // Middleware is not a route of its own: the session resolver, and the tRPC endpoint,
    // whose procedures the tRPC table above covers one by one.
    const middleware = (r: (typeof app.routes)[number]) => r.handler.name === 'resolveSession' || r.path === '/api/trpc/*' || r.path === '/*' && r.method === 'ALL';
    const routes = new Set(app.routes.filter((r) => !middleware(r)).map((r) => `${r.method} ${r.path}`));
    const covered = new Set(Object.keys(HTTP_ROWS).map((key) => key.split('@')[0]!));
    for (const route of routes) expect(covered.has(route), `HTTP route ${route} has no row in the authorization matrix`).toBe(true);
    for (const route of covered) expect([...routes], `HTTP matrix row ${route} names no route`).toContain(route);
  });
});

describe('tRPC procedures × callers', () => {
  it.each(Object.keys(MATRIX_ROWS))('%s', async (key) => {
    const scenario = SCENARIOS[key as ProcedureRowKey];
    const path = key.split('@')[0]!;
    const problems = await runRow(key, MATRIX_ROWS[key]!, scenario, (as, f, who) => callProcedure(as, path, scenario.input?.(f, who)));
    expect(problems).toEqual([]);
  });
});

describe('HTTP routes × callers', () => {
  it.each(Object.keys(HTTP_ROWS))('%s', async (key) => {
    const scenario = HTTP_SCENARIOS[key as HttpRowKey];
    const problems = await runRow(key, HTTP_ROWS[key]!, scenario, (as, f) => callHttp(as, scenario, f), scenario.type);
    expect(problems).toEqual([]);
  });

  it('serves the public partial document without its redacted passage but with the rest of the text', async () => {
    const page = await (await client.anonymous.fetch(`/public/documents/${encodeURIComponent(F.publishedPartial.indexNumber!)}`)).text();
    expect(page).toContain('城市低保标准由每人每月860元提高到每人每月900元');
    for (const piece of SECRET_PIECES) expect(page).not.toContain(piece);
    const catalog = await (await client.anonymous.fetch('/public')).text();
    expect(catalog).toContain('授权矩阵删减公开文件');
    expect(catalog).not.toContain('授权矩阵不予公开文件');
    expect(catalog).not.toContain('授权矩阵撤稿文件');
  });
});

describe('request hygiene', () => {
  it('accepts mutations only as POST: a GET (a cross-site link) runs nothing', async () => {
    const as = await extraSession('admin');
    const mutations = Object.entries(PROCEDURES).filter(([, p]) => p._def.type === 'mutation').map(([path]) => path);
    const before = await fingerprint();
    for (const path of mutations) {
      const response = await as.fetch(`/api/trpc/${path}?input=${encodeURIComponent('{}')}`);
      expect(response.status, path).toBe(405);
      expect(errorBodyProblems(await response.text()), path).toEqual([]);
    }
    expect(await fingerprint()).toBe(before);
    expect((await callProcedure(as, 'auth.me', undefined)).body).toContain('"username":"admin"');
  });

  it('answers malformed requests with a clean error: no stack, no path, no SQL, headers intact', async () => {
    const as = client.drafter;
    const requests: [string, RequestInit?][] = [
      ['/api/trpc/documents.create', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title": ' }],
      ['/api/trpc/documents.create', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 1, body: null }) }],
      ['/api/trpc/documents.get?input=not-json'],
      [`/api/trpc/documents.get?input=${encodeURIComponent(JSON.stringify({ id: "' OR 1=1 --" }))}`],
      [`/api/trpc/documents.get?input=${encodeURIComponent(JSON.stringify({ id: 'x'.repeat(5000) }))}`],
      ['/api/trpc/no.such.procedure'],
      ['/api/trpc/review.approve', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ documentId: F.legality.id, expectedVersion: -1 }) }],
      ['/api/attachments/..%2F..%2Fshenfa.db'],
      ['/public/attachments/..%2F..%2Fshenfa.db'],
      ['/public/documents/%E0%A4%A'],
      ['/public?page=-1&category=%27%20OR%201%3D1'],
      ['/api/documents/x/attachments', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=zz' }, body: '--zz\r\nbroken' }],
    ];
    for (const [path, init] of requests) {
      const response = await as.fetch(path, init);
      const body = await response.text();
      expect(response.status, path).toBeLessThan(500);
      expect(errorBodyProblems(body), `${path}: ${body.slice(0, 200)}`).toEqual([]);
      expect(securityHeaderProblems(response.headers), path).toEqual([]);
      expect(leaks('drafter2', body), path).toEqual([]);
    }
  });

  it('never lets one user read or mark another user\'s notification', async () => {
    // A reminder scan notifies the holder of a task that is due soon (legal, at legality review).
    const doc = await atStep('legality_review');
    await scanReminders(server.services);
    const { client: db } = server.services.database;
    const unread = await db.execute({ sql: 'SELECT id FROM notifications WHERE user_id = ? AND document_id = ? AND read_at IS NULL', args: [userId.legal, doc.id] });
    const id = String(unread.rows[0]?.id ?? '');
    expect(id, 'the reminder scan left legal an unread notification').not.toBe('');
    for (const who of ['drafter', 'drafter2', 'admin', 'secrecy'] as const) {
      expect((await callProcedure(client[who], 'notifications.markRead', { id })).outcome).toBe(ALLOW);
      expect((await callProcedure(client[who], 'notifications.list', undefined)).body, who).not.toContain(id);
    }
    const after = await db.execute({ sql: 'SELECT read_at FROM notifications WHERE id = ?', args: [id] });
    expect(after.rows[0]?.read_at).toBeNull();
    expect((await callProcedure(client.legal, 'notifications.list', undefined)).body).toContain(id);
  });
});

describe('findings beyond single cells', () => {
  it('an outsider holding a task id from the deadline board learns nothing by probing review.approve', async () => {
    const doc = await atStep('secrecy_review', { title: '授权矩阵个人信息探测', body: BODY_WITH_SECRET });
    // The admin oversees every deadline, so the board names the open task, though the document is closed to them…
    const board = await client.admin.trpc.deadlines.board.query();
    const row = board.tasks.find((t) => t.documentId === doc.id);
    expect(row, 'the board lists the secrecy task (due within 3 working days)').toBeDefined();
    expect(row!.canView).toBe(false);
    expect((await callProcedure(client.admin, 'documents.get', { id: doc.id })).outcome).toBe(NOTFND);
    // …and probing the version and the approval must get one and the same refusal, saying nothing about the text.
    const answers = new Map<string, string>();
    for (let version = 1; version <= doc.version + 1; version++) {
      const answer = await callProcedure(client.admin, 'review.approve', { documentId: doc.id, expectedVersion: version, taskId: row!.taskId, opinion: '', checks: ALL_CHECKS });
      answers.set(`v${version}`, `${answer.outcome} ${(JSON.parse(answer.body) as { error?: { message?: string } }).error?.message ?? ''}`);
    }
    expect.soft(new Set(answers.values()).size, `one and the same refusal whatever the version; got ${JSON.stringify(Object.fromEntries(answers))}`).toBe(1);
    const telling = [...answers].filter(([, a]) => !/^(FORBIDDEN|NOT_FOUND) /.test(a) || /个人信息|\*{4}/.test(a));
    expect(telling, 'answers that are more than a plain refusal').toEqual([]);
  });

  // Regression: fixed upstream in 636a453 (an interpretation is drafted by its policy's section).
  it('another section cannot hold up a policy by linking an interpretation to it (谁起草、谁解读)', async () => {
    const policy = await atStep('publication', { categoryId: policyCategory, title: '清源市特困人员认定办法（矩阵测试）', docNumber: '清民规〔2026〕10号' });
    // drafter2 sees the policy among the link options, and may link to it…
    const options = await client.drafter2.trpc.documents.policyOptions.query();
    expect.soft(options.map((o) => o.id), 'drafter2 is offered a policy of another section').not.toContain(policy.id);
    const link = await callProcedure(client.drafter2, 'documents.create', draftInput(interpretationCategory, { title: '他科室的政策解读', docNumber: '', policyDocumentId: policy.id }));
    expect.soft(link.outcome, 'drafter2 links an interpretation to a policy of another section').not.toBe(ALLOW);
    // …and then the publisher can no longer publish the policy until drafter2's interpretation is signed off.
    const fresh = await current(policy.id);
    const publish = await callProcedure(client.publisher, 'publication.publish', { ...target(fresh), taskId: fresh.taskId });
    expect(publish.outcome, `publication of drafter's policy: ${publish.body.slice(0, 200)}`).toBe(ALLOW);
  });
});
