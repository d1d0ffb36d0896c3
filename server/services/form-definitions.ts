import { and, desc, eq, max } from 'drizzle-orm';
import { compileFormSchema, formDefinitionSchema, type FormDefinition, type FormSchema } from '../../forms/index';
import type { Db } from '../db/client';
import { categories, formDefinitions } from '../db/schema/index';
import { notFound } from './errors';
import { loadChannels } from '../channels/load-channels';

/**
 * The core 发布渠道 field offers the channels as this deployment has them now (the built-in
 * ones, any plugin's, and those an admin added; enabled ones, in the admins' order,
 * server/channels/load-channels.ts), whatever list a stored version was written with: channels
 * are a deployment's setting, not a form's choice. The client renders this list; the server
 * checks a submitted selection against the same settings (draft-form-service.ts), which also
 * lets a document keep a channel disabled since.
 */
async function withCurrentChannels(db: Db, definition: FormDefinition): Promise<FormDefinition> {
  if (!definition.fields.some(isChannelsField)) return definition;
  const options = (await loadChannels(db)).filter((c) => c.enabled).map((c) => ({ value: c.key, label: c.label }));
  return { ...definition, fields: definition.fields.map((field) => (isChannelsField(field) ? { ...field, options } : field)) };
}

const isChannelsField = (field: FormDefinition['fields'][number]) => field.key === 'channels' && field.type === 'multiselect';

/**
 * The definition the cached schema is compiled from: its 发布渠道 field takes its options from
 * a runtime source the server never passes, so the schema accepts any key there and the
 * channel settings decide (they change while the cache lives).
 */
function withChannelsUnchecked(definition: FormDefinition): FormDefinition {
  return {
    ...definition,
    fields: definition.fields.map((field) => {
      if (!isChannelsField(field)) return field;
      const { options: _listed, ...rest } = field;
      return { ...rest, optionsSource: 'publicationChannels' };
    }),
  };
}

/** The shipped drafting form's key: categories are bound to it unless an admin says otherwise. */
export const DEFAULT_DRAFT_FORM = 'draft_document';

/**
 * The form versions documents are pinned to, stored in the database. A stored version never
 * changes (triggers refuse it), so each is parsed and compiled once per database and cached;
 * which version is the latest is always asked of the database, so a version published by
 * another process is used by the next new document here.
 */
interface CachedForm {
  definition: FormDefinition;
  schema: FormSchema;
}
const cache = new WeakMap<Db, Map<string, CachedForm>>();

function cacheOf(db: Db): Map<string, CachedForm> {
  const byKey = cache.get(db) ?? new Map<string, CachedForm>();
  cache.set(db, byKey);
  return byKey;
}

async function loadPinned(db: Db, key: string, version: number): Promise<CachedForm> {
  const byKey = cacheOf(db);
  const hit = byKey.get(`${key}@${version}`);
  if (hit) return hit;
  const [row] = await db
    .select({ definition: formDefinitions.definition })
    .from(formDefinitions)
    .where(and(eq(formDefinitions.key, key), eq(formDefinitions.version, version)));
  if (!row) throw notFound(`未找到表单 ${key} 第 ${version} 版`);
  const definition = { ...(formDefinitionSchema.parse(row.definition) as FormDefinition), key, version };
  const entry = { definition, schema: compileFormSchema(withChannelsUnchecked(definition)) };
  byKey.set(`${key}@${version}`, entry);
  return entry;
}

/**
 * The form version a document was filled with.
 * @example const form = await pinnedForm(db, doc.formKey, doc.formVersion);
 */
export async function pinnedForm(db: Db, key: string, version: number): Promise<FormDefinition> {
  return withCurrentChannels(db, (await loadPinned(db, key, version)).definition);
}

/**
 * A pinned version as stored, its 发布渠道 options not filled in: for callers that never show
 * that field (a document's extra fields), so they need not read the channel settings.
 */
export async function storedForm(db: Db, key: string, version: number): Promise<FormDefinition> {
  return (await loadPinned(db, key, version)).definition;
}

/** The compiled schema of a pinned version (no runtime option lists: the services check ids and channels). */
export async function pinnedFormSchema(db: Db, key: string, version: number): Promise<FormSchema> {
  return (await loadPinned(db, key, version)).schema;
}

/** The latest published version number of a form key, or null when none is stored. */
export async function latestFormVersion(db: Db, key: string): Promise<number | null> {
  const [row] = await db.select({ v: max(formDefinitions.version) }).from(formDefinitions).where(eq(formDefinitions.key, key));
  return row?.v ?? null;
}

/** The latest version of a form key: the one new documents are filled with. */
export async function currentForm(db: Db, key: string): Promise<FormDefinition> {
  const version = await latestFormVersion(db, key);
  if (version === null) throw notFound(`未找到表单 ${key}`);
  return pinnedForm(db, key, version);
}

/**
 * The latest version of the form bound to a category; the default drafting form for an
 * unknown or missing category (the category itself is refused later, by the draft service).
 */
export async function draftFormForCategory(db: Db, categoryId: unknown): Promise<FormDefinition> {
  const [row] =
    typeof categoryId === 'string' && categoryId !== ''
      ? await db.select({ formKey: categories.formKey }).from(categories).where(eq(categories.id, categoryId))
      : [];
  return currentForm(db, row?.formKey ?? DEFAULT_DRAFT_FORM);
}

/** Every stored version's metadata, newest first per key. */
export async function listStoredForms(db: Db) {
  return db
    .select({
      key: formDefinitions.key,
      version: formDefinitions.version,
      definition: formDefinitions.definition,
      notes: formDefinitions.notes,
      publishedAt: formDefinitions.publishedAt,
      publishedBy: formDefinitions.publishedBy,
    })
    .from(formDefinitions)
    .orderBy(formDefinitions.key, desc(formDefinitions.version));
}

/** What the latest version of a form key is for ('draft' or 'opinion'), or null when no such form is stored. */
export async function formPurpose(db: Db, key: string): Promise<'draft' | 'opinion' | null> {
  const version = await latestFormVersion(db, key);
  if (version === null) return null;
  return (await pinnedForm(db, key, version)).purpose ?? 'draft';
}
