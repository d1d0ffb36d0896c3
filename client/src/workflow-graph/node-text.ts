/**
 * The words drawn on the graph, in the current language: each box's lines (step name; kind
 * and who; condition) and each arrow's label. Sizes follow from the words, so the layout is
 * redone when the language changes.
 */
import { ROLE_LABELS, isRole } from '../../../workflows/roles';
import type { ConditionRef, LocalizedText, SignerRef, StepDefinition } from '../../../workflows/definition';
import { localized, t, tKnown } from '../i18n/i18n';
import type { GraphEdge, GraphNode } from './graph-model';
import { textWidth } from './graph-layout';

export interface NodeText {
  title: string;
  detail: string;
  condition: string;
  /** Words for the opinion-form mark, when reviewers fill a form at this step. */
  opinionForm?: string;
}

/** Labels of guard names as the server's registry gives them (plugins included). */
export type GuardLabels = Readonly<Record<string, LocalizedText>>;

/**
 * A condition in words, e.g. 仅当含统计数据: the catalog's words for a built-in name (phrased
 * to follow 仅当), else the registry's label (a plugin's), else the bare name.
 * @example conditionText({ guard: 'isUrgent' }, { isUrgent: { zh: '加急件', en: 'Urgent' } }) // '仅当加急件'
 */
export function conditionText(c: ConditionRef, labels: GuardLabels = {}): string {
  const known = tKnown('wf.guard', c.guard);
  const label = labels[c.guard];
  const name = known === c.guard && label ? localized(label) : known;
  return t(c.not ? 'wf.whenNot' : 'wf.when', { c: name });
}

function signerText(s: SignerRef, userNames: Record<string, string>): string {
  return 'role' in s ? localized(ROLE_LABELS[s.role]) : (userNames[s.userId] ?? s.userId);
}

/** Who acts at a step: its role, or its signers with 会签/或签. */
export function assigneeText(step: StepDefinition, userNames: Record<string, string> = {}): string {
  if (step.signers && step.signers.length > 0) {
    const names = step.signers.map((s) => signerText(s, userNames)).join(t('wf.listSep'));
    return step.signers.length > 1 ? t('wf.withMode', { names, mode: t(step.mode === 'any' ? 'wf.modeAny' : 'wf.modeAll') }) : names;
  }
  return step.role && isRole(step.role) ? localized(ROLE_LABELS[step.role]) : '';
}

export function nodeText(node: GraphNode, userNames: Record<string, string> = {}, guardLabels: GuardLabels = {}): NodeText {
  const step = node.step;
  const kind = tKnown('wf.kind', step.kind);
  const who = step.kind === 'end' ? '' : assigneeText(step, userNames);
  return {
    title: localized(step.label) || step.id,
    detail: who ? `${kind} · ${who}` : kind,
    condition: node.conditions.map((c) => conditionText(c, guardLabels)).join('；'),
    opinionForm: step.opinionForm ? t('wf.opinionForm', { form: step.opinionForm }) : '',
  };
}

export function edgeText(edge: GraphEdge, from: StepDefinition | undefined): string {
  switch (edge.kind) {
    case 'forward':
      if (from?.kind === 'fill') return t('wf.edge.submit');
      if ((from?.signers?.length ?? 0) > 1) return t(from?.mode === 'any' ? 'wf.edge.approveAny' : 'wf.edge.approveAll');
      return t('wf.edge.approve');
    case 'skip':
      return edge.skipped.length > 1 ? t('wf.edge.skipMany', { n: edge.skipped.length }) : t('wf.edge.skip');
    default:
      return t(`wf.edge.${edge.kind}`);
  }
}

export interface NodeMetrics {
  width: number;
  height: number;
  titleSize: number;
  detailSize: number;
  /** Lines cut to fit, with the full text kept for the box's tooltip. */
  lines: { title: string; detail: string[]; condition: string };
}

/** Cuts text to `max` pixels with an ellipsis. */
export function fitText(text: string, fontSize: number, max: number): string {
  if (textWidth(text, fontSize) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, fontSize) > max) break;
    out += ch;
  }
  return `${out}…`;
}

const BREAK_AFTER = /[、，,；;\s·）)]/;

/**
 * Greedy line breaking for a box: at most `maxLines` lines of `max` pixels, preferring to
 * break after a separator (、 · space), the last line cut with an ellipsis.
 * @example wrapText('会签 · 统计口径审查、分管领导（会签）', 12, 150, 2) // ['会签 · 统计口径审查、', '分管领导（会签）']
 */
export function wrapText(text: string, fontSize: number, max: number, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest && lines.length < maxLines - 1 && textWidth(rest, fontSize) > max) {
    const chars = [...rest];
    let fit = 0;
    while (fit < chars.length && textWidth(chars.slice(0, fit + 1).join(''), fontSize) <= max) fit++;
    let cut = fit;
    for (let i = fit; i > fit / 2; i--) {
      if (BREAK_AFTER.test(chars[i - 1] ?? '')) {
        cut = i;
        break;
      }
    }
    lines.push(chars.slice(0, Math.max(cut, 1)).join('').trimEnd());
    rest = chars.slice(Math.max(cut, 1)).join('').trimStart();
  }
  if (rest) lines.push(fitText(rest, fontSize, max));
  return lines;
}

/** Box size for a node's words: wide enough for them, within bounds, taller for a second detail line or a condition. */
export function nodeMetrics(text: NodeText, compact: boolean): NodeMetrics {
  const titleSize = compact ? 13 : 14;
  const detailSize = compact ? 11 : 12;
  const pad = compact ? 12 : 14;
  const min = compact ? 96 : 150;
  const max = compact ? 150 : 240;
  const natural = Math.max(textWidth(text.title, titleSize), textWidth(text.detail, detailSize), textWidth(text.condition, detailSize));
  const width = Math.min(max, Math.max(min, natural + 2 * pad));
  const inner = width - 2 * pad;
  const lines = {
    title: fitText(text.title, titleSize, inner),
    detail: wrapText(text.detail, detailSize, inner, 2),
    condition: text.condition ? fitText(text.condition, detailSize, inner) : '',
  };
  const detailLines = lines.detail.length + (lines.condition ? 1 : 0);
  return { width, height: 14 + titleSize * 1.4 + detailLines * detailSize * 1.45, titleSize, detailSize, lines };
}
