-- Version 15: a shift change without a signed handover is flagged 未交接 this many minutes
-- after it (R-HO-8; issue 14 §4; default 60).
ALTER TABLE duty_settings ADD COLUMN handover_due_minutes INTEGER NOT NULL DEFAULT 60
    CHECK (handover_due_minutes BETWEEN 10 AND 1440);
