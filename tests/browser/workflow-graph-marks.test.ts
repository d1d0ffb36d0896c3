/**
 * The release-review graph in the editor names what a step asks of its reviewers: a step
 * with an opinion form carries a 意见表 mark (with an accessible name), and a plugin's
 * condition reads with the label the server's registry gives it, not its bare name.
 */
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../forms/index';
import { defaultRegistry, registerGuard } from '../../workflows/registry';
import { signedIn } from '../support/api-client';
import { browserSuite, LAPTOP, screenshot, watchPageErrors } from './browser';
import { signIn } from './staff-actions';

const suite = browserSuite();
const node = (step: string) => `[data-testid=editor-graph] [data-testid=wf-node][data-step=${step}]`;

const legalityOpinion: FormDefinition = {
  key: 'legality_opinion',
  version: 1,
  purpose: 'opinion',
  title: { zh: '合法性审查意见', en: 'Legality opinion' },
  fields: [{ key: 'basis', type: 'textarea', label: { zh: '依据', en: 'Basis' }, required: true, rules: { maxLength: 500 } }],
};

describe('marks on the release-review graph', () => {
  it('marks the opinion-form step and labels a plugin’s condition from the registry', async () => {
    // A plugin adding a condition, installed in the server's registry (the server runs in this process).
    registerGuard('isUrgentPlugin', () => true, defaultRegistry, { label: { zh: '加急件', en: 'Urgent item' }, use: 'condition' });
    const admin = await signedIn(suite.server.url, 'admin');
    await admin.trpc.forms.publish.mutate({ definition: legalityOpinion });

    const context = await suite.browser.newContext(LAPTOP);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, suite.server.url, 'admin');
    await page.goto(`${suite.server.url}/admin/workflows/release-review`);
    await page.waitForSelector(node('legality_review'));
    expect(await page.locator('[data-testid=wf-opinion-mark]').count()).toBe(0);

    await page.click(node('legality_review'));
    await page.waitForSelector('[data-testid=step-opinion-form] option[value=legality_opinion]', { state: 'attached' });
    await page.selectOption('[data-testid=step-opinion-form]', 'legality_opinion');
    const mark = page.locator(`${node('legality_review')} [data-testid=wf-opinion-mark]`);
    await mark.waitFor();
    expect(await mark.getAttribute('aria-label')).toBe('本步骤审查人须填写审查意见表（legality_opinion）');
    expect(await page.getByRole('img', { name: '本步骤审查人须填写审查意见表（legality_opinion）' }).count()).toBe(1);
    expect(await mark.textContent()).toContain('意见表');

    await page.click(node('stats_review'));
    await page.selectOption('[data-testid=step-condition]', 'isUrgentPlugin');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('仅当加急件'), node('stats_review'));
    expect(await page.textContent(node('stats_review'))).not.toContain('isUrgentPlugin');
    await page.waitForSelector('[data-testid=wf-valid]');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, '122-graph-opinion-mark-plugin-condition');
    expect(errors).toEqual([]);
    await context.close();
  });
});
