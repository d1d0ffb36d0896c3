/**
 * "The same information is requested again and again": requests whose descriptions share
 * most of their Chinese two-character words (bigrams). Chinese has no spaces, so bigrams are
 * the usual cheap stand-in for words (低保, 名单 …); latin words and numbers count whole.
 */

/** `bigrams('2026年低保名单')` → {'2026', '年低', '低保', '保名', '名单'} */
export function bigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const run of text.toLowerCase().match(/[\p{Script=Han}]+|[a-z0-9]+/gu) ?? []) {
    if (!/\p{Script=Han}/u.test(run)) {
      grams.add(run);
      continue;
    }
    if (run.length === 1) grams.add(run);
    for (let i = 0; i + 1 < run.length; i++) grams.add(run.slice(i, i + 2));
  }
  return grams;
}

/**
 * Share of the shorter description's bigrams found in the other (overlap coefficient), so a
 * short request inside a longer one still counts. 0 … 1.
 *
 * @example similarity('2026年低保名单', '请公开2026年低保名单') // 1
 */
export function similarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  const smaller = ga.size <= gb.size ? ga : gb;
  const larger = smaller === ga ? gb : ga;
  // One or two shared characters say nothing about what is asked.
  if (smaller.size < 2) return 0;
  let shared = 0;
  for (const g of smaller) if (larger.has(g)) shared++;
  return shared / smaller.size;
}

/** How alike two descriptions must be to count as the same information. */
export const SIMILARITY_THRESHOLD = 0.6;
/** How many requests (this one included) for the same information suggest publishing it. */
export const REPEAT_THRESHOLD = 3;

/**
 * The other requests asking for the same information as `description`, most alike first.
 *
 * @example similarRequests('低保名单', [{ id: 'a', description: '2026年低保名单' }]) // [{ id: 'a', score: 1, … }]
 */
export function similarRequests<T extends { id: string; description: string }>(description: string, others: readonly T[]): (T & { score: number })[] {
  return others
    .map((other) => ({ ...other, score: similarity(description, other.description) }))
    .filter((other) => other.score >= SIMILARITY_THRESHOLD)
    .sort((a, b) => b.score - a.score);
}

/** Whether to suggest publishing the information proactively (依申请转主动). */
export function suggestsProactive(similarCount: number): boolean {
  return similarCount + 1 >= REPEAT_THRESHOLD;
}
