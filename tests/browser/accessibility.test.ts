import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, browserSuite, LAPTOP, screenshot } from './browser';
import { signIn } from './staff-actions';
import { signedIn } from '../support/api-client';
import { categoryId, draftInput } from '../support/draft-input';

/**
 * Accessibility: axe-core (the rules engine behind Lighthouse's accessibility audit) over the
 * pages staff and the public use most, in Chinese. Serious and critical WCAG 2 A/AA violations
 * fail the test; every finding is written to tests/artifacts/accessibility.json.
 */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string }[] }

async function audit(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })) }));
  });
}

describe('accessibility of the main pages (axe-core, WCAG 2.1 A/AA)', () => {
  const suite = browserSuite();
  const findings: Record<string, Violation[]> = {};

  it('has no serious or critical violations on sign-in, inbox, drafting, document, review task, deadline board, requests, admin tools, audit log, public catalog, application and (English) status pages', async () => {
    const drafter = await signedIn(suite.server.url, 'drafter');
    const category = await categoryId(drafter, 'notice');
    const created = await drafter.trpc.documents.create.mutate(draftInput(category, { title: '无障碍检查用文件' }));
    const submitted = await drafter.trpc.documents.create.mutate(draftInput(category, { title: '无障碍检查：待审文件' }));
    await drafter.trpc.review.submit.mutate({ documentId: submitted.id, expectedVersion: submitted.version });
    // The script is injected by the test (DevTools), which the page's CSP would otherwise refuse.
    const context = await suite.browser.newContext({ ...LAPTOP, bypassCSP: true });
    const page = await context.newPage();
    const visit = async (name: string, url: string, ready: string) => {
      await page.goto(`${suite.server.url}${url}`);
      await page.waitForSelector(ready);
      findings[name] = await audit(page);
      await screenshot(page, `a11y-${name}`);
    };
    await visit('login', '/login', '#username');
    await signIn(page, suite.server.url, 'drafter');
    await visit('inbox', '/', 'main');
    await visit('draft-form', '/documents/new', 'form');
    await visit('document', `/documents/${created.id}`, '[data-testid=doc-status]');
    await page.click('[data-testid=logout]');
    await page.waitForURL((url) => url.pathname.startsWith('/login'));
    // A reviewer's task page: the action panel with the five checks and the opinion box.
    await signIn(page, suite.server.url, 'legal');
    await visit('review-task', `/documents/${submitted.id}`, 'input[name=check-political]');
    await visit('deadlines', '/deadlines', 'main');
    await visit('requests', '/requests', 'main');
    await page.click('[data-testid=logout]');
    await page.waitForURL((url) => url.pathname.startsWith('/login'));
    await signIn(page, suite.server.url, 'admin');
    await visit('admin-home', '/admin', '.tool-grid');
    await visit('admin-channels', '/admin/channels', '[data-testid=channel-table]');
    await visit('admin-audit', '/admin/audit', '[data-testid=audit-row]');
    await visit('public-catalog', '/public', 'main');
    await visit('public-apply', '/public/apply', 'form');
    await visit('public-status-en', '/public/apply/status?lang=en', 'form');
    await context.close();
    fs.writeFileSync(path.join(ARTIFACTS, 'accessibility.json'), JSON.stringify(findings, null, 2));
    const blocking = Object.entries(findings).flatMap(([pageName, violations]) =>
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${pageName}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    );
    expect(blocking).toEqual([]);
  });
});
