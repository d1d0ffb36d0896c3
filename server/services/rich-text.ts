/**
 * The server's HTML sanitiser for `richtext` field values (sanitize-html, an allowlist
 * parser): a few formatting tags, links only to http(s) and mailto, no attributes beyond a
 * link's href, no scripts, styles, event handlers or embedded content. Every rich-text value
 * is cleaned before its form schema runs (so what is stored is clean) and again before it
 * is sent for display (so a row written some other way cannot carry markup either).
 */
import sanitizeHtml from 'sanitize-html';
import type { FieldDefinition, FormDefinition } from '../../forms/index';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'a', 'blockquote', 'h3', 'h4'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Dropped with their content: the text of a script or style is never shown as text either.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object', 'embed'],
  disallowedTagsMode: 'discard',
  transformTags: {
    // Editors write <b>/<i>; stored markup says what it means.
    b: 'strong',
    i: 'em',
    // Links open apart from Shenfa and tell the target nothing of where they came from.
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
};
// transformTags adds rel/target after the attribute filter, so they must be allowed on output too.
OPTIONS.allowedAttributes = { a: ['href', 'rel', 'target'] };

/**
 * Cleans one rich-text value.
 * @example sanitizeRichText('<p onclick="x()">甲<script>alert(1)</script></p>') // '<p>甲</p>'
 */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/**
 * A copy of a form's raw values with every rich-text value (top-level fields and table
 * columns) cleaned; other values are passed on untouched for the schema to judge.
 */
export function sanitizeFormInput(form: FormDefinition, raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (const field of form.fields) {
    if (Object.hasOwn(out, field.key)) out[field.key] = cleanValue(field, out[field.key]);
  }
  return out;
}

function cleanValue(field: FieldDefinition, value: unknown): unknown {
  if (field.type === 'richtext') return typeof value === 'string' ? sanitizeRichText(value) : value;
  if (field.type !== 'group' || !Array.isArray(value)) return value;
  const columns = (field.fields ?? []).filter((c) => c.type === 'richtext');
  if (!columns.length) return value;
  return value.map((row: unknown) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return row;
    const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
    for (const column of columns) if (typeof copy[column.key] === 'string') copy[column.key] = sanitizeRichText(copy[column.key] as string);
    return copy;
  });
}
