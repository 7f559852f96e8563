-- Version 21: 查岗记录 (R-DU-9, R-DU-12; 001 小区管理处值班制度 六、七 and 物业值班管理制度范本).
-- The office head's visits to the duty posts and the supervisors' night spot checks, each with
-- what was found, and the duty discipline found per person: 脱岗 (absent from post), 早退 (left
-- before the shift ended without a handover). A later finding (早退 noticed the next morning) is
-- recorded the same way, with the time it happened.
CREATE TABLE duty_checks (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('visit', 'night_check', 'discipline')),
    -- When the check was made (or the early leave / absence happened).
    checked_at  TEXT NOT NULL,
    checker_id  INTEGER NOT NULL REFERENCES staff(id),
    -- The post checked: 客服前台, 北门岗 (free text).
    post        TEXT NOT NULL DEFAULT '',
    -- The person on duty the finding is about; NULL when the post was found in order.
    staff_id    INTEGER REFERENCES staff(id),
    finding     TEXT NOT NULL CHECK (finding IN ('ok', 'absent', 'early_leave', 'other')),
    note        TEXT NOT NULL DEFAULT '',
    entered_at  TEXT NOT NULL,
    CHECK (finding = 'ok' OR staff_id IS NOT NULL)
) STRICT;
CREATE INDEX duty_checks_at ON duty_checks (checked_at);
CREATE INDEX duty_checks_staff ON duty_checks (staff_id, finding, checked_at);
