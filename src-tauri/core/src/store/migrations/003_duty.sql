-- Version 3 (duty): shift templates, monthly rosters with approved overrides, swap/leave
-- requests, security cover (代值), and handovers (交接班) with checklist, anomalies and signatures.

-- One row of duty settings the office tunes once.
CREATE TABLE duty_settings (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    -- Minimum rest between two shifts of the same person.
    min_rest_minutes      INTEGER NOT NULL DEFAULT 480 CHECK (min_rest_minutes BETWEEN 0 AND 1440),
    -- Staff arrive this many minutes before their shift for the handover (R-DU-7).
    arrival_lead_minutes  INTEGER NOT NULL DEFAULT 15 CHECK (arrival_lead_minutes BETWEEN 0 AND 120),
    -- Publishing later than this many days before the month warns (R-DU-5).
    publish_lead_days     INTEGER NOT NULL DEFAULT 7 CHECK (publish_lead_days BETWEEN 0 AND 31)
) STRICT;
INSERT INTO duty_settings (id) VALUES (1);

CREATE TABLE shifts (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 20),
    -- The short code typed into the roster grid.
    code         TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 4),
    start_time   TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    -- An end at or before the start means the shift ends the next day.
    end_time     TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND end_time <> start_time),
    -- Comma-separated role codes; each listed role must be among the people on the shift.
    required_roles TEXT NOT NULL DEFAULT '',
    min_people   INTEGER NOT NULL DEFAULT 1 CHECK (min_people BETWEEN 0 AND 20),
    max_people   INTEGER NOT NULL DEFAULT 1 CHECK (max_people BETWEEN 1 AND 20 AND max_people >= min_people),
    place        TEXT NOT NULL DEFAULT 'desk' CHECK (place IN ('desk', 'on_call')),
    covers_desk  INTEGER NOT NULL DEFAULT 1 CHECK (covers_desk IN (0, 1)),
    color        TEXT NOT NULL DEFAULT '#409eff' CHECK (color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort         INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Defaults from the seeds (001 值班制度): day and night together cover all 24 hours.
INSERT INTO shifts (name, code, start_time, end_time, required_roles, min_people, max_people, place, covers_desk, color, sort) VALUES
    ('白班', '白', '08:30', '17:30', '', 1, 3, 'desk', 1, '#67c23a', 1),
    ('中午班', '中', '11:30', '13:30', 'receptionist', 1, 1, 'desk', 1, '#e6a23c', 2),
    ('夜班', '夜', '17:30', '09:00', 'technician', 1, 1, 'desk', 1, '#6f42c1', 3);

CREATE TABLE rosters (
    id            INTEGER PRIMARY KEY,
    month         TEXT NOT NULL UNIQUE CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    created_at    TEXT NOT NULL,
    created_by    INTEGER NOT NULL REFERENCES staff(id),
    published_at  TEXT,
    published_by  INTEGER REFERENCES staff(id),
    -- Published later than the configured lead before the month (R-DU-5).
    published_late INTEGER NOT NULL DEFAULT 0 CHECK (published_late IN (0, 1)),
    CHECK ((status = 'published') = (published_at IS NOT NULL))
) STRICT;

-- The planned grid: one shift per person per day.
CREATE TABLE roster_cells (
    roster_id  INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
    day        TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    shift_id   INTEGER NOT NULL REFERENCES shifts(id),
    PRIMARY KEY (roster_id, staff_id, day)
) STRICT;
CREATE INDEX roster_cells_day ON roster_cells (day);

-- A published roster is never edited: its cells are frozen (R-DU-4 changes go to overrides).
CREATE TRIGGER roster_cells_frozen_insert BEFORE INSERT ON roster_cells
WHEN (SELECT status FROM rosters WHERE id = NEW.roster_id) = 'published'
BEGIN SELECT RAISE(ABORT, '值班表已发布,不能修改'); END;
CREATE TRIGGER roster_cells_frozen_update BEFORE UPDATE ON roster_cells
WHEN (SELECT status FROM rosters WHERE id = OLD.roster_id) = 'published'
BEGIN SELECT RAISE(ABORT, '值班表已发布,不能修改'); END;
CREATE TRIGGER roster_cells_frozen_delete BEFORE DELETE ON roster_cells
WHEN (SELECT status FROM rosters WHERE id = OLD.roster_id) = 'published'
BEGIN SELECT RAISE(ABORT, '值班表已发布,不能修改'); END;

CREATE TABLE duty_requests (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('swap', 'leave')),
    staff_id        INTEGER NOT NULL REFERENCES staff(id),
    -- Leave: from_day..to_day. Swap: the requester's day (from_day = to_day).
    from_day        TEXT NOT NULL,
    to_day          TEXT NOT NULL CHECK (to_day >= from_day),
    -- Swap: who takes the requester's shift, and optionally the day the requester works in return.
    other_staff_id  INTEGER REFERENCES staff(id),
    other_day       TEXT,
    reason          TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    filed_at        TEXT NOT NULL,
    filed_by        INTEGER NOT NULL REFERENCES staff(id),
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
    -- Leave: the 顶班 substitute named by the approver.
    substitute_id   INTEGER REFERENCES staff(id),
    decided_at      TEXT,
    decided_by      INTEGER REFERENCES staff(id),
    decision_note   TEXT NOT NULL DEFAULT '' CHECK (length(decision_note) <= 200),
    CHECK (kind = 'leave' OR other_staff_id IS NOT NULL),
    CHECK ((status = 'pending') = (decided_at IS NULL))
) STRICT;
CREATE INDEX duty_requests_status ON duty_requests (status, from_day);
CREATE INDEX duty_requests_staff ON duty_requests (staff_id, from_day);

