import { ACTIONS, CLAUSES, CLOSINGS, ISSUERS, KINDS, NUMERALS, OPENINGS, PLACES, PRIVATE_PASSAGES, SUBJECTS } from './scale-vocabulary';

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
  return { next, int, pick };
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
 * A notice of realistic shape: title 关于{动作}{地方}{事项}的{文种}, a 发文字号, an opening,
 * 4–12 numbered clauses (about 300–1,200 characters) and a closing; optionally one paragraph
 * of personal data for a partially disclosed document.
 */
export function generateDocumentText(r: Random, year: number, serial: number, withPrivate: boolean): GeneratedText {
  const subject = r.pick(SUBJECTS);
  const place = r.pick(PLACES);
  const title = `关于${r.pick(ACTIONS)}${r.next() < 0.4 ? place : ''}${subject}工作的${r.pick(KINDS)}`;
  const docNumber = `${r.pick(ISSUERS)}〔${year}〕${serial}号`;
  const paragraphs = [fill(r.pick(OPENINGS), r, subject, place, year)];
  const count = r.int(4, 12);
  for (let i = 0; i < count; i++) paragraphs.push(`${NUMERALS[i % 10]}、${fill(r.pick(CLAUSES), r, subject, r.pick(PLACES), year)}。`);
  paragraphs.push(r.pick(CLOSINGS));
  if (!withPrivate) return { title, docNumber, body: paragraphs.join('\n\n'), privateAt: -1, privatePassage: '' };
  const passage = r.pick(PRIVATE_PASSAGES);
  const before = `${paragraphs.slice(0, 2).join('\n\n')}\n\n`;
  const body = `${before}${passage}，已按程序审批。\n\n${paragraphs.slice(2).join('\n\n')}`;
  return { title, docNumber, body, privateAt: before.length, privatePassage: passage };
}
