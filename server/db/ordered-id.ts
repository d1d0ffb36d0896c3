import { randomFillSync } from 'node:crypto';

/**
 * Time-ordered ids (the UUID version 7 layout: 48 bits of milliseconds,
 * then 74 random bits). Generated rows are written in time order, so their primary-key
 * entries land next to each other at the end of the index instead of at random places in a
 * B-tree of millions of keys (random UUIDs made nearly every insert touch a different page).
 * The server's hot inserts use them too (tasks, review records, notifications), so the rows
 * of one group commit share the last page of each key index. Other rows keep random UUIDs;
 * both are ordinary UUID strings.
 */
const pool = new Uint8Array(4096);
let at = pool.length;

function random(n: number): Uint8Array {
  if (at + n > pool.length) {
    randomFillSync(pool);
    at = 0;
  }
  at += n;
  return pool.subarray(at - n, at);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** `orderedId(Date.parse('2026-03-02T01:30:00Z'))` → '019cac3f-…-7…' (sorts by the time given). */
export function orderedId(ms: number): string {
  const b = random(10);
  const t = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0').slice(-12);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${HEX[b[0]!]!.slice(1)}${HEX[b[1]!]}-${HEX[(b[2]! & 0x3f) | 0x80]}${HEX[b[3]!]}-${HEX[b[4]!]}${HEX[b[5]!]}${HEX[b[6]!]}${HEX[b[7]!]}${HEX[b[8]!]}${HEX[b[9]!]}`;
}

/** A shorter time-ordered id (24 hex characters, the request events' format). */
export function orderedShortId(ms: number): string {
  const b = random(6);
  return `${Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0').slice(-12)}${HEX[b[0]!]}${HEX[b[1]!]}${HEX[b[2]!]}${HEX[b[3]!]}${HEX[b[4]!]}${HEX[b[5]!]}`;
}