-- Approved changes laid over the published roster; the roster itself is never rewritten.
-- shift_id NULL means the person is off that day.
CREATE TABLE roster_overrides (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES duty_requests(id),
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    day         TEXT NOT NULL,
    shift_id    INTEGER REFERENCES shifts(id)
) STRICT;
CREATE INDEX roster_overrides_day ON roster_overrides (day, staff_id);
CREATE INDEX roster_overrides_request ON roster_overrides (request_id);

-- 代值: security covering the desk while the night technician is away (R-DU-6).
CREATE TABLE duty_covers (
    id            INTEGER PRIMARY KEY,
    cover_staff_id INTEGER NOT NULL REFERENCES staff(id),
    for_staff_id  INTEGER REFERENCES staff(id),
    start_at      TEXT NOT NULL,
    end_at        TEXT CHECK (end_at IS NULL OR end_at > start_at),
    reason        TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    recorded_by   INTEGER NOT NULL REFERENCES staff(id),
    recorded_at   TEXT NOT NULL
) STRICT;
CREATE INDEX duty_covers_time ON duty_covers (start_at, end_at);

-- What is kept at the desk and checked at every handover (R-HO-2).
CREATE TABLE handover_items (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 20),
    expected_qty  INTEGER NOT NULL CHECK (expected_qty BETWEEN 0 AND 999),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort          INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO handover_items (name, expected_qty, sort) VALUES
    ('钥匙', 10, 1), ('对讲机', 2, 2), ('值班手机', 1, 3), ('记录本', 3, 4), ('工具', 1, 5);

CREATE TABLE handovers (
    id                  INTEGER PRIMARY KEY,
    serial              TEXT NOT NULL UNIQUE,
    -- desk: receptionist/technician to the next desk shift; security: evening hand-off to the gate.
    kind                TEXT NOT NULL CHECK (kind IN ('desk', 'security')),
    -- When the incoming shift starts.
    change_at           TEXT NOT NULL,
    outgoing_id         INTEGER NOT NULL REFERENCES staff(id),
    incoming_id         INTEGER NOT NULL REFERENCES staff(id),
    -- Who the roster says; a difference is allowed but flagged.
    planned_outgoing_id INTEGER REFERENCES staff(id),
    planned_incoming_id INTEGER REFERENCES staff(id),
    -- The outgoing shift crossed midnight: night-log entries must be handled before signing (R-HO-6).
    from_night          INTEGER NOT NULL DEFAULT 0 CHECK (from_night IN (0, 1)),
    work_notes          TEXT NOT NULL DEFAULT '' CHECK (length(work_notes) <= 2000),
    arrived_at          TEXT,
    late                INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
    status              TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'signed')),
    outgoing_signed_at  TEXT,
    incoming_signed_at  TEXT,
    carried_over        INTEGER NOT NULL DEFAULT 0 CHECK (carried_over >= 0),
    created_at          TEXT NOT NULL,
    created_by          INTEGER NOT NULL REFERENCES staff(id),
    CHECK (status = 'open' OR (outgoing_signed_at IS NOT NULL AND incoming_signed_at IS NOT NULL))
) STRICT;
CREATE INDEX handovers_change_at ON handovers (change_at);

