/** The pure forms core: definitions as data, the field-type registry, and validation. */
export * from './disclosure.js';
export { evaluateCondition, conditionFields, conditionSchema, type Condition, type ConditionValue } from './conditions.js';
export {
  formDefinitionSchema,
  fieldDefinitionSchema,
  localizedTextSchema,
  type FormDefinition,
  type FieldDefinition,
  type FieldOption,
  type FieldRules,
  type LocalizedText,
  type FormPurpose,
  FORM_PURPOSES,
} from './form-definition.js';
export { richTextPlain, RICH_TEXT_MAX_HTML } from './field-types-richtext.js';
export { MAX_FILES_PER_FIELD, type FileRef } from './field-types-file.js';
export { GROUP_EXCLUDED_TYPES, MAX_GROUP_ROWS, type GroupRow } from './field-types-group.js';
export {
  quoted,
  isBlank,
  type FieldType,
  type FieldTypeContext,
  type CrossCheckContext,
  type FieldIssue,
} from './field-type.js';
export { registerFieldType, getFieldType, fieldTypeKeys, BUILTIN_FIELD_TYPES } from './field-types.js';
export type { Redaction } from './field-types-redactions.js';
export { resolveFormState, emptyValueOf, type FieldState, type FormState } from './field-state.js';
export { compileFormSchema, type CompileOptions, type FormSchema, type FormValues } from './compile-zod.js';
export {
  draftDocumentForm,
  draftDocumentSchema,
  compileDraftDocumentSchema,
  type DraftDocumentInput,
  type DraftDocumentRawInput,
  type DraftDocumentSchema,
} from './draft-document.form.js';
export { redactedSegments, highlightSegments, type PublicSegment, type ReviewSegment, type RedactionRange } from './redaction.js';
export {
  scanPersonalData,
  isResidentId,
  passesLuhn,
  maskHit,
  maskAll,
  type PersonalDataHit,
  type PersonalDataKind,
} from './privacy-scan.js';
export { isCalendarDate, isIsoDate } from './calendar-date.js';
export {
  validateFormDefinition,
  WORKFLOW_GUARD_FIELDS,
  CORE_DRAFT_FIELDS,
  type FormDefinitionIssue,
} from './validate-form-definition.js';
