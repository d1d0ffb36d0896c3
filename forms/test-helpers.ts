/** Small builders shared by the forms tests. */
import { z } from 'zod';
import { compileFormSchema, type CompileOptions } from './compile-zod.js';
import type { FieldDefinition, FormDefinition } from './form-definition.js';

export const label = (zh: string) => ({ zh, en: zh });

export function formOf(fields: FieldDefinition[]): FormDefinition {
  return { key: 'test_form', version: 1, title: label('测试表单'), fields };
}

/** Compiles a form and returns parse helpers: `ok` returns data, `errors` the field error map. */
export function harness(fields: FieldDefinition[], opts?: CompileOptions) {
  const schema = compileFormSchema(formOf(fields), opts);
  return {
    schema,
    ok(input: Record<string, unknown>) {
      const result = schema.safeParse(input);
      if (!result.success) throw new Error(`expected success, got ${JSON.stringify(result.error.issues)}`);
      return result.data;
    },
    errors(input: Record<string, unknown>) {
      const result = schema.safeParse(input);
      if (result.success) throw new Error(`expected failure, got ${JSON.stringify(result.data)}`);
      return z.flattenError(result.error).fieldErrors as Record<string, string[]>;
    },
    issues(input: Record<string, unknown>) {
      const result = schema.safeParse(input);
      return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
    },
  };
}