CREATE TABLE handover_checks (
    handover_id   INTEGER NOT NULL REFERENCES handovers(id),
    item_id       INTEGER NOT NULL REFERENCES handover_items(id),
    -- Copied so the record reads the same after the item list changes.
    item_name     TEXT NOT NULL,
    expected_qty  INTEGER NOT NULL,
    actual_qty    INTEGER NOT NULL CHECK (actual_qty BETWEEN 0 AND 999),
    state         TEXT NOT NULL DEFAULT 'ok' CHECK (state IN ('ok', 'damaged', 'missing')),
    note          TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
    explanation   TEXT NOT NULL DEFAULT '' CHECK (length(explanation) <= 200),
    PRIMARY KEY (handover_id, item_id)
) STRICT;

-- Unfinished work handed on: pulled in from open records or written by the outgoing person.
CREATE TABLE handover_open_items (
    id           INTEGER PRIMARY KEY,
    handover_id  INTEGER NOT NULL REFERENCES handovers(id),
    source       TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 20),
    ref_id       INTEGER,
    summary      TEXT NOT NULL CHECK (length(summary) BETWEEN 1 AND 300),
    note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 300)
) STRICT;
CREATE INDEX handover_open_items_handover ON handover_open_items (handover_id);

CREATE TABLE handover_anomalies (
    id           INTEGER PRIMARY KEY,
    handover_id  INTEGER NOT NULL REFERENCES handovers(id),
    area         TEXT NOT NULL CHECK (length(area) BETWEEN 1 AND 50),
    description  TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 300),
    explanation  TEXT NOT NULL DEFAULT '' CHECK (length(explanation) <= 300)
) STRICT;
CREATE INDEX handover_anomalies_handover ON handover_anomalies (handover_id);

-- Corrections to a signed handover: new rows pointing at it; the original stays as signed.
CREATE TABLE handover_addenda (
    id           INTEGER PRIMARY KEY,
    handover_id  INTEGER NOT NULL REFERENCES handovers(id),
    text         TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    written_at   TEXT NOT NULL,
    written_by   INTEGER NOT NULL REFERENCES staff(id)
) STRICT;
CREATE INDEX handover_addenda_handover ON handover_addenda (handover_id);

-- The morning desk confirms it has read security's night record (R-HO-7).
CREATE TABLE security_night_reads (
    id           INTEGER PRIMARY KEY,
    handover_id  INTEGER NOT NULL UNIQUE REFERENCES handovers(id),
    read_at      TEXT NOT NULL,
    read_by      INTEGER NOT NULL REFERENCES staff(id),
    note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 300)
) STRICT;

-- A signed handover is locked whatever path tries to change it (R-HO-5).
CREATE TRIGGER handovers_locked BEFORE UPDATE ON handovers
WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handovers_locked_delete BEFORE DELETE ON handovers
WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handover_checks_locked_insert BEFORE INSERT ON handover_checks
WHEN (SELECT status FROM handovers WHERE id = NEW.handover_id) = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handover_checks_locked_update BEFORE UPDATE ON handover_checks
WHEN (SELECT status FROM handovers WHERE id = OLD.handover_id) = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handover_checks_locked_delete BEFORE DELETE ON handover_checks
WHEN (SELECT status FROM handovers WHERE id = OLD.handover_id) = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handover_open_items_locked_insert BEFORE INSERT ON handover_open_items
WHEN (SELECT status FROM handovers WHERE id = NEW.handover_id) = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handover_open_items_locked_update BEFORE UPDATE ON handover_open_items
WHEN (SELECT status FROM handovers WHERE id = OLD.handover_id) = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handover_open_items_locked_delete BEFORE DELETE ON handover_open_items
WHEN (SELECT status FROM handovers WHERE id = OLD.handover_id) = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handover_anomalies_locked_insert BEFORE INSERT ON handover_anomalies
WHEN (SELECT status FROM handovers WHERE id = NEW.handover_id) = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handover_anomalies_locked_update BEFORE UPDATE ON handover_anomalies
WHEN (SELECT status FROM handovers WHERE id = OLD.handover_id) = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handover_anomalies_locked_delete BEFORE DELETE ON handover_anomalies
WHEN (SELECT status FROM handovers WHERE id = OLD.handover_id) = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
