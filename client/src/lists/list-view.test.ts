import { describe, expect, it } from 'vitest';
import { by, CLIENT_PAGE_SIZE, listView } from './list-view';

interface Row {
  title: string;
  at: number;
  due: string | null;
}
const config = {
  searchable: (r: Row) => [r.title],
  sorts: { newest: by.newest<Row>((r) => r.at), due: by.date<Row>((r) => r.due), title: by.text<Row>((r) => r.title) },
  defaultSort: 'newest' as const,
};
const rows: Row[] = [
  { title: '关于调整低保标准的通知', at: 3, due: '2026-12-10' },
  { title: '临时救助审批结果公示', at: 1, due: null },
  { title: '养老服务补贴目录', at: 2, due: '2026-12-01' },
];

describe('list view', () => {
  it('finds by every word, case-insensitively', () => {
    expect(listView(rows, { q: '低保 通知', sort: '', page: 1 }, config).items.map((r) => r.at)).toEqual([3]);
    expect(listView(rows, { q: '', sort: '', page: 1 }, config).total).toBe(3);
    expect(listView(rows, { q: '不存在', sort: '', page: 1 }, config).items).toEqual([]);
  });

  it('sorts by the chosen key, due dates with none last, and falls back on an unknown key', () => {
    expect(listView(rows, { q: '', sort: 'due', page: 1 }, config).items.map((r) => r.at)).toEqual([2, 3, 1]);
    expect(listView(rows, { q: '', sort: 'bogus', page: 1 }, config)).toMatchObject({ sort: 'newest' });
    expect(listView(rows, { q: '', sort: 'bogus', page: 1 }, config).items.map((r) => r.at)).toEqual([3, 2, 1]);
  });

  it('pages, clamping a page past the end to the last one', () => {
    const many = Array.from({ length: 45 }, (_, i) => ({ title: `文件${i}`, at: i, due: null }));
    const last = listView(many, { q: '', sort: 'newest', page: 9 }, config);
    expect(last).toMatchObject({ page: 3, pageCount: 3, total: 45 });
    expect(last.items).toHaveLength(45 - 2 * CLIENT_PAGE_SIZE);
  });
});
