import { describe, expect, it } from 'vitest';
import { computeAnnualReport } from './compute-report';
import { TEMPLATE_2019, TEMPLATE_2021 } from './report-templates';
import { placeCells, reportGrids } from './report-grid';
import { renderReportText } from './report-text';
import { scriptedRecords } from './report-test-data';

const narrative = { generalSituation: '本年度公开工作稳步推进。', problemsAndImprovements: '政策解读仍需加强。', otherMatters: '开展政府开放日活动。' };

describe('report layout and text', () => {
  it('every grid row covers the full width once spans are placed (both templates, both languages)', () => {
    for (const template of [TEMPLATE_2019, TEMPLATE_2021]) {
      for (const lang of ['zh', 'en'] as const) {
        for (const grid of reportGrids(template, computeAnnualReport(template, 2026, scriptedRecords()), lang)) {
          const covered = new Map<number, number>();
          for (const { row, cell } of placeCells(grid)) {
            for (let r = row; r < row + (cell.rowSpan ?? 1); r++) covered.set(r, (covered.get(r) ?? 0) + (cell.colSpan ?? 1));
          }
          expect([...covered.values()].every((w) => w === grid.width), `${template.key} ${grid.key} ${lang}`).toBe(true);
        }
      }
    }
  });

  it('renders the six sections with headings and table rows as lines', () => {
    const text = renderReportText({ bureauName: '清源市民政局', template: TEMPLATE_2021, computed: computeAnnualReport(TEMPLATE_2021, 2026, scriptedRecords()), narrative });
    const headings = text.split('\n\n').filter((p) => /^[一二三四五六]、/.test(p) && !p.includes('\n') && p.length < 30);
    expect(headings).toEqual(['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
    expect(text).toContain('一、本年新收政府信息公开申请数量：自然人 5，商业企业 0，科研机构 1，社会公益组织 1，法律服务机构 1，其他 1，总计 9');
    expect(text).toContain('三、本年度办理结果（三）不予公开4. 保护第三方合法权益：自然人 0，商业企业 0，科研机构 1');
    expect(text).toContain('行政规范性文件：本年制发件数 2，本年废止件数 1，现行有效件数 2');
    expect(text).toContain('行政复议·结果维持 1');
    expect(text).toContain('行政诉讼·未经复议直接起诉·结果纠正 1');
    expect(text).toContain('本年度依法收取政府信息公开信息处理费1笔，共计100元。');
    expect(text).toContain('政策解读仍需加强。');
  });
});
