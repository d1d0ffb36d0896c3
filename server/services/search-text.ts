/**
 * Chinese text as search tokens. SQLite's tokenizers do not segment Chinese, and
 * Intl.Segmenter's dictionary keeps 低保 inside longer words (城市低保 → 城市/低保 is luck, not
 * rule), so text is indexed as overlapping character bigrams: every two-character word, and every
 * longer one as a run of bigrams, matches wherever it occurs. Latin words and numbers stay whole.
 * Pure: used to build the FTS rows and to turn a search box into an FTS5 query.
 */

const HAN = /\p{Script=Han}/u;
const PIECES = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** The tokens of one piece of text, in order. */
export function searchTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const [piece] of text.normalize('NFKC').matchAll(PIECES)) {
    if (!HAN.test(piece)) {
      tokens.push(piece.toLowerCase());
      continue;
    }
    const chars = [...piece];
    if (chars.length === 1) tokens.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  }
  return tokens;
}

const SURROGATE = /[\uD800-\uDFFF]/;
const SPACE = 32;
const utf16 = new TextDecoder('utf-16le');
/** indexText's output as UTF-16 code units: `n` of them so far, in a buffer that grows. */
let units = new Uint16Array(8192);
let n = 0;

function room(more: number): void {
  if (n + more <= units.length) return;
  const grown = new Uint16Array(Math.max(units.length * 2, n + more));
  grown.set(units.subarray(0, n));
  units = grown;
}

function put(s: string): void {
  room(s.length);
  for (let i = 0; i < s.length; i++) units[n++] = s.charCodeAt(i);
}

/**
 * What is stored in the FTS column: the tokens separated by spaces (unicode61 splits them back).
 * Exactly `searchTokens(text).join(' ')` (a unit test holds them equal), written into one buffer
 * of UTF-16 code units instead of one string per bigram: it runs once per document and field
 * when indexing, and seed-scale's generator spent a sixth of its time here.
 */
export function indexText(text: string): string {
  n = 0;
  for (const [piece] of text.normalize('NFKC').matchAll(PIECES)) {
    if (n) put(' ');
    if (!HAN.test(piece)) put(piece.toLowerCase());
    // Characters outside the BMP take two code units: the general path.
    else if (SURROGATE.test(piece)) put(searchTokens(piece).join(' '));
    else if (piece.length === 1) put(piece);
    else {
      room(piece.length * 3);
      for (let i = 0; i + 1 < piece.length; i++) {
        if (i) units[n++] = SPACE;
        units[n++] = piece.charCodeAt(i);
        units[n++] = piece.charCodeAt(i + 1);
      }
    }
  }
  return utf16.decode(units.subarray(0, n));
}

/**
 * An FTS5 MATCH expression for what someone typed: each whitespace-separated term must occur
 * as a phrase (its bigrams in a row); all terms must match. A term ending in a lone Chinese
 * character matches it as the start of a bigram (第3条 finds 第3条规定). Null when nothing is searchable.
 */
export function matchExpression(query: string): string | null {
  const phrases: string[] = [];
  for (const term of query.trim().split(/\s+/).slice(0, 8)) {
    const tokens = searchTokens(term).slice(0, 64);
    if (!tokens.length) continue;
    const last = tokens.at(-1)!;
    const prefix = [...last].length === 1 && HAN.test(last);
    // Tokens hold only letters and digits, so quoting needs no escaping.
    phrases.push(`"${tokens.join(' ')}"${prefix ? '*' : ''}`);
  }
  return phrases.length ? phrases.join(' AND ') : null;
}
