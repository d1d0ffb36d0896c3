/**
 * A form that is not a document (a step's opinion form): its controller, with the department
 * and person lists when it has pickers. The same compiled schema the server runs again.
 */
import { compileFormSchema, type FormDefinition } from '../../../forms/index';
import { emptyValueOf } from '../../../forms/index';
import { pickerSources } from '../drafting/DraftEditor';
import { t } from '../i18n/i18n';
import { createFormController, type FormController } from './form-controller';

export function createOpinionFormController(definition: FormDefinition, initial?: Record<string, unknown>): FormController {
  return createFormController({
    definition,
    schema: compileFormSchema(definition),
    initial: initial ?? Object.fromEntries(definition.fields.map((f) => [f.key, emptyValueOf(f)])),
    optionSources: pickerSources(definition),
    droppedMessage: (n) => t('redaction.dropped', { n }),
  });
}
