/**
 * The identities a report's tables must satisfy (domain.md "The annual report"):
 * in every column, new + carried over = results total + carried forward; the results total
 * equals the sum of the result rows; in every row, the total column equals the sum of the
 * applicant columns; and for appeals, total = upheld + corrected + other + pending.
 * Each violation names the records counted on one side and not the other.
 */
import { APPLICANT_TYPES, APPEAL_KINDS, APPEAL_OUTCOMES } from '../../workflows/requests/request-vocabulary';
import { REQUEST_ROW_CARRIED_FORWARD, REQUEST_ROW_CARRIED_OVER, REQUEST_ROW_NEW, REQUEST_ROW_RESULTS_TOTAL } from './report-templates';
import type { ComputedReport, CountCell, IdentityKind, IdentityViolation, RequestColumn } from './report-types';

const REQUEST_COLUMNS: RequestColumn[] = [...APPLICANT_TYPES, 'total'];

/** Ids whose count differs between the two sides (multiset difference, both ways). */
function unbalanced(left: CountCell[], right: CountCell[]): string[] {
  const count = new Map<string, number>();
  for (const c of left) for (const id of c.sources) count.set(id, (count.get(id) ?? 0) + 1);
  for (const c of right) for (const id of c.sources) count.set(id, (count.get(id) ?? 0) - 1);
  return [...count].filter(([, n]) => n !== 0).map(([id]) => id).sort();
}

const sum = (cells: CountCell[]) => cells.reduce((s, c) => s + c.value, 0);

function check(out: IdentityViolation[], kind: IdentityKind, table: IdentityViolation['table'], row: string, column: string, expectedFrom: CountCell[], actual: CountCell[]) {
  const expected = sum(expectedFrom);
  const got = sum(actual);
  if (expected !== got) out.push({ kind, table, row, column, expected, actual: got, causes: unbalanced(expectedFrom, actual) });
}

/**
 * Every identity that does not hold, in table order.
 * Example: a request closed in the year without a result gives
 * { kind: 'results_total', row: 'results_total', column: 'natural_person', expected: 0, actual: 1, causes: [its id] }.
 */
export function checkReportIdentities(report: Pick<ComputedReport, 'requests' | 'appeals'>): IdentityViolation[] {
  const out: IdentityViolation[] = [];
  const t = report.requests;
  const resultKeys = Object.keys(t).filter((k) => k.startsWith('result:'));
  for (const col of REQUEST_COLUMNS) {
    const at = (row: string) => t[row]![col];
    // The results total is the reference; what the sub-rows add up to must match it.
    check(out, 'request_balance', 'requests', REQUEST_ROW_CARRIED_FORWARD, col, [at(REQUEST_ROW_NEW), at(REQUEST_ROW_CARRIED_OVER)], [at(REQUEST_ROW_RESULTS_TOTAL), at(REQUEST_ROW_CARRIED_FORWARD)]);
    check(out, 'results_total', 'requests', REQUEST_ROW_RESULTS_TOTAL, col, resultKeys.map(at), [at(REQUEST_ROW_RESULTS_TOTAL)]);
  }
  for (const row of Object.keys(t)) {
    check(out, 'total_column', 'requests', row, 'total', APPLICANT_TYPES.map((c) => t[row]![c]), [t[row]!.total]);
  }
  for (const kind of APPEAL_KINDS) {
    const r = report.appeals[kind];
    check(out, 'appeal_total', 'appeals', kind, 'total', APPEAL_OUTCOMES.map((o) => r[o]), [r.total]);
  }
  return out;
}
