-- Version 14: the complaint reply deadline by urgency, and escalation of overdue replies
-- (R-CP-4; issue 14 §5). complaint_reply_hours stays the deadline of an ordinary complaint; an
-- urgent or major one is answered within complaint_urgent_reply_hours; a complaint still
-- unanswered complaint_overdue_escalate_hours past its deadline goes to the manager's banner.
ALTER TABLE intake_settings ADD COLUMN complaint_urgent_reply_hours INTEGER NOT NULL DEFAULT 2
    CHECK (complaint_urgent_reply_hours BETWEEN 1 AND 720);
ALTER TABLE intake_settings ADD COLUMN complaint_overdue_escalate_hours INTEGER NOT NULL DEFAULT 24
    CHECK (complaint_overdue_escalate_hours BETWEEN 1 AND 720);
