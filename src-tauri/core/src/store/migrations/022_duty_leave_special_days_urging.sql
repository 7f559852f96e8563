-- Version 22: the rest of the second pass on duty (R-DU-8, R-DU-10, R-DU-11) and 催办 (urging, 002).

-- R-DU-8 离岗替值: anyone leaving the post during duty needs a leader's approval and a substitute
-- first (001 小区管理处值班制度 五). It is a cover like security's 代值 (R-DU-6), of any role,
-- with the approving supervisor or manager. Old rows are all security covering the desk.
ALTER TABLE duty_covers ADD COLUMN kind TEXT NOT NULL DEFAULT 'desk' CHECK (kind IN ('desk', 'leave'));
ALTER TABLE duty_covers ADD COLUMN approved_by INTEGER REFERENCES staff(id);

-- R-DU-10: days the roster marks as special (holidays, typhoon warnings, major works); each needs
-- a supervisor or manager on duty before the month can be published.
CREATE TABLE roster_special_days (
    day         TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 60),
    set_by      INTEGER NOT NULL REFERENCES staff(id),
    set_at      TEXT NOT NULL
) STRICT;

-- R-DU-11: a change to a published roster is announced to each person it affects; they see it
-- when they next log in, and when they saw it is kept.
CREATE TABLE roster_notices (
    id          INTEGER PRIMARY KEY,
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    request_id  INTEGER REFERENCES duty_requests(id),
    text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    created_at  TEXT NOT NULL,
    seen_at     TEXT
) STRICT;
CREATE INDEX roster_notices_unseen ON roster_notices (staff_id, seen_at);
CREATE INDEX roster_notices_request ON roster_notices (request_id);

-- 催办: a resident calling again about an open slip or complaint. One row per call, on exactly
-- one of the two; the record, its timeline, the boards and the report count them.
CREATE TABLE urgings (
    id            INTEGER PRIMARY KEY,
    slip_id       INTEGER REFERENCES dispatch_slips(id),
    complaint_id  INTEGER REFERENCES complaints(id),
    at            TEXT NOT NULL,
    by_id         INTEGER NOT NULL REFERENCES staff(id),
    note          TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
    CHECK ((slip_id IS NULL) <> (complaint_id IS NULL))
) STRICT;
CREATE INDEX urgings_slip ON urgings (slip_id) WHERE slip_id IS NOT NULL;
CREATE INDEX urgings_complaint ON urgings (complaint_id) WHERE complaint_id IS NOT NULL;
CREATE INDEX urgings_at ON urgings (at);
