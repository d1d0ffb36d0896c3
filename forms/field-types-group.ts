/**
 * The `group` field type: a repeating group shown as a table. Its value is a list of rows;
 * each row holds a value per sub-field (`field.fields`), validated by that sub-field's own
 * registered type, so a number column is checked as a number and a select column against its
 * options. `rules.min` / `rules.max` bound the number of rows.
 *
 * Sub-fields are plain columns: no conditions, no nested groups, and no types whose values
 * the server must check against its tables (files, pickers, runtime option lists).
 */
import { z } from 'zod';
import { quoted, type FieldType } from './field-type.js';
import type { FieldDefinition } from './form-definition.js';

export type GroupRow = Record<string, unknown>;

/** Types a column may not have: see the module comment. */
export const GROUP_EXCLUDED_TYPES: readonly string[] = ['group', 'redactions', 'file', 'department', 'person'];

/** Without a `rules.max`, at most this many rows. */
export const MAX_GROUP_ROWS = 200;

const CONDITIONAL = ['visibleWhen', 'requiredWhen', 'labelWhen', 'optionsSource', 'targetField'] as const;

/** Built with the registry's lookup (passed in, so this module does not import the registry). */
export function groupFieldType(lookup: (key: string) => FieldType | undefined): FieldType<GroupRow[]> {
  function checkColumns(field: FieldDefinition): string | undefined {
    const name = `字段「${field.label.zh}」`;
    const columns = field.fields ?? [];
    if (columns.length === 0) return `${name}至少需要一个列`;
    const keys = new Set<string>();
    for (const column of columns) {
      const col = `${name}的列「${column.label.zh}」`;
      if (keys.has(column.key)) return `${name}的列键名「${column.key}」重复`;
      keys.add(column.key);
      const type = lookup(column.type);
      if (type === undefined) return `${col}的类型「${column.type}」不存在`;
      if (GROUP_EXCLUDED_TYPES.includes(column.type)) return `${col}不能使用该类型`;
      if (CONDITIONAL.some((p) => column[p] !== undefined)) return `${col}不能设置条件或选项来源`;
      const problem = type.checkDefinition?.(column, { key: '', version: 1, title: field.label, fields: columns });
      if (problem !== undefined) return problem;
    }
    return undefined;
  }

  return {
    key: 'group',
    emptyValue: () => [],
    isEmpty: (raw) => raw === null || raw === undefined || (Array.isArray(raw) && raw.length === 0),
    requiredMessage: (label) => `请在${quoted(label)}中至少添加一行`,
    checkDefinition: (field) => checkColumns(field),
    schema: ({ label, field }) => {
      const columns = (field.fields ?? []).map((column) => {
        const type = lookup(column.type)!;
        const allowedValues = column.options === undefined ? undefined : new Set(column.options.map((o) => o.value));
        return { column, type, schema: type.schema({ field: column, label: column.label.zh, allowedValues }) };
      });
      return z.array(z.unknown(), { error: `${quoted(label)}格式不正确` }).transform((rows, issues) => {
        const { min, max = MAX_GROUP_ROWS } = field.rules ?? {};
        if (min !== undefined && rows.length < min) issues.addIssue({ code: 'custom', message: `${quoted(label)}至少需要 ${min} 行` });
        if (rows.length > max) issues.addIssue({ code: 'custom', message: `${quoted(label)}最多 ${max} 行` });
        return rows.map((raw, i) => {
          const where = `${quoted(label)}第 ${i + 1} 行：`;
          const given = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
          if (given === undefined) {
            issues.addIssue({ code: 'custom', path: [i], message: `${where}格式不正确` });
            return {};
          }
          const row: GroupRow = {};
          for (const { column, type, schema } of columns) {
            const value = Object.hasOwn(given, column.key) ? given[column.key] : undefined;
            if (type.isEmpty(value)) {
              if (column.required === true) issues.addIssue({ code: 'custom', path: [i, column.key], message: where + type.requiredMessage(column.label.zh) });
              row[column.key] = type.emptyValue(column);
              continue;
            }
            const result = schema.safeParse(value, { error: () => `${quoted(column.label.zh)}填写有误` });
            if (result.success) row[column.key] = result.data;
            else for (const issue of result.error.issues) issues.addIssue({ code: 'custom', path: [i, column.key], message: where + issue.message });
          }
          return row;
        });
      });
    },
  };
}
