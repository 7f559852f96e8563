-- Version 9: indexes for the reports (issue 12).
--
-- The 人员工作量 sheet counts, for every person, what they dispatched, completed, visited and
-- replied to in the period. Without these each count read ten years of slips (3.5 s for a month
-- report on the ten-year office; 0.24 s with them). tests/query_plans.rs keeps every report,
-- board and list query off full scans of the big tables.
CREATE INDEX slips_dispatcher ON dispatch_slips (dispatcher_id, dispatched_at);
CREATE INDEX slips_assignee_completed ON dispatch_slips (assignee_id, completed_at);
CREATE INDEX complaints_replied_by ON complaints (replied_by, replied_at);
CREATE INDEX return_visits_by ON return_visits (by_id, at);
