import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { highlightSegments, redactedSegments, type PublicSegment } from './redaction.js';

const publicText = (segments: PublicSegment[]) =>
  segments.map((s) => (s.kind === 'text' ? s.text : `[${s.reason}]`)).join('');

describe('redactedSegments', () => {
  it('removes the ranges and keeps their reasons, in order', () => {
    const body = '低保对象张三，住址某村。';
    expect(redactedSegments(body, [{ start: 9, end: 11, reason: '住址' }, { start: 4, end: 6, reason: '姓名' }])).toEqual([
      { kind: 'text', text: '低保对象' },
      { kind: 'removed', reason: '姓名' },
      { kind: 'text', text: '，住址' },
      { kind: 'removed', reason: '住址' },
      { kind: 'text', text: '。' },
    ]);
  });

  it('handles ranges at both ends and no ranges', () => {
    expect(redactedSegments('张三领取', [{ start: 0, end: 2, reason: '姓名' }, { start: 2, end: 4, reason: '事项' }])).toEqual([
      { kind: 'removed', reason: '姓名' },
      { kind: 'removed', reason: '事项' },
    ]);
    expect(redactedSegments('全文', [])).toEqual([{ kind: 'text', text: '全文' }]);
    expect(redactedSegments('', [])).toEqual([]);
  });

  it('never leaks removed text, even from overlapping, unsorted or out-of-range input', () => {
    const fixture = readFileSync(
      new URL('../../shared/fixtures/zhongning-civil-affairs-2020-annual-report.txt', import.meta.url),
      'utf8',
    );
    const secret = '0955-5021321';
    const at = fixture.indexOf(secret);
    expect(at).toBeGreaterThan(0);
    const ranges = [
      { start: at + 4, end: at + secret.length + 0, reason: '电话' },
      { start: at, end: at + 6, reason: '区号' },
      { start: fixture.length - 3, end: fixture.length + 50, reason: '尾部' },
    ];
    const segments = redactedSegments(fixture, ranges);
    const text = publicText(segments);
    expect(text).not.toContain('5021321');
    expect(text).not.toContain('0955');
    expect(segments.filter((s) => s.kind === 'removed').map((s) => (s.kind === 'removed' ? s.reason : ''))).toEqual([
      '区号；电话',
      '尾部',
    ]);
    expect(text).toBe(fixture.slice(0, at) + '[区号；电话]' + fixture.slice(at + secret.length, fixture.length - 3) + '[尾部]');
  });

  it('never publishes half of a character split by a range', () => {
    const segments = redactedSegments('户主𠮷某', [{ start: 3, end: 4, reason: '姓名' }]);
    expect(publicText(segments)).toBe('户主[姓名]某');
  });

  it('refuses offsets it cannot interpret rather than guess', () => {
    expect(() => redactedSegments('abc', [{ start: Number.NaN, end: 2, reason: 'x' }])).toThrow(RangeError);
  });
});

describe('highlightSegments', () => {
  it('shows everything to reviewers, with reasons and original indices', () => {
    const body = '低保对象张三，住址某村。';
    expect(highlightSegments(body, [{ start: 9, end: 11, reason: '住址' }, { start: 4, end: 6, reason: '姓名' }])).toEqual([
      { kind: 'text', text: '低保对象' },
      { kind: 'redaction', text: '张三', reason: '姓名', index: 1 },
      { kind: 'text', text: '，住址' },
      { kind: 'redaction', text: '某村', reason: '住址', index: 0 },
      { kind: 'text', text: '。' },
    ]);
  });

  it('shows overlapped text once', () => {
    const segments = highlightSegments('abcdef', [{ start: 1, end: 4, reason: 'x' }, { start: 2, end: 5, reason: 'y' }]);
    expect(segments.map((s) => s.text).join('')).toBe('abcdef');
    expect(segments).toContainEqual({ kind: 'redaction', text: 'e', reason: 'y', index: 1 });
  });
});
