import { describe, expect, it } from 'vitest';
import { orderedId, orderedShortId } from './ordered-id';
import { RowBatch } from '../seed/row-batch';

describe('time-ordered ids for generated rows', () => {
  it('are version-7 UUIDs that sort by the time given, and differ at the same millisecond', () => {
    const t = Date.parse('2026-03-02T01:30:00Z');
    const ids = [orderedId(t - 86_400_000), orderedId(t), orderedId(t + 1), orderedId(t + 86_400_000)];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[1]!.slice(0, 13)).toBe(`${t.toString(16).padStart(12, '0').slice(0, 8)}-${t.toString(16).padStart(12, '0').slice(8)}`);
    const same = new Set(Array.from({ length: 10_000 }, () => orderedId(t)));
    expect(same.size).toBe(10_000);
  });

  it('has a 24-character form that also sorts by time', () => {
    const a = orderedShortId(1_000), b = orderedShortId(2_000);
    expect(a).toMatch(/^[0-9a-f]{24}$/);
    expect(a < b).toBe(true);
  });
});

describe('RowBatch', () => {
  it('collects rows per table as flat values in the first row’s column order, then starts empty', () => {
    const batch = new RowBatch();
    batch.insert('a', { x: 1, y: 'p' });
    batch.insert('b', { z: null });
    batch.insert('a', { y: 'q', x: 2 });
    expect(batch.take()).toEqual([['a', ['x', 'y'], [1, 'p', 2, 'q'], 2], ['b', ['z'], [null], 1]]);
    expect(batch.take()).toEqual([]);
  });
});
