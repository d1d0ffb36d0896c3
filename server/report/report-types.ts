/**
 * The records the annual report is computed from, and the computed report. Plain data with
 * ISO dates in China Standard Time ('2026-03-01'), so the computation stays pure: the service
 * reads the database into these shapes, the CLI and tests build them directly.
 */
import type { ApplicantType, ReplyResult, ReplySubReason, AppealKind, AppealOutcome } from '../../workflows/requests/request-vocabulary';
import type { Validity } from '../../workflows/validity/validity-values';

/** Cells of the Article 20 tables a catalog category can count toward (categories.report_cell). */
export const ARTICLE20_CELLS = ['rules', 'normative_documents', 'licensing', 'other_services', 'penalty', 'enforcement', 'fees', 'procurement'] as const;
export type Article20Cell = (typeof ARTICLE20_CELLS)[number];

export function isArticle20Cell(value: string | null | undefined): value is Article20Cell {
  return (ARTICLE20_CELLS as readonly (string | null | undefined)[]).includes(value);
}

/** A published catalog item whose category counts toward an Article 20 cell. */
export interface CatalogItemRecord {
  id: string;
  title: string;
  cell: Article20Cell;
  /** 成文日期: "made" on this day. */
  writtenOn: string;
  publishedOn: string;
  /** Taken down (撤稿) on this day; it leaves the catalog from then. */
  withdrawnOn: string | null;
  /** Approved validity changes (有效性), any order. Before the first one the item is in force. */
  validityChanges: { on: string; validity: Validity }[];
}

/** An information request (依申请公开) as the report sees it. */
export interface RequestRecord {
  id: string;
  /** A reference people recognise (the request number); shown with violations. */
  label: string;
  /** Applicant type; a value outside APPLICANT_TYPES is bad data the identities will catch. */
  applicantType: ApplicantType | string;
  receivedOn: string;
  /** Closed (reply sent, or abandoned) on this day; null while open. */
  closedOn: string | null;
  result: ReplyResult | null;
  subReason: ReplySubReason | null;
}

/** A reconsideration or lawsuit about disclosure (行政复议/行政诉讼). */
export interface AppealRecord {
  id: string;
  label: string;
  kind: AppealKind;
  filedOn: string;
  /** Decided on this day with `outcome`; null while pending. */
  decidedOn: string | null;
  outcome: Exclude<AppealOutcome, 'pending'> | null | string;
}

/** Information-processing fees (信息处理费) paid by applicants; reported under other matters. */
export interface RequestFeeRecord {
  requestId: string;
  amountYuan: number;
  paidOn: string;
}

/** Figures Shenfa keeps no ledger for; staff type them on the report page. */
export interface EnteredFigures {
  feeAmountYuan: number;
  procurementAmountYuan: number;
}

/**
 * Catalog items of one Article 20 cell counted in bulk rather than listed: items with no
 * approved validity change (so in force whenever they are in the catalog), counted for the
 * report's year. A large catalog holds hundreds of thousands of them; listing each one as a
 * record made the report linear in the catalog's size. Their ids are not in any cell's sources.
 */
export interface CatalogCellCounts {
  cell: Article20Cell;
  /** 成文日期 within the year. */
  madeInYear: number;
  publishedInYear: number;
  /** In the catalog (published, not withdrawn) at the end of the year, and of the year before. */
  inCatalogAtEnd: number;
  inCatalogAtPreviousEnd: number;
}

export interface ReportRecords {
  /** Items listed one by one (all of them, or those with validity changes when `catalogCounts` is given). */
  catalogItems: CatalogItemRecord[];
  /** The other items of each cell, already counted; absent means every item is in `catalogItems`. */
  catalogCounts?: CatalogCellCounts[];
  requests: RequestRecord[];
  appeals: AppealRecord[];
  requestFees: RequestFeeRecord[];
  entered: EnteredFigures;
}

/** One number of a table and the records it counts, so a wrong number can be traced. */
export interface CountCell {
  value: number;
  sources: string[];
}

export type RequestColumn = ApplicantType | 'total';
export type RequestTable = Record<string, Record<RequestColumn, CountCell>>;
export type AppealTable = Record<AppealKind, Record<AppealOutcome | 'total', CountCell>>;
export type Article20Table = Partial<Record<Article20Cell, Record<string, CountCell>>>;

export interface ComputedReport {
  year: number;
  templateKey: string;
  article20: Article20Table;
  requests: RequestTable;
  appeals: AppealTable;
  requestFees: { count: number; amountYuan: number };
  /** Labels of the records by id, for showing what causes a violation. */
  labels: Record<string, string>;
}

export type IdentityKind = 'request_balance' | 'results_total' | 'total_column' | 'appeal_total';

/** One identity that does not hold, the cell it shows in, and the records that break it. */
export interface IdentityViolation {
  kind: IdentityKind;
  table: 'requests' | 'appeals';
  row: string;
  column: string;
  expected: number;
  actual: number;
  /** Ids of the records counted on one side and not the other. */
  causes: string[];
}
