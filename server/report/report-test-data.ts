/** A scripted year (2026) of records for the annual-report unit tests; see compute-report.test.ts for its tables. */
import type { AppealRecord, CatalogItemRecord, ReportRecords, RequestRecord } from './report-types';

const req = (id: string, applicantType: string, receivedOn: string, closedOn: string | null, result: RequestRecord['result'] = null, subReason: RequestRecord['subReason'] = null): RequestRecord =>
  ({ id, label: `依申请〔${id}〕`, applicantType, receivedOn, closedOn, result, subReason });

export const scriptedRequests: RequestRecord[] = [
  req('R1', 'natural_person', '2025-12-10', '2026-01-08', 'disclose'),
  req('R2', 'business', '2025-12-20', null),
  req('R3', 'natural_person', '2025-06-01', '2025-07-01', 'disclose'),
  req('R4', 'natural_person', '2026-02-03', '2026-02-25', 'disclose'),
  req('R5', 'natural_person', '2026-03-01', '2026-03-20', 'partial'),
  req('R6', 'research', '2026-04-01', '2026-04-28', 'withhold', 'third_party_rights'),
  req('R7', 'natural_person', '2026-05-06', '2026-06-01', 'cannot_provide', 'not_held'),
  req('R8', 'legal_service', '2026-07-01', '2026-07-20', 'not_processed', 'repeated_request'),
  req('R9', 'natural_person', '2026-08-03', '2026-08-30', 'other', 'no_correction_in_time'),
  req('R10', 'public_interest', '2026-09-01', '2026-10-15', 'other', 'fee_unpaid_in_time'),
  req('R11', 'other_org', '2026-12-20', '2027-01-10', 'disclose'),
  req('R12', 'natural_person', '2026-11-02', null),
  req('R13', 'natural_person', '2027-01-05', null),
];

export const scriptedAppeals: AppealRecord[] = [
  { id: 'A1', label: '复议1', kind: 'reconsideration', filedOn: '2026-03-01', decidedOn: '2026-05-01', outcome: 'upheld' },
  { id: 'A2', label: '复议2', kind: 'reconsideration', filedOn: '2026-11-01', decidedOn: '2027-01-20', outcome: 'corrected' },
  { id: 'A3', label: '诉讼1', kind: 'litigation_direct', filedOn: '2026-06-01', decidedOn: '2026-09-01', outcome: 'corrected' },
  { id: 'A4', label: '诉讼2', kind: 'litigation_after_reconsideration', filedOn: '2025-10-01', decidedOn: null, outcome: null },
];

const item = (id: string, cell: CatalogItemRecord['cell'], writtenOn: string, publishedOn: string, validityChanges: CatalogItemRecord['validityChanges'] = [], withdrawnOn: string | null = null): CatalogItemRecord =>
  ({ id, title: id, cell, writtenOn, publishedOn, withdrawnOn, validityChanges });

export const scriptedCatalog: CatalogItemRecord[] = [
  item('N1', 'normative_documents', '2025-05-01', '2025-05-10', [{ on: '2026-06-30', validity: 'repealed' }]),
  item('N2', 'normative_documents', '2026-02-01', '2026-02-10'),
  item('N3', 'normative_documents', '2026-12-25', '2027-01-05'),
  item('N4', 'normative_documents', '2024-03-01', '2024-03-05'),
  item('L0', 'licensing', '2025-08-01', '2025-08-03'),
  item('L1', 'licensing', '2026-01-05', '2026-01-06'),
  item('L2', 'licensing', '2026-05-05', '2026-05-06'),
  item('L3', 'licensing', '2026-09-05', '2026-09-07'),
  item('P1', 'penalty', '2026-03-30', '2026-04-01'),
];

export function scriptedRecords(): ReportRecords {
  return {
    catalogItems: scriptedCatalog,
    requests: scriptedRequests,
    appeals: scriptedAppeals,
    requestFees: [{ requestId: 'R10', amountYuan: 100, paidOn: '2026-09-20' }, { requestId: 'R9', amountYuan: 50, paidOn: '2025-12-01' }],
    entered: { feeAmountYuan: 123456, procurementAmountYuan: 6165711 },
  };
}
