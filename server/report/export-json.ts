/** The report as JSON: the computed tables (with the records behind each number), the narrative and any violations. */
import { reportTitle, sectionHeadings, type ReportContent } from './report-text';
import type { IdentityViolation } from './report-types';

export function reportJson(content: ReportContent, violations: IdentityViolation[]): string {
  const { computed } = content;
  return JSON.stringify({
    title: reportTitle(content.bureauName, computed.year),
    year: computed.year,
    template: content.template.key,
    sections: sectionHeadings(content.template),
    narrative: content.narrative,
    article20: computed.article20,
    requests: computed.requests,
    appeals: computed.appeals,
    requestFees: computed.requestFees,
    violations: violations.map((v) => ({ ...v, causes: v.causes.map((id) => ({ id, label: computed.labels[id] ?? id })) })),
  }, null, 2);
}
