/**
 * Labels for the core's vocabulary (attribute, legal ground, channel, five checks,
 * validity). The keys and their zh/en names are defined once in the core (forms/disclosure.ts,
 * workflows/validity); unknown keys (a newer server) show as-is rather than blank.
 */
import {
  ATTRIBUTE_LABELS,
  CHANNEL_LABELS,
  FIVE_CHECK_LABELS,
  LEGAL_GROUND_LABELS,
  type Channel,
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
export const channelLabel = lookup<Channel>(CHANNEL_LABELS);
export const checkLabel = lookup<FiveCheck>(FIVE_CHECK_LABELS);
export const validityLabel = lookup<Validity>(VALIDITY_LABELS);
