/**
 * The `file` field type: files uploaded for this field (through the server's upload route,
 * which applies the attachment rules: size limit, type allowlist, generated stored names).
 * The value is the list of uploads, each `{ id, name }`; the server checks every id belongs to
 * the person filling the form (or already to this document) and words `name` from its own table.
 */
import { z } from 'zod';
import { quoted, type FieldType } from './field-type.js';

export interface FileRef {
  id: string;
  /** The original file name, for display; the server's stored name wins. */
  name: string;
}

const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Without a `rules.max`, at most this many files per field. */
export const MAX_FILES_PER_FIELD = 20;

export const fileField: FieldType<FileRef[]> = {
  key: 'file',
  emptyValue: () => [],
  isEmpty: (raw) => raw === null || raw === undefined || (Array.isArray(raw) && raw.length === 0),
  requiredMessage: (label) => `请上传${quoted(label)}`,
  schema: ({ label, field }) =>
    z.array(z.unknown(), { error: `${quoted(label)}格式不正确` }).transform((items, issues) => {
      const out: FileRef[] = [];
      const seen = new Set<string>();
      items.forEach((item, i) => {
        const { id, name } = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
        if (typeof id !== 'string' || !UPLOAD_ID.test(id)) {
          issues.addIssue({ code: 'custom', path: [i], message: `${quoted(label)}第 ${i + 1} 个文件无效，请重新上传` });
          return;
        }
        if (seen.has(id)) return;
        seen.add(id);
        out.push({ id, name: typeof name === 'string' ? name.slice(0, 200) : '' });
      });
      const { min, max = MAX_FILES_PER_FIELD } = field.rules ?? {};
      if (min !== undefined && out.length < min) issues.addIssue({ code: 'custom', message: `${quoted(label)}至少需要 ${min} 个文件` });
      if (out.length > max) issues.addIssue({ code: 'custom', message: `${quoted(label)}最多 ${max} 个文件` });
      return out;
    }),
};
