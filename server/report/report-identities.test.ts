import { describe, expect, it } from 'vitest';
import { computeAnnualReport } from './compute-report';
import { TEMPLATE_2019, TEMPLATE_2021, type ReportTemplate } from './report-templates';
import { checkReportIdentities } from './report-identities';
import { scriptedRecords } from './report-test-data';
import type { ReportRecords, RequestRecord } from './report-types';

function withRequest(extra: Partial<RequestRecord> & { id: string }): ReportRecords {
  const records = scriptedRecords();
  const base: RequestRecord = { id: extra.id, label: `依申请〔${extra.id}〕`, applicantType: 'natural_person', receivedOn: '2026-06-01', closedOn: '2026-06-20', result: 'disclose', subReason: null };
  return { ...records, requests: [...records.requests, { ...base, ...extra }] };
}
const violations = (records: ReportRecords, template: ReportTemplate = TEMPLATE_2021) => checkReportIdentities(computeAnnualReport(template, 2026, records));

describe('checkReportIdentities catches a broken data set', () => {
  it('a request closed this year without a result: the results total is more than its rows', () => {
    expect(violations(withRequest({ id: 'BAD', result: null }))).toEqual([
      { kind: 'results_total', table: 'requests', row: 'results_total', column: 'natural_person', expected: 5, actual: 6, causes: ['BAD'] },
      { kind: 'results_total', table: 'requests', row: 'results_total', column: 'total', expected: 8, actual: 9, causes: ['BAD'] },
    ]);
  });

  it('a withheld request without its legal ground, in both templates', () => {
    for (const template of [TEMPLATE_2019, TEMPLATE_2021]) {
      const found = violations(withRequest({ id: 'NOGROUND', result: 'withhold', subReason: null }), template);
      expect(found.map((v) => [v.kind, v.column, v.causes])).toEqual([['results_total', 'natural_person', ['NOGROUND']], ['results_total', 'total', ['NOGROUND']]]);
    }
  });

  it('"other handling" without a sub-reason is fine in 2019 (one row) and caught in 2021 (three rows)', () => {
    const records = withRequest({ id: 'OTHER', result: 'other', subReason: null });
    expect(violations(records, TEMPLATE_2019)).toEqual([]);
    expect(violations(records, TEMPLATE_2021).map((v) => v.causes)).toEqual([['OTHER'], ['OTHER']]);
  });

  it('a request closed before it was received: new + carried over ≠ handled + carried forward', () => {
    expect(violations(withRequest({ id: 'TIME', receivedOn: '2026-03-01', closedOn: '2025-11-01' }))).toEqual([
      { kind: 'request_balance', table: 'requests', row: 'carried_forward', column: 'natural_person', expected: 7, actual: 6, causes: ['TIME'] },
      { kind: 'request_balance', table: 'requests', row: 'carried_forward', column: 'total', expected: 12, actual: 11, causes: ['TIME'] },
    ]);
  });

  it('an applicant type outside the columns: the total column is more than the others', () => {
    const found = violations(withRequest({ id: 'WHO', applicantType: 'company' }));
    expect(found.map((v) => [v.kind, v.row, v.column, v.expected, v.actual, v.causes])).toEqual([
      ['total_column', 'new', 'total', 9, 10, ['WHO']],
      ['total_column', 'result:disclose', 'total', 2, 3, ['WHO']],
      ['total_column', 'results_total', 'total', 8, 9, ['WHO']],
    ]);
  });

  it('an appeal with an outcome the report does not know', () => {
    const records = scriptedRecords();
    records.appeals = [...records.appeals, { id: 'AP', label: '复议X', kind: 'reconsideration', filedOn: '2026-02-01', decidedOn: '2026-03-01', outcome: 'withdrawn' }];
    expect(violations(records)).toEqual([{ kind: 'appeal_total', table: 'appeals', row: 'reconsideration', column: 'total', expected: 2, actual: 3, causes: ['AP'] }]);
  });

  it('a table edited by hand (a number with no records behind it)', () => {
    const report = computeAnnualReport(TEMPLATE_2021, 2026, scriptedRecords());
    report.requests.new!.business = { value: 1, sources: [] };
    expect(checkReportIdentities(report).map((v) => [v.kind, v.row, v.column, v.expected, v.actual])).toEqual([
      ['request_balance', 'carried_forward', 'business', 2, 1],
      ['total_column', 'new', 'total', 10, 9],
    ]);
  });
});
