import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AUDIT_GROUP_LABELS, auditActionLabel, auditGroupLabel } from './audit-actions';
import { REQUEST_EVENT_TYPES } from './requests/request-types';
import { DEADLINE_STATUSES } from './clocks/deadline-status';

const SERVER = path.resolve(import.meta.dirname, '../server');

function serverSources(dir = SERVER): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverSources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [{ file: path.relative(SERVER, full), text: fs.readFileSync(full, 'utf8') }] : [];
  });
}

const reviewSource = fs.readFileSync(path.join(SERVER, 'services/review-service.ts'), 'utf8');

/**
 * Codes built in a template (`review.${input.action}`): the prefix and what can follow it,
 * read from the same lists the server builds them from.
 */
const FAMILIES: Record<string, readonly string[]> = {
  // ReviewAction's union in review-service.ts: `| { action: 'approve'; … }`.
  'review.': [...reviewSource.matchAll(/\|\s*\{\s*action:\s*'(\w+)'/g)].map((m) => m[1]!),
  'request.': REQUEST_EVENT_TYPES.map((type) => type.toLowerCase()),
  // decideValidity writes the decided state; a pending change is never a decision.
  'validity.': ['approved', 'rejected'],
  // reminder-service fires nothing for a task still on time.
  'reminder.': DEADLINE_STATUSES.filter((s) => s !== 'on_time'),
};

describe('the audit action catalog', () => {
  const sources = serverSources();

  it('names every action the server writes as a literal', () => {
    const written = sources.flatMap(({ file, text }) => [...text.matchAll(/\baction:\s*['"]([a-z_]+(?:\.[a-z_]+)+)['"]/g)].map((m) => ({ file, action: m[1]! })));
    expect(written.length).toBeGreaterThan(40);
    expect(written.filter((w) => !auditActionLabel(w.action))).toEqual([]);
  });

  it('names every action the server builds from a template, and knows every template', () => {
    const templates = sources.flatMap(({ file, text }) => [...text.matchAll(/\baction:\s*`([a-z_.]+)\$\{/g)].map((m) => ({ file, prefix: m[1]! })));
    expect(templates.length).toBeGreaterThanOrEqual(4);
    expect(templates.filter((t) => !(t.prefix in FAMILIES))).toEqual([]);
    expect(FAMILIES['review.']!.length).toBeGreaterThanOrEqual(9);
    const missing = Object.entries(FAMILIES).flatMap(([prefix, rest]) => rest.map((r) => `${prefix}${r}`)).filter((code) => !auditActionLabel(code));
    expect(missing).toEqual([]);
  });

  it('has a Chinese and an English label for every action and group, and a group for every action', () => {
    const blank = [...Object.entries(AUDIT_ACTION_LABELS), ...Object.entries(AUDIT_GROUP_LABELS)].filter(([, l]) => !l.zh.trim() || !l.en.trim());
    expect(blank).toEqual([]);
    expect(AUDIT_ACTIONS.filter((a) => !auditGroupLabel(a))).toEqual([]);
    // English labels use no Chinese; the page would otherwise be half-translated.
    expect(Object.values(AUDIT_ACTION_LABELS).filter((l) => /[\u4e00-\u9fff]/.test(l.en))).toEqual([]);
  });

  it('answers undefined for a code it does not know, so the page shows the code itself', () => {
    expect(auditActionLabel('review.approve')?.zh).toBe('审查同意');
    expect(auditActionLabel('plugin.something')).toBeUndefined();
    expect(auditActionLabel('toString')).toBeUndefined();
    expect(auditGroupLabel('request.')?.en).toBe('Information requests');
    expect(auditGroupLabel('constructor.')).toBeUndefined();
  });
});
