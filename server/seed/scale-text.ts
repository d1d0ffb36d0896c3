import { ACTIONS, BRIEF_KINDS, CLAUSES, CLOSINGS, HEADINGS, ISSUERS, LONG_KINDS, NOTICE_KINDS, NUMERALS, OPENINGS, PLACES, PRIVATE_PASSAGES, SUBJECTS } from './scale-vocabulary';

/** A small seeded PRNG (mulberry32), so a generated database is the same on every run. */
export function randomSource(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  /** One of `list`, each as likely as its weight (the first if the weights are all zero). */
  const weighted = <T>(list: readonly T[], weightOf: (item: T) => number): T => {
    let at = next() * list.reduce((sum, item) => sum + weightOf(item), 0);
    return list.find((item) => (at -= weightOf(item)) < 0) ?? list[0]!;
  };
  return { next, int, pick, weighted };
}

export type Random = ReturnType<typeof randomSource>;

export interface GeneratedText {
  title: string;
  docNumber: string;
  /** The body; when `privatePassage` is set it occurs once, at `privateAt`. */
  body: string;
  privateAt: number;
  privatePassage: string;
}

function fill(template: string, r: Random, subject: string, place: string, year: number): string {
  return template
    .replaceAll('{subject}', subject)
    .replaceAll('{place}', place)
    .replaceAll('{year}', String(year))
    .replaceAll('{month}', String(r.int(1, 12)))
    .replaceAll('{a}', String(r.int(60, 95) * 10))
    .replaceAll('{b}', String(r.int(96, 130) * 10))
    .replaceAll('{days}', String(r.pick([5, 7, 10, 15, 20])));
}

/**
 * The lengths of a bureau's catalog: many short items (公告, 公示: a few clauses, 150–500
 * characters), ordinary notices and opinions in sections (about 700–2,500), and a tail of plans
 * and rules (about 3,000–8,000; the real documents in shared/fixtures run 4,500–9,300). About
 * 1,300 characters on average.
 */
const LENGTHS = [
  { weight: 45, kinds: BRIEF_KINDS, sections: [0, 0], items: [2, 5], clauses: [1, 1] },
  { weight: 40, kinds: NOTICE_KINDS, sections: [3, 6], items: [2, 5], clauses: [1, 3] },
  { weight: 15, kinds: LONG_KINDS, sections: [6, 10], items: [4, 8], clauses: [2, 4] },
] as const;

/** A numbered item of one to a few clauses: 一、… at the top level, （一）… within a section. */
function item(r: Random, number: string, clauses: readonly [number, number], subject: string, year: number): string {
  const parts: string[] = [];
  for (let c = r.int(clauses[0], clauses[1]); c > 0; c--) parts.push(fill(r.pick(CLAUSES), r, subject, r.pick(PLACES), year));
  return `${number}${parts.join('；')}。`;
}

/**
 * A document of realistic shape and length: title 关于{动作}{地方}{事项}的{文种}, a 发文字号,
 * an opening, numbered clauses (short items) or numbered sections of numbered items (notices,
 * plans), and a closing; optionally one paragraph of personal data for a partially disclosed
 * document.
 */
export function generateDocumentText(r: Random, year: number, serial: number, withPrivate: boolean): GeneratedText {
  const length = r.weighted(LENGTHS, (l) => l.weight);
  const subject = r.pick(SUBJECTS);
  const place = r.pick(PLACES);
  const title = `关于${r.pick(ACTIONS)}${r.next() < 0.4 ? place : ''}${subject}工作的${r.pick(length.kinds)}`;
  const docNumber = `${r.pick(ISSUERS)}〔${year}〕${serial}号`;
  const paragraphs = [fill(r.pick(OPENINGS), r, subject, place, year)];
  // At most ten sections and eight items: 一 … 十 number them all.
  const sections = r.int(length.sections[0], length.sections[1]);
  const items = () => r.int(length.items[0], length.items[1]);
  if (!sections) for (let n = 0, count = items(); n < count; n++) paragraphs.push(item(r, `${NUMERALS[n]}、`, length.clauses, subject, year));
  const firstHeading = r.int(0, HEADINGS.length - 1);
  for (let s = 0; s < sections; s++) {
    paragraphs.push(`${NUMERALS[s]}、${HEADINGS[(firstHeading + s) % HEADINGS.length]}`);
    for (let n = 0, count = items(); n < count; n++) paragraphs.push(item(r, `（${NUMERALS[n]}）`, length.clauses, subject, year));
  }
  paragraphs.push(r.pick(CLOSINGS));
  if (!withPrivate) return { title, docNumber, body: paragraphs.join('\n\n'), privateAt: -1, privatePassage: '' };
  const passage = r.pick(PRIVATE_PASSAGES);
  const before = `${paragraphs.slice(0, 2).join('\n\n')}\n\n`;
  const body = `${before}${passage}，已按程序审批。\n\n${paragraphs.slice(2).join('\n\n')}`;
  return { title, docNumber, body, privateAt: before.length, privatePassage: passage };
}
