import { describe, expect, it } from 'vitest';
import { computeAnnualReport } from './compute-report';
import { reportGrids } from './report-grid';
import { TEMPLATE_2021 } from './report-templates';
import { scriptedRecords } from './report-test-data';

const labelsOf = (lang: 'zh' | 'en') => reportGrids(TEMPLATE_2021, computeAnnualReport(TEMPLATE_2021, 2026, scriptedRecords()), lang)[1]!.rows.flat().filter((c) => c.header).map((c) => c.text);

describe('request table row numbers', () => {
  it('numbers the result rows （一）…（七） in Chinese', () => {
    const labels = labelsOf('zh');
    expect(labels).toContain('（一）予以公开');
    expect(labels).toContain('（七）总计');
  });

  it('numbers them (1)…(7) in English, with no Chinese numbering left', () => {
    const labels = labelsOf('en');
    expect(labels.filter((l) => /^\(\d\) /.test(l))).toEqual([
      '(1) Disclosed', expect.stringMatching(/^\(2\) /), expect.stringMatching(/^\(3\) /), expect.stringMatching(/^\(4\) /), expect.stringMatching(/^\(5\) /), expect.stringMatching(/^\(6\) /), '(7) Total',
    ]);
    expect(labels.join('')).not.toMatch(/[（）]/);
  });
});
