/**
 * The `richtext` field type: formatted text (bold, italic, lists, links) stored as HTML.
 * The pure core only checks it as text; the server passes every rich-text value through its
 * HTML sanitiser (server/services/rich-text.ts) before this schema runs and again before
 * anything renders it, so only the allowlisted markup is ever stored or shown.
 */
import { z } from 'zod';
import { quoted, type FieldType } from './field-type.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The text a reader sees in an HTML fragment: tags dropped, block ends as line breaks,
 * common entities decoded. Used for emptiness and length rules, never for display.
 *
 * @example richTextPlain('<p>依据<strong>第十条</strong></p><p></p>'); // '依据第十条'
 */
export function richTextPlain(html: string): string {
  return html
    .replace(/<(br|\/p|\/li|\/h\d|\/blockquote)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/\u00a0/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** Markup beyond this many characters is refused whatever the text length (a flood of empty tags). */
export const RICH_TEXT_MAX_HTML = 200_000;

export const richTextField: FieldType<string> = {
  key: 'richtext',
  emptyValue: () => '',
  // An editor left with only <p><br></p> is empty, as the user sees it.
  isEmpty: (raw) => raw === null || raw === undefined || (typeof raw === 'string' && richTextPlain(raw) === ''),
  requiredMessage: (label) => `请填写${quoted(label)}`,
  schema: ({ label, field }) =>
    z.string({ error: `${quoted(label)}应为文本` }).superRefine((html, issues) => {
      const length = [...richTextPlain(html)].length;
      const { minLength, maxLength } = field.rules ?? {};
      if (html.length > RICH_TEXT_MAX_HTML) issues.addIssue({ code: 'custom', message: `${quoted(label)}内容过长` });
      if (minLength !== undefined && length < minLength) issues.addIssue({ code: 'custom', message: `${quoted(label)}至少需要 ${minLength} 个字` });
      if (maxLength !== undefined && length > maxLength) issues.addIssue({ code: 'custom', message: `${quoted(label)}不能超过 ${maxLength} 个字` });
    }),
};
