import { describe, expect, it } from 'vitest';
import { APPLICANT_TYPES } from '../../workflows/requests/request-vocabulary';
import { computeAnnualReport } from './compute-report';
import { TEMPLATE_2019, TEMPLATE_2021, resultRows } from './report-templates';
import { checkReportIdentities } from './report-identities';
import { scriptedRecords } from './report-test-data';
import type { ComputedReport } from './report-types';

const COLUMNS = [...APPLICANT_TYPES, 'total'] as const;
/** The request table as rows of numbers: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. */
const numbers = (report: ComputedReport) => Object.fromEntries(Object.entries(report.requests).map(([row, cells]) => [row, COLUMNS.map((c) => cells[c].value)]));

describe('computeAnnualReport on a scripted 2026', () => {
  it('fills the 2021 request table as written out by hand', () => {
    const report = computeAnnualReport(TEMPLATE_2021, 2026, scriptedRecords());
    expect(numbers(report)).toEqual({
      new:                                    [5, 0, 1, 1, 1, 1, 9],
      carried_over:                           [1, 1, 0, 0, 0, 0, 2],
      'result:disclose':                      [2, 0, 0, 0, 0, 0, 2],
      'result:partial':                       [1, 0, 0, 0, 0, 0, 1],
      'result:withhold:state_secret':         [0, 0, 0, 0, 0, 0, 0],
      'result:withhold:prohibited_by_law':    [0, 0, 0, 0, 0, 0, 0],
      'result:withhold:three_securities_one_stability': [0, 0, 0, 0, 0, 0, 0],
      'result:withhold:third_party_rights':   [0, 0, 1, 0, 0, 0, 1],
      'result:withhold:internal_affairs':     [0, 0, 0, 0, 0, 0, 0],
      'result:withhold:process_information':  [0, 0, 0, 0, 0, 0, 0],
      'result:withhold:enforcement_case_file': [0, 0, 0, 0, 0, 0, 0],
      'result:withhold:administrative_query': [0, 0, 0, 0, 0, 0, 0],
      'result:cannot_provide:not_held':       [1, 0, 0, 0, 0, 0, 1],
      'result:cannot_provide:needs_new_making': [0, 0, 0, 0, 0, 0, 0],
      'result:cannot_provide:unclear_after_correction': [0, 0, 0, 0, 0, 0, 0],
      'result:not_processed:petition_complaint': [0, 0, 0, 0, 0, 0, 0],
      'result:not_processed:repeated_request': [0, 0, 0, 0, 1, 0, 1],
      'result:not_processed:asks_for_publication': [0, 0, 0, 0, 0, 0, 0],
      'result:not_processed:mass_repeated':   [0, 0, 0, 0, 0, 0, 0],
      'result:not_processed:confirm_or_reissue': [0, 0, 0, 0, 0, 0, 0],
      'result:other:no_correction_in_time':   [1, 0, 0, 0, 0, 0, 1],
      'result:other:fee_unpaid_in_time':      [0, 0, 0, 1, 0, 0, 1],
      'result:other:other':                   [0, 0, 0, 0, 0, 0, 0],
      results_total:                          [5, 0, 1, 1, 1, 0, 8],
      carried_forward:                        [1, 1, 0, 0, 0, 1, 3],
    });
    expect(report.requests.carried_forward!.total.sources.sort()).toEqual(['R11', 'R12', 'R2']);
    expect(checkReportIdentities(report)).toEqual([]);
  });

  it('keeps other handling as one row in the 2019 template', () => {
    const report = computeAnnualReport(TEMPLATE_2019, 2026, scriptedRecords());
    const rows = numbers(report);
    expect(rows['result:other']).toEqual([1, 0, 0, 1, 0, 0, 2]);
    expect(Object.keys(rows).filter((k) => k.startsWith('result:other'))).toEqual(['result:other']);
    expect(resultRows(TEMPLATE_2019)).toHaveLength(19);
    expect(resultRows(TEMPLATE_2021)).toHaveLength(21);
    expect(checkReportIdentities(report)).toEqual([]);
  });

  it('counts appeals filed this year with their outcome at year end', () => {
    const { appeals } = computeAnnualReport(TEMPLATE_2021, 2026, scriptedRecords());
    const row = (k: keyof typeof appeals) => [appeals[k].upheld.value, appeals[k].corrected.value, appeals[k].other.value, appeals[k].pending.value, appeals[k].total.value];
    expect(row('reconsideration')).toEqual([1, 0, 0, 1, 2]);
    expect(row('litigation_direct')).toEqual([0, 1, 0, 0, 1]);
    expect(row('litigation_after_reconsideration')).toEqual([0, 0, 0, 0, 0]);
  });

  it('fills the 2021 Article 20 tables from the catalog', () => {
    const { article20 } = computeAnnualReport(TEMPLATE_2021, 2026, scriptedRecords());
    const v = (cell: keyof typeof article20, m: string) => article20[cell]![m]!.value;
    expect([v('rules', 'made_in_year'), v('rules', 'repealed_in_year'), v('rules', 'in_force')]).toEqual([0, 0, 0]);
    expect([v('normative_documents', 'made_in_year'), v('normative_documents', 'repealed_in_year'), v('normative_documents', 'in_force')]).toEqual([2, 1, 2]);
    expect(article20.normative_documents!.in_force!.sources.sort()).toEqual(['N2', 'N4']);
    expect(v('licensing', 'decisions_in_year')).toBe(3);
    expect(v('penalty', 'decisions_in_year')).toBe(1);
    expect(v('enforcement', 'decisions_in_year')).toBe(0);
    expect(v('fees', 'fee_amount_wan')).toBe(12.35);
    expect(article20.procurement).toBeUndefined();
  });

  it('fills the 2019 Article 20 tables from the catalog', () => {
    const { article20 } = computeAnnualReport(TEMPLATE_2019, 2026, scriptedRecords());
    const row = (cell: keyof typeof article20) => Object.values(article20[cell]!).map((c) => c.value);
    expect(row('normative_documents')).toEqual([2, 1, 3]);
    expect(row('licensing')).toEqual([1, 3, 3]);
    expect(row('other_services')).toEqual([0, 0, 0]);
    expect(row('penalty')).toEqual([0, 1, 1]);
    expect(row('fees')).toEqual([0, 0]);
    expect(row('procurement')).toEqual([0, 6165711]);
  });

  it('sums the information-processing fees paid this year', () => {
    expect(computeAnnualReport(TEMPLATE_2021, 2026, scriptedRecords()).requestFees).toEqual({ count: 1, amountYuan: 100 });
  });
});
