-- A published workflow version never changes and is never removed: documents are pinned to it.
CREATE TRIGGER workflow_definitions_no_update BEFORE UPDATE ON workflow_definitions
BEGIN
  SELECT RAISE(ABORT, 'SHENFA_WORKFLOW_VERSION_IMMUTABLE');
END;
--> statement-breakpoint
CREATE TRIGGER workflow_definitions_no_delete BEFORE DELETE ON workflow_definitions
BEGIN
  SELECT RAISE(ABORT, 'SHENFA_WORKFLOW_VERSION_IMMUTABLE');
END;
--> statement-breakpoint
-- Version 1 of the shipped release-review flow (workflows/release-review.definition.ts), to
-- which every document created before versions were stored is pinned.
INSERT INTO workflow_definitions (key, version, definition, status, notes, published_at, published_by)
VALUES ('release-review', 1, '{"key":"release-review","version":1,"name":{"zh":"信息发布审查","en":"Release review"},"steps":[{"id":"draft","kind":"fill","role":"drafter","label":{"zh":"起草","en":"Draft"}},{"id":"stats_review","kind":"review","role":"stats","when":{"guard":"hasStatistics"},"dueWorkingDays":3,"label":{"zh":"统计口径审查","en":"Statistics review"},"returnTargets":["draft"]},{"id":"legality_review","kind":"review","role":"legal","dueWorkingDays":3,"label":{"zh":"合法性审查","en":"Legality review"},"returnTargets":["draft","stats_review"]},{"id":"secrecy_review","kind":"review","role":"secrecy","dueWorkingDays":3,"label":{"zh":"保密审查","en":"Secrecy review"},"returnTargets":["draft","stats_review","legality_review"]},{"id":"leader_signoff","kind":"signoff","role":"leader","dueWorkingDays":2,"label":{"zh":"分管领导审批","en":"Leader sign-off"},"returnTargets":["draft","stats_review","legality_review","secrecy_review"]},{"id":"committee_decision","kind":"decision","role":"leader","when":{"guard":"isMajorMatter"},"label":{"zh":"党组会议审定","en":"Party committee decision"},"returnTargets":["draft","stats_review","legality_review","secrecy_review","leader_signoff"]},{"id":"filing","kind":"filing","role":"publisher","when":{"guard":"isPublishable"},"dueWorkingDays":2,"label":{"zh":"信息中心备案","en":"Filing"},"returnTargets":["draft","stats_review","legality_review","secrecy_review","leader_signoff","committee_decision"]},{"id":"publication","kind":"publication","role":"publisher","when":{"guard":"isPublishable"},"dueWorkingDays":2,"label":{"zh":"发布","en":"Publication"},"returnTargets":["draft","stats_review","legality_review","secrecy_review","leader_signoff","committee_decision","filing"]},{"id":"published","kind":"end","role":"publisher","label":{"zh":"已发布","en":"Published"}},{"id":"concluded","kind":"end","label":{"zh":"审结（不公开）","en":"Concluded (not published)"}},{"id":"rejected","kind":"end","label":{"zh":"不予通过","en":"Rejected"}},{"id":"withdrawn","kind":"end","label":{"zh":"已撤稿","en":"Withdrawn"}}]}', 'published', '随系统发布的默认流程', 0, NULL);
