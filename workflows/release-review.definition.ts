/**
 * The default release-review flow (先审后发), as the bureaus' own procedure describes it.
 * Plain data: an admin may copy it, edit it and store it as a new version.
 */
import type { StepDefinition, WorkflowDefinition } from './definition';

const WORKING_STEPS: StepDefinition[] = [
  { id: 'draft', kind: 'fill', role: 'drafter', label: { zh: '起草', en: 'Draft' } },
  {
    id: 'stats_review',
    kind: 'review',
    role: 'stats',
    when: { guard: 'hasStatistics' },
    dueWorkingDays: 3,
    label: { zh: '统计口径审查', en: 'Statistics review' },
  },
  { id: 'legality_review', kind: 'review', role: 'legal', dueWorkingDays: 3, label: { zh: '合法性审查', en: 'Legality review' } },
  { id: 'secrecy_review', kind: 'review', role: 'secrecy', dueWorkingDays: 3, label: { zh: '保密审查', en: 'Secrecy review' } },
  { id: 'leader_signoff', kind: 'signoff', role: 'leader', dueWorkingDays: 2, label: { zh: '分管领导审批', en: 'Leader sign-off' } },
  {
    id: 'committee_decision',
    kind: 'decision',
    role: 'leader',
    when: { guard: 'isMajorMatter' },
    label: { zh: '党组会议审定', en: 'Party committee decision' },
  },
  {
    id: 'filing',
    kind: 'filing',
    role: 'publisher',
    when: { guard: 'isPublishable' },
    dueWorkingDays: 2,
    label: { zh: '信息中心备案', en: 'Filing' },
  },
  {
    id: 'publication',
    kind: 'publication',
    role: 'publisher',
    when: { guard: 'isPublishable' },
    dueWorkingDays: 2,
    label: { zh: '发布', en: 'Publication' },
  },
];

/** Any step may send the document back to the drafter or to any earlier step. */
const withReturns = WORKING_STEPS.map((step, i) =>
  step.kind === 'fill' ? step : { ...step, returnTargets: WORKING_STEPS.slice(0, i).map((s) => s.id) },
);

export const releaseReviewDefinition: WorkflowDefinition = {
  key: 'release-review',
  version: 1,
  name: { zh: '信息发布审查', en: 'Release review' },
  steps: [
    ...withReturns,
    { id: 'published', kind: 'end', role: 'publisher', label: { zh: '已发布', en: 'Published' } },
    { id: 'concluded', kind: 'end', label: { zh: '审结（不公开）', en: 'Concluded (not published)' } },
    { id: 'rejected', kind: 'end', label: { zh: '不予通过', en: 'Rejected' } },
    { id: 'withdrawn', kind: 'end', label: { zh: '已撤稿', en: 'Withdrawn' } },
  ],
};
