import { sqliteTable, text, integer, real, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './organisation';
import { documents } from './documents';

/**
 * The draft of one year's annual report on disclosure work (政府信息公开工作年度报告).
 * Its tables are never stored: they are computed from the records each time. What is kept
 * is what staff write (the three narrative parts), the few figures Shenfa holds no records
 * for (fee and procurement amounts), and, once submitted, the document it became.
 */
export const annualReports = sqliteTable(
  'annual_reports',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    templateKey: text('template_key').notNull(),
    generalSituation: text('general_situation').notNull().default(''),
    problemsAndImprovements: text('problems_and_improvements').notNull().default(''),
    otherMatters: text('other_matters').notNull().default(''),
    /** Administrative fees collected this year (行政事业性收费), yuan; typed by staff. */
    feeAmountYuan: real('fee_amount_yuan').notNull().default(0),
    /** 2019 template only: centralised procurement amount (政府集中采购总金额), yuan; typed by staff. */
    procurementAmountYuan: real('procurement_amount_yuan').notNull().default(0),
    /** The release-review document the report became when submitted; null while a draft. */
    documentId: text('document_id').references(() => documents.id),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('annual_reports_year').on(t.year)],
);
