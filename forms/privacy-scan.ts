/**
 * Finds unmasked personal data in content before publication (domain.md, "Privacy in
 * published content"), so the secrecy reviewer can mask or justify each hit. Masked
 * values such as 410***********1234 or 138****5678 contain no full number and are not hits.
 */
import { isCalendarDate } from './calendar-date.js';

export type PersonalDataKind = 'resident_id' | 'mobile' | 'bank_card' | 'email';

/** A hit: `start`/`end` are JS string indices (end exclusive), `text` the matched characters. */
export interface PersonalDataHit {
  kind: PersonalDataKind;
  start: number;
  end: number;
  text: string;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/**
 * True for an 18-character resident ID whose ISO 7064 MOD 11-2 check character matches
 * and whose birth date (characters 7-14) is a real date from 1900 on. The date test keeps
 * other 18-digit numbers (bank cards, codes) from being reported as IDs by a 1-in-11 chance.
 *
 * @example
 * isResidentId('11010519491231002X'); // true
 * isResidentId('110105194912310021'); // false (wrong check digit)
 */
export function isResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  if (ID_CHECK_CHARS[sum % 11] !== id[17]!.toUpperCase()) return false;
  const year = Number(id.slice(6, 10));
  return year >= 1900 && isCalendarDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)));
}

/**
 * True when a digit string passes the Luhn check used by bank cards.
 *
 * @example
 * passesLuhn('4111111111111111'); // true
 */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

// Each pattern refuses to start or end inside a longer digit run. Grouped forms
// (6-8-4 IDs, 3-4-4 mobiles, 4-4-4-4 cards) use one separator throughout.
const ID_PATTERN = /(?<!\d)\d{6}([ -]?)\d{8}\1\d{3}[\dXx](?![\dA-Za-z])/g;
const CARD_PATTERN = /(?<!\d)(?:\d{16,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?)(?!\d)/g;
const MOBILE_PATTERN = /(?<![\d+])(?:\+86[ -]?)?1[3-9]\d([ -]?)\d{4}\1\d{4}(?!\d)/g;

// ASCII e-mail addresses; a masked local part (z***@…) has no letters after its first and is not a hit.
const EMAIL_PATTERN = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9])/g;

const digitsOf = (text: string) => text.replace(/[ -]/g, '').replace(/^\+86/, '');

/**
 * Scans text for unmasked resident ID numbers, mobile numbers and bank-card numbers.
 * Hits never overlap; a number that is a valid resident ID is not also a bank card.
 *
 * @example
 * scanPersonalData('联系电话13812345678');
 * // [{ kind: 'mobile', start: 4, end: 15, text: '13812345678' }]
 */
export function scanPersonalData(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  const overlapsHit = (start: number, end: number) => hits.some((h) => start < h.end && h.start < end);
  const collect = (kind: PersonalDataKind, pattern: RegExp, valid: (digits: string) => boolean) => {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (valid(digitsOf(m[0])) && !overlapsHit(start, end)) hits.push({ kind, start, end, text: m[0] });
    }
  };
  // Most specific first: an ID can also pass Luhn, and a card never passes for an ID here.
  collect('resident_id', ID_PATTERN, isResidentId);
  collect('bank_card', CARD_PATTERN, (d) => d.length >= 16 && d.length <= 19 && passesLuhn(d));
  collect('mobile', MOBILE_PATTERN, () => true);
  collect('email', EMAIL_PATTERN, () => true);
  return hits.sort((a, b) => a.start - b.start);
}

/** How many leading and trailing characters a mask keeps visible, per kind. */
const KEEP: Record<PersonalDataKind, [number, number]> = { resident_id: [4, 4], bank_card: [4, 4], mobile: [3, 4], email: [1, 0] };

/**
 * The hit with its middle replaced by `*`, keeping its length (so redaction offsets after it
 * stay valid) and its separators. For an e-mail only the local part is masked.
 *
 * @example
 * maskHit({ kind: 'mobile', start: 0, end: 11, text: '13812345678' }); // '138****5678'
 */
export function maskHit(hit: PersonalDataHit): string {
  const [head, tail] = KEEP[hit.kind];
  if (hit.kind === 'email') {
    const at = hit.text.indexOf('@');
    return hit.text.slice(0, head) + '*'.repeat(Math.max(0, at - head)) + hit.text.slice(at);
  }
  const chars = [...hit.text];
  const positions = chars.map((c, i) => (/[0-9Xx]/.test(c) ? i : -1)).filter((i) => i >= 0);
  const hidden = new Set(positions.slice(head, positions.length - tail));
  return chars.map((c, i) => (hidden.has(i) ? '*' : c)).join('');
}

/** The text with every hit masked (same length as the input). */
export function maskAll(text: string, hits: readonly PersonalDataHit[]): string {
  let out = text;
  for (const hit of hits) out = out.slice(0, hit.start) + maskHit(hit) + out.slice(hit.end);
  return out;
}
