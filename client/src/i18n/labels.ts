/**
 * Labels for the core's vocabulary (attribute, legal ground, five checks, validity;
 * publication channels come from the server, named as the admins set them). The keys and their zh/en names are defined once in the core (forms/disclosure.ts,
 * workflows/validity); unknown keys (a newer server) show as-is rather than blank.
 */
import {
  ATTRIBUTE_LABELS,
  FIVE_CHECK_LABELS,
  LEGAL_GROUND_LABELS,
  type DisclosureAttribute,
  type FiveCheck,
  type LegalGround,
} from '../../../forms/disclosure';
import { VALIDITY_LABELS, type Validity } from '../../../workflows/validity/validity-values';
import { localized } from './i18n';

const lookup = <K extends string>(labels: Record<K, { zh: string; en: string }>) => (key: string | null | undefined) =>
  key ? localized(labels[key as K]) || key : '';

export const attributeLabel = lookup<DisclosureAttribute>(ATTRIBUTE_LABELS);
export const legalGroundLabel = lookup<LegalGround>(LEGAL_GROUND_LABELS);
export const checkLabel = lookup<FiveCheck>(FIVE_CHECK_LABELS);
export const validityLabel = lookup<Validity>(VALIDITY_LABELS);
