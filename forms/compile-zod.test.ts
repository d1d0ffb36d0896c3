import { describe, expect, it } from 'vitest';
import { compileFormSchema } from './compile-zod.js';
import { resolveFormState } from './field-state.js';
import { formOf, harness, label } from './test-helpers.js';

const kind = {
  key: 'kind',
  type: 'radio',
  label: label('类型'),
  options: [
    { value: 'person', label: label('自然人') },
    { value: 'org', label: label('法人或其他组织') },
  ],
  required: true,
};

describe('required, requiredWhen, visibleWhen', () => {
  const h = harness([
    kind,
    { key: 'name', type: 'text', label: label('姓名'), required: true },
    { key: 'orgName', type: 'text', label: label('单位名称'), visibleWhen: { field: 'kind', equals: 'org' }, required: true },
    { key: 'phone', type: 'text', label: label('电话'), requiredWhen: { field: 'kind', equals: 'person' } },
  ]);

  it('demands required fields, naming their label', () => {
    expect(h.issues({})).toEqual([
      { path: ['kind'], message: '请选择「类型」' },
      { path: ['name'], message: '请填写「姓名」' },
    ]);
    expect(h.errors({ kind: 'person', name: '  ' })).toEqual({ name: ['请填写「姓名」'], phone: ['请填写「电话」'] });
  });

  it('applies requiredWhen only while its condition holds', () => {
    expect(h.ok({ kind: 'org', name: '张三', orgName: '某公司' })).toEqual({
      kind: 'org',
      name: '张三',
      orgName: '某公司',
      phone: '',
    });
  });

  it('drops a hidden field to its empty value, even if it was sent (and invalid)', () => {
    expect(h.ok({ kind: 'person', name: '张三', phone: '1', orgName: 12345 })).toEqual({
      kind: 'person',
      name: '张三',
      orgName: '',
      phone: '1',
    });
  });

  it('requires a visible field marked required', () => {
    expect(h.errors({ kind: 'org', name: '张三' })).toEqual({ orgName: ['请填写「单位名称」'] });
  });

  it('strips keys the form does not define', () => {
    expect(h.ok({ kind: 'org', name: '张', orgName: '司', isAdmin: true })).not.toHaveProperty('isAdmin');
  });
});

describe('hiding cascades', () => {
  const fields = [
    { key: 'a', type: 'boolean', label: label('甲') },
    { key: 'b', type: 'boolean', label: label('乙'), visibleWhen: { field: 'a', equals: true } },
    { key: 'c', type: 'text', label: label('丙'), visibleWhen: { field: 'b', equals: true }, required: true },
  ];

  it('hides a field whose condition reads a hidden field', () => {
    const h = harness(fields);
    expect(h.ok({ a: false, b: true })).toEqual({ a: false, b: false, c: '' });
    expect(h.errors({ a: true, b: true })).toEqual({ c: ['请填写「丙」'] });
  });

  it('gives the client the same visibility', () => {
    const { fields: state } = resolveFormState(formOf(fields), { a: false, b: true });
    expect(state.b).toMatchObject({ visible: false, required: false });
    expect(state.c).toMatchObject({ visible: false, required: false });
  });
});

describe('labelWhen', () => {
  it('names the label that applies in messages', () => {
    const h = harness([
      kind,
      {
        key: 'reason',
        type: 'textarea',
        label: label('说明'),
        labelWhen: [{ when: { field: 'kind', equals: 'org' }, label: label('单位说明') }],
        required: true,
        rules: { maxLength: 2 },
      },
    ]);
    expect(h.errors({ kind: 'person' })).toEqual({ reason: ['请填写「说明」'] });
    expect(h.errors({ kind: 'org' })).toEqual({ reason: ['请填写「单位说明」'] });
    expect(h.errors({ kind: 'org', reason: '太长了' })).toEqual({ reason: ['「单位说明」不能超过 2 个字'] });
  });
});

describe('compileFormSchema', () => {
  it('rejects a non-object input in Chinese', () => {
    const h = harness([kind]);
    expect(h.schema.safeParse('x').error?.issues[0]?.message).toBe('表单数据格式不正确');
  });

  it('throws on an invalid definition at compile time', () => {
    expect(() =>
      compileFormSchema(formOf([{ key: 'a', type: 'text', label: label('甲'), visibleWhen: { field: 'zz', equals: 1 } }])),
    ).toThrow(/invalid form definition/);
    expect(() => compileFormSchema(formOf([{ key: 'r', type: 'redactions', label: label('删减') }]))).toThrow(
      /targetField/,
    );
  });

  it('is not affected by later changes to the definition', () => {
    const form = formOf([{ key: 'a', type: 'text', label: label('甲'), required: true }]);
    const schema = compileFormSchema(form);
    form.fields[0]!.required = false;
    expect(schema.safeParse({}).success).toBe(false);
  });

  it('does not echo the input in issues', () => {
    const h = harness([{ key: 'a', type: 'text', label: label('甲'), rules: { maxLength: 1 } }]);
    const result = h.schema.safeParse({ a: '身份证号' });
    expect(JSON.stringify(result.error?.issues)).not.toContain('身份证号');
  });
});
