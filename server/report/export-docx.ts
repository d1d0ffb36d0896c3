/**
 * The report as a Word file laid out like the agencies' published reports: a centred title,
 * headings 一、二、…, narrative paragraphs with a first-line indent, and the three tables with
 * merged header cells (docx writes the gridSpan / vMerge for our row and column spans).
 */
import type { Paragraph, Table } from 'docx';
import { loadDocx } from '../lazy-packages';
import { reportGrids, type Grid } from './report-grid';
import { reportIntro, reportTitle, requestFeeSentence, sectionHeadings, type ReportContent } from './report-text';

const BODY_FONT = '仿宋_GB2312';
const HEADING_FONT = '黑体';
/** docx's module, loaded with the first report written (server/lazy-packages.ts). */
type Docx = Awaited<ReturnType<typeof loadDocx>>;

function tableOf({ AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlignTable, WidthType }: Docx, grid: Grid): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  // Small type for the wide tables (the appeals table has 15 columns on a portrait page).
  const size = grid.width > 10 ? 16 : 20;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: grid.rows.map((cells) => new TableRow({
      tableHeader: false,
      children: cells.map((cell) => new TableCell({
        borders,
        verticalAlign: VerticalAlignTable.CENTER,
        ...(cell.colSpan && cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
        ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
        children: [new Paragraph({
          alignment: cell.ref || cell.header ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text: cell.text, size, font: BODY_FONT, bold: Boolean(cell.header && !cell.ref && cells.every((c) => !c.ref)) })],
        })],
      })),
    })),
  });
}

/** The .docx file of a report. */
export async function reportDocx(content: ReportContent): Promise<Buffer> {
  const docx = await loadDocx();
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = docx;
  const paragraph = (text: string) => new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 480 }, children: [new TextRun({ text, font: BODY_FONT, size: 32 })] });
  const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map(paragraph);
  const grids = reportGrids(content.template, content.computed, 'zh');
  const heads = sectionHeadings(content.template);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: reportTitle(content.bureauName, content.computed.year), font: '方正小标宋简体', size: 44 })] }),
    paragraph(reportIntro(content)),
  ];
  content.template.sections.forEach((section, i) => {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: heads[i]!, font: HEADING_FONT, size: 32, color: '000000' })] }));
    switch (section.kind) {
      case 'general': children.push(...paragraphs(content.narrative.generalSituation)); break;
      case 'problems': children.push(...paragraphs(content.narrative.problemsAndImprovements)); break;
      case 'other': children.push(...paragraphs(content.narrative.otherMatters), paragraph(requestFeeSentence(content.computed))); break;
      case 'article20': children.push(tableOf(docx, grids[0]!)); break;
      case 'requests': children.push(tableOf(docx, grids[1]!)); break;
      case 'appeals': children.push(tableOf(docx, grids[2]!)); break;
    }
  });
  const doc = new Document({
    creator: content.bureauName,
    title: reportTitle(content.bureauName, content.computed.year),
    styles: { default: { document: { run: { font: BODY_FONT } } } },
    sections: [{ properties: { page: { margin: { top: 1440, bottom: 1440, left: 1300, right: 1300 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
