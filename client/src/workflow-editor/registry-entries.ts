/**
 * The registry's guard names as the server knows them (plugins included), fetched once per
 * page load for the workflow editors, and a browser-side registry that knows the same names
 * so the editor's live validation and simulation accept what the server will accept.
 */
import type { RegistryEntry } from '../../../workflows/registry-catalog';
import { createRegistry, registerGuard, type WorkflowRegistry } from '../../../workflows/registry';
import { localized, tKnown } from '../i18n/i18n';
import { trpc } from '../trpc';

let entriesPromise: Promise<RegistryEntry[]> | undefined;

/** The server's registry catalog; empty (and asked again next time) when it cannot be read. */
export function registryEntries(): Promise<RegistryEntry[]> {
  return (entriesPromise ??= trpc.workflows.registry.query().catch(() => {
    entriesPromise = undefined;
    return [] as RegistryEntry[];
  }));
}

/**
 * A release-review registry with the server's extra names added. A plugin's guard cannot run
 * here (it may need the document's text), so it holds; the server applies the real one.
 * @example validateDefinition(draft, editorRegistry(entries))
 */
export function editorRegistry(entries: readonly RegistryEntry[]): WorkflowRegistry {
  const registry = createRegistry();
  for (const e of entries) {
    if (e.flow !== 'review' || registry.guards.has(e.name) || e.use === 'rule') continue;
    registerGuard(e.name, () => true, registry, { label: e.label, use: e.use });
  }
  return registry;
}

/** A guard's name in words: the registry's label, else the catalog's, else the bare name. */
export function guardLabel(entries: readonly RegistryEntry[] | undefined, name: string, flow: RegistryEntry['flow'] = 'review'): string {
  const entry = entries?.find((e) => e.name === name && e.flow === flow);
  return entry ? localized(entry.label) : tKnown('wf.guard', name);
}
