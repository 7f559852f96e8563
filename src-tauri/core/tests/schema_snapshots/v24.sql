CREATE TRIGGER complaints_search_ad AFTER DELETE ON complaints BEGIN
    DELETE FROM search_docs WHERE kind = 'complaint' AND record_id = old.id;
END;
CREATE TRIGGER complaints_search_ai AFTER INSERT ON complaints BEGIN
    INSERT INTO search_docs (id, kind, record_id, at, serial, room_code, name, phone, content)
    SELECT coalesce((SELECT max(d.id) + 1 FROM search_docs d WHERE d.id BETWEEN b.v AND b.v + 4095), b.v),
           'complaint', new.id, new.opened_at, new.serial, coalesce((SELECT code FROM rooms WHERE id = new.room_id), ''),
           new.complainant_name, new.complainant_phone, new.content
    FROM (SELECT (unixepoch(new.opened_at) - 946684800) * 4096 AS v) AS b;
END;
CREATE TRIGGER complaints_search_au AFTER UPDATE OF serial, opened_at, room_id, complainant_name, complainant_phone, content ON complaints BEGIN
    DELETE FROM search_docs WHERE kind = 'complaint' AND record_id = old.id;
    INSERT INTO search_docs (id, kind, record_id, at, serial, room_code, name, phone, content)
    SELECT coalesce((SELECT max(d.id) + 1 FROM search_docs d WHERE d.id BETWEEN b.v AND b.v + 4095), b.v),
           'complaint', new.id, new.opened_at, new.serial, coalesce((SELECT code FROM rooms WHERE id = new.room_id), ''),
           new.complainant_name, new.complainant_phone, new.content
    FROM (SELECT (unixepoch(new.opened_at) - 946684800) * 4096 AS v) AS b;
END;
CREATE TRIGGER dispatch_slips_search_ad AFTER DELETE ON dispatch_slips BEGIN
    DELETE FROM search_docs WHERE kind = 'slip' AND record_id = old.id;
END;
CREATE TRIGGER dispatch_slips_search_ai AFTER INSERT ON dispatch_slips BEGIN
    INSERT INTO search_docs (id, kind, record_id, at, serial, room_code, name, phone, content)
    SELECT coalesce((SELECT max(d.id) + 1 FROM search_docs d WHERE d.id BETWEEN b.v AND b.v + 4095), b.v),
           'slip', new.id, new.opened_at, new.serial, coalesce((SELECT code FROM rooms WHERE id = new.room_id), new.location),
           new.caller_name, new.caller_phone, new.content
    FROM (SELECT (unixepoch(new.opened_at) - 946684800) * 4096 AS v) AS b;
END;
CREATE TRIGGER dispatch_slips_search_au AFTER UPDATE OF serial, opened_at, room_id, location, caller_name, caller_phone, content ON dispatch_slips BEGIN
    DELETE FROM search_docs WHERE kind = 'slip' AND record_id = old.id;
    INSERT INTO search_docs (id, kind, record_id, at, serial, room_code, name, phone, content)
    SELECT coalesce((SELECT max(d.id) + 1 FROM search_docs d WHERE d.id BETWEEN b.v AND b.v + 4095), b.v),
           'slip', new.id, new.opened_at, new.serial, coalesce((SELECT code FROM rooms WHERE id = new.room_id), new.location),
           new.caller_name, new.caller_phone, new.content
    FROM (SELECT (unixepoch(new.opened_at) - 946684800) * 4096 AS v) AS b;
END;
CREATE TRIGGER handover_anomalies_locked_delete BEFORE DELETE ON handover_anomalies
WHEN (SELECT status FROM handovers WHERE id = OLD.handover_id) = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handover_anomalies_locked_insert BEFORE INSERT ON handover_anomalies
WHEN (SELECT status FROM handovers WHERE id = NEW.handover_id) = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handover_anomalies_locked_update BEFORE UPDATE ON handover_anomalies
WHEN (SELECT status FROM handovers WHERE id = OLD.handover_id) = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handover_checks_locked_delete BEFORE DELETE ON handover_checks
WHEN (SELECT status FROM handovers WHERE id = OLD.handover_id) = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handover_checks_locked_insert BEFORE INSERT ON handover_checks
WHEN (SELECT status FROM handovers WHERE id = NEW.handover_id) = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handover_checks_locked_update BEFORE UPDATE ON handover_checks
WHEN (SELECT status FROM handovers WHERE id = OLD.handover_id) = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handover_open_items_locked_delete BEFORE DELETE ON handover_open_items
WHEN (SELECT status FROM handovers WHERE id = OLD.handover_id) = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handover_open_items_locked_insert BEFORE INSERT ON handover_open_items
WHEN (SELECT status FROM handovers WHERE id = NEW.handover_id) = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handover_open_items_locked_update BEFORE UPDATE ON handover_open_items
WHEN (SELECT status FROM handovers WHERE id = OLD.handover_id) = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handovers_locked BEFORE UPDATE ON handovers
WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER handovers_locked_delete BEFORE DELETE ON handovers
WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, '交接班记录已签字锁定,只能追加补充说明'); END;
CREATE TRIGGER intake_entries_search_ad AFTER DELETE ON intake_entries BEGIN
    DELETE FROM search_docs WHERE kind = 'intake' AND record_id = old.id;
END;
CREATE TRIGGER intake_entries_search_ai AFTER INSERT ON intake_entries BEGIN
    INSERT INTO search_docs (id, kind, record_id, at, serial, room_code, name, phone, content)
    SELECT coalesce((SELECT max(d.id) + 1 FROM search_docs d WHERE d.id BETWEEN b.v AND b.v + 4095), b.v),
           'intake', new.id, new.received_at, '', coalesce((SELECT code FROM rooms WHERE id = new.room_id), new.location),
           new.caller_name, new.caller_phone, new.content
    FROM (SELECT (unixepoch(new.received_at) - 946684800) * 4096 AS v) AS b;
END;
CREATE TRIGGER intake_entries_search_au AFTER UPDATE OF received_at, room_id, location, caller_name, caller_phone, content ON intake_entries BEGIN
    DELETE FROM search_docs WHERE kind = 'intake' AND record_id = old.id;
    INSERT INTO search_docs (id, kind, record_id, at, serial, room_code, name, phone, content)
    SELECT coalesce((SELECT max(d.id) + 1 FROM search_docs d WHERE d.id BETWEEN b.v AND b.v + 4095), b.v),
           'intake', new.id, new.received_at, '', coalesce((SELECT code FROM rooms WHERE id = new.room_id), new.location),
           new.caller_name, new.caller_phone, new.content
    FROM (SELECT (unixepoch(new.received_at) - 946684800) * 4096 AS v) AS b;
END;
CREATE TRIGGER rooms_search_au AFTER UPDATE OF code ON rooms BEGIN
    UPDATE intake_entries SET room_id = room_id WHERE room_id = new.id;
    UPDATE dispatch_slips SET room_id = room_id WHERE room_id = new.id;
    UPDATE complaints SET room_id = room_id WHERE room_id = new.id;
END;
CREATE TRIGGER roster_cells_frozen_delete BEFORE DELETE ON roster_cells
WHEN (SELECT status FROM rosters WHERE id = OLD.roster_id) = 'published'
BEGIN SELECT RAISE(ABORT, '值班表已发布,不能修改'); END;
CREATE TRIGGER roster_cells_frozen_insert BEFORE INSERT ON roster_cells
WHEN (SELECT status FROM rosters WHERE id = NEW.roster_id) = 'published'
BEGIN SELECT RAISE(ABORT, '值班表已发布,不能修改'); END;
CREATE TRIGGER roster_cells_frozen_update BEFORE UPDATE ON roster_cells
WHEN (SELECT status FROM rosters WHERE id = OLD.roster_id) = 'published'
BEGIN SELECT RAISE(ABORT, '值班表已发布,不能修改'); END;
CREATE TRIGGER roster_shift_times_frozen BEFORE UPDATE ON roster_shift_times
BEGIN SELECT RAISE(ABORT, '已发布值班表的班次时间不能修改'); END;
CREATE TRIGGER seals_append_only_delete BEFORE DELETE ON seals
BEGIN SELECT RAISE(ABORT, '封存记录只能追加，不能删除'); END;
CREATE TRIGGER seals_append_only_update BEFORE UPDATE ON seals
BEGIN SELECT RAISE(ABORT, '封存记录只能追加，不能修改'); END;
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    DELETE FROM search_fts WHERE rowid = old.id;
END;
CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_fts (rowid, uni, bi, words, keys) VALUES (
        new.id,
        search_unigrams(new.name || ' ' || new.room_code || ' ' || new.content),
        search_bigrams(new.name || ' ' || new.room_code || ' ' || new.content),
        search_words(new.content),
        search_keys(new.room_code, new.phone, new.serial));
END;
CREATE TRIGGER search_docs_au BEFORE UPDATE ON search_docs BEGIN
    SELECT RAISE(ABORT, 'search_docs rows are replaced, not updated');
END;
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor_id   INTEGER REFERENCES staff(id),
    actor_name TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 60),
    entity     TEXT NOT NULL,
    entity_id  INTEGER,
    summary    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE backup_runs (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    -- auto (every 30 minutes), exit (the app closing), upgrade (before a schema upgrade),
    -- manual (立即备份 / backup now), restore (the file kept before a restore).
    reason      TEXT NOT NULL CHECK (reason IN ('auto', 'exit', 'upgrade', 'manual', 'restore')),
    ok          INTEGER NOT NULL CHECK (ok IN (0, 1)),
    file        TEXT NOT NULL DEFAULT '',
    bytes       INTEGER NOT NULL DEFAULT 0,
    -- The chain head at the backup: the next automatic backup runs only if it moved.
    seals       INTEGER NOT NULL DEFAULT 0,
    message     TEXT NOT NULL DEFAULT '' CHECK (length(message) <= 500),
    millis      INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE backup_settings (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    -- A second folder every backup is also written to (a USB disk, another drive); '' = none.
    second_folder  TEXT NOT NULL DEFAULT '' CHECK (length(second_folder) <= 500),
    keep_today     INTEGER NOT NULL DEFAULT 8 CHECK (keep_today BETWEEN 1 AND 100),
    keep_daily     INTEGER NOT NULL DEFAULT 12 CHECK (keep_daily BETWEEN 0 AND 365),
    keep_weekly    INTEGER NOT NULL DEFAULT 10 CHECK (keep_weekly BETWEEN 0 AND 520),
    keep_monthly   INTEGER NOT NULL DEFAULT 9 CHECK (keep_monthly BETWEEN 0 AND 1200),
    -- Minutes between automatic backups while the app runs (only when something changed).
    every_minutes  INTEGER NOT NULL DEFAULT 30 CHECK (every_minutes BETWEEN 5 AND 1440)
) STRICT;
CREATE TABLE buildings (
    id    INTEGER PRIMARY KEY,
    -- The building's number or name as the desk says it: '3' for 3栋.
    name  TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 10),
    note  TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 100)
) STRICT;
CREATE TABLE categories (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 20),
    department_id   INTEGER NOT NULL REFERENCES departments(id),
    time_limit_hours INTEGER NOT NULL CHECK (time_limit_hours BETWEEN 1 AND 720),
    -- Repairs (报修) versus services (清洁、绿化…); both are dispatched the same way.
    is_repair       INTEGER NOT NULL DEFAULT 1 CHECK (is_repair IN (0, 1)),
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort            INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE complaint_steps (
    id            INTEGER PRIMARY KEY,
    complaint_id  INTEGER NOT NULL REFERENCES complaints(id),
    at            TEXT NOT NULL,
    by_id         INTEGER NOT NULL REFERENCES staff(id),
    note          TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 1000)
) STRICT;
CREATE TABLE complaints (
    id                  INTEGER PRIMARY KEY,
    serial              TEXT NOT NULL UNIQUE CHECK (serial GLOB 'TS-[0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]*'),
    intake_id           INTEGER REFERENCES intake_entries(id),
    opened_at           TEXT NOT NULL,
    opened_by           INTEGER NOT NULL REFERENCES staff(id),
    room_id             INTEGER REFERENCES rooms(id),
    complainant_name    TEXT NOT NULL DEFAULT '' CHECK (length(complainant_name) <= 30),
    complainant_phone   TEXT NOT NULL DEFAULT '' CHECK (length(complainant_phone) <= 20),
    category            TEXT NOT NULL CHECK (category IN ('service_attitude', 'repair_quality', 'sanitation', 'order_security', 'fees', 'neighbour', 'other')),
    -- The department complained about (for the analysis by department, R-CP-3).
    department_id       INTEGER REFERENCES departments(id),
    content             TEXT NOT NULL CHECK (length(content) BETWEEN 1 AND 2000),
    validity            TEXT CHECK (validity IN ('valid', 'invalid')),
    urgency             TEXT NOT NULL CHECK (urgency IN ('normal', 'urgent', 'major')),
    state               TEXT NOT NULL CHECK (state IN ('open', 'replied', 'visited', 'signed_off')),
    escalated_at        TEXT,
    taken_up_at         TEXT,
    taken_up_by         INTEGER REFERENCES staff(id),
    reply_deadline_at   TEXT NOT NULL,
    reply               TEXT NOT NULL DEFAULT '' CHECK (length(reply) <= 2000),
    replied_at          TEXT,
    replied_by          INTEGER REFERENCES staff(id),
    signed_off_at       TEXT,
    signed_off_by       INTEGER REFERENCES staff(id),
    sign_off_note       TEXT NOT NULL DEFAULT '' CHECK (length(sign_off_note) <= 500), manager_taken_at TEXT, manager_taken_by INTEGER REFERENCES staff(id),
    CHECK ((urgency = 'normal') = (escalated_at IS NULL)),
    CHECK ((replied_at IS NULL) = (state = 'open')),
    CHECK ((signed_off_at IS NULL) = (state <> 'signed_off'))
) STRICT;
CREATE TABLE departments (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 30),
    active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
CREATE TABLE dispatch_slips (
    id                   INTEGER PRIMARY KEY,
    serial               TEXT NOT NULL UNIQUE CHECK (serial GLOB 'PG-[0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]*'),
    intake_id            INTEGER REFERENCES intake_entries(id),
    opened_at            TEXT NOT NULL,
    opened_by            INTEGER NOT NULL REFERENCES staff(id),
    room_id              INTEGER REFERENCES rooms(id),
    location             TEXT NOT NULL DEFAULT '' CHECK (length(location) <= 60),
    caller_name          TEXT NOT NULL DEFAULT '' CHECK (length(caller_name) <= 30),
    caller_phone         TEXT NOT NULL DEFAULT '' CHECK (length(caller_phone) <= 20),
    category_id          INTEGER NOT NULL REFERENCES categories(id),
    department_id        INTEGER NOT NULL REFERENCES departments(id),
    content              TEXT NOT NULL CHECK (length(content) BETWEEN 1 AND 2000),
    -- 约定上门时间
    appointment_at       TEXT,
    state                TEXT NOT NULL CHECK (state IN ('opened', 'dispatched', 'accepted', 'on_site', 'done', 'return_visited', 'closed', 'paused', 'cancelled')),
    -- The state a paused slip returns to on resume.
    paused_from          TEXT CHECK (paused_from IN ('opened', 'dispatched', 'accepted', 'on_site')),
    paused_at            TEXT,
    assignee_id          INTEGER REFERENCES staff(id),
    dispatcher_id        INTEGER REFERENCES staff(id),
    dispatched_at        TEXT,
    accepted_at          TEXT,
    arrived_at           TEXT,
    completed_at         TEXT,
    closed_at            TEXT,
    closed_by            INTEGER REFERENCES staff(id),
    cancelled_at         TEXT,
    deadline_at          TEXT NOT NULL,
    due_at               TEXT NOT NULL,
    work_done            TEXT NOT NULL DEFAULT '' CHECK (length(work_done) <= 1000),
    materials            TEXT NOT NULL DEFAULT '' CHECK (length(materials) <= 500),
    fee_kind             TEXT CHECK (fee_kind IN ('free', 'paid')),
    fee_cents            INTEGER NOT NULL DEFAULT 0 CHECK (fee_cents >= 0),
    -- 验收确认: the resident's acceptance and satisfaction at completion.
    resident_accepted    INTEGER CHECK (resident_accepted IN (0, 1)),
    resident_satisfaction TEXT CHECK (resident_satisfaction IN ('satisfied', 'basic', 'unsatisfied')),
    technician_signed_by INTEGER REFERENCES staff(id),
    technician_signed_at TEXT,
    -- Set when an unsatisfied return visit sends the slip to the supervisor; cleared when handled.
    supervisor_review_at TEXT,
    reopen_count         INTEGER NOT NULL DEFAULT 0 CHECK (reopen_count >= 0),
    CHECK ((state = 'paused') = (paused_at IS NOT NULL AND paused_from IS NOT NULL)),
    CHECK (fee_kind = 'paid' OR fee_cents = 0),
    CHECK (state = 'opened' OR state = 'cancelled' OR state = 'paused' OR assignee_id IS NOT NULL)
) STRICT;
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
CREATE TABLE duty_covers (
    id            INTEGER PRIMARY KEY,
    cover_staff_id INTEGER NOT NULL REFERENCES staff(id),
    for_staff_id  INTEGER REFERENCES staff(id),
    start_at      TEXT NOT NULL,
    end_at        TEXT CHECK (end_at IS NULL OR end_at > start_at),
    reason        TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    recorded_by   INTEGER NOT NULL REFERENCES staff(id),
    recorded_at   TEXT NOT NULL
, kind TEXT NOT NULL DEFAULT 'desk' CHECK (kind IN ('desk', 'leave')), approved_by INTEGER REFERENCES staff(id)) STRICT;
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
CREATE TABLE duty_settings (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    -- Minimum rest between two shifts of the same person.
    min_rest_minutes      INTEGER NOT NULL DEFAULT 480 CHECK (min_rest_minutes BETWEEN 0 AND 1440),
    -- Staff arrive this many minutes before their shift for the handover (R-DU-7).
    arrival_lead_minutes  INTEGER NOT NULL DEFAULT 15 CHECK (arrival_lead_minutes BETWEEN 0 AND 120),
    -- Publishing later than this many days before the month warns (R-DU-5).
    publish_lead_days     INTEGER NOT NULL DEFAULT 7 CHECK (publish_lead_days BETWEEN 0 AND 31)
, handover_due_minutes INTEGER NOT NULL DEFAULT 60
    CHECK (handover_due_minutes BETWEEN 10 AND 1440)) STRICT;
CREATE TABLE entry_passes (
    id           INTEGER PRIMARY KEY,
    serial       TEXT NOT NULL UNIQUE,
    holder_name  TEXT NOT NULL CHECK (length(holder_name) BETWEEN 1 AND 30),
    holder_phone TEXT NOT NULL DEFAULT '',
    id_kind      TEXT NOT NULL CHECK (id_kind IN ('id_card', 'passport', 'hk_macau', 'other')),
    id_masked    TEXT NOT NULL CHECK (length(id_masked) BETWEEN 1 AND 30),
    company      TEXT NOT NULL DEFAULT '',
    purpose      TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 100),
    room_id      INTEGER REFERENCES rooms(id),
    valid_from   TEXT NOT NULL,
    valid_to     TEXT NOT NULL CHECK (valid_to >= valid_from),
    issued_at    TEXT NOT NULL,
    issued_by    INTEGER NOT NULL REFERENCES staff(id),
    closed_at    TEXT,
    closed_by    INTEGER REFERENCES staff(id),
    voided       INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
    close_note   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE goods_passes (
    id             INTEGER PRIMARY KEY,
    serial         TEXT NOT NULL UNIQUE,
    room_id        INTEGER NOT NULL REFERENCES rooms(id),
    resident_name  TEXT NOT NULL CHECK (length(resident_name) BETWEEN 1 AND 30),
    resident_phone TEXT NOT NULL DEFAULT '',
    carrier_name   TEXT NOT NULL CHECK (length(carrier_name) BETWEEN 1 AND 30),
    carrier_phone  TEXT NOT NULL DEFAULT '',
    items          TEXT NOT NULL CHECK (length(items) BETWEEN 1 AND 300),
    note           TEXT NOT NULL DEFAULT '',
    issued_at      TEXT NOT NULL,
    issued_by      INTEGER NOT NULL REFERENCES staff(id),
    -- Closed: checked out at the gate (voided = 0) or voided (voided = 1).
    closed_at      TEXT,
    closed_by      INTEGER REFERENCES staff(id),
    voided         INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
    close_note     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE handover_addenda (
    id           INTEGER PRIMARY KEY,
    handover_id  INTEGER NOT NULL REFERENCES handovers(id),
    text         TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    written_at   TEXT NOT NULL,
    written_by   INTEGER NOT NULL REFERENCES staff(id)
) STRICT;
CREATE TABLE handover_anomalies (
    id           INTEGER PRIMARY KEY,
    handover_id  INTEGER NOT NULL REFERENCES handovers(id),
    area         TEXT NOT NULL CHECK (length(area) BETWEEN 1 AND 50),
    description  TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 300),
    explanation  TEXT NOT NULL DEFAULT '' CHECK (length(explanation) <= 300)
) STRICT;
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
CREATE TABLE handover_items (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 20),
    expected_qty  INTEGER NOT NULL CHECK (expected_qty BETWEEN 0 AND 999),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort          INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE handover_open_items (
    id           INTEGER PRIMARY KEY,
    handover_id  INTEGER NOT NULL REFERENCES handovers(id),
    source       TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 20),
    ref_id       INTEGER,
    summary      TEXT NOT NULL CHECK (length(summary) BETWEEN 1 AND 300),
    note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 300)
, carried INTEGER NOT NULL DEFAULT 0 CHECK (carried IN (0, 1)), settled_note TEXT NOT NULL DEFAULT '' CHECK (length(settled_note) <= 300), settled_by INTEGER REFERENCES staff(id), settled_at TEXT) STRICT;
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
    created_by          INTEGER NOT NULL REFERENCES staff(id), log_read_at TEXT, follow_up TEXT NOT NULL DEFAULT '', rest_notes TEXT NOT NULL DEFAULT '',
    CHECK (status = 'open' OR (outgoing_signed_at IS NOT NULL AND incoming_signed_at IS NOT NULL))
) STRICT;
CREATE TABLE hot_work_permits (
    id              INTEGER PRIMARY KEY,
    serial          TEXT NOT NULL UNIQUE,
    room_id         INTEGER REFERENCES rooms(id),
    place           TEXT NOT NULL CHECK (length(place) BETWEEN 1 AND 60),
    applicant       TEXT NOT NULL CHECK (length(applicant) BETWEEN 1 AND 40),
    applicant_phone TEXT NOT NULL DEFAULT '',
    work            TEXT NOT NULL CHECK (length(work) BETWEEN 1 AND 200),
    starts_at       TEXT NOT NULL,
    ends_at         TEXT NOT NULL CHECK (ends_at > starts_at),
    fire_measures   TEXT NOT NULL CHECK (length(fire_measures) BETWEEN 1 AND 300),
    guardian        TEXT NOT NULL CHECK (length(guardian) BETWEEN 1 AND 30),
    approved_by     INTEGER NOT NULL REFERENCES staff(id),
    issued_at       TEXT NOT NULL,
    issued_by       INTEGER NOT NULL REFERENCES staff(id),
    closed_at       TEXT,
    closed_by       INTEGER REFERENCES staff(id),
    voided          INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
    close_note      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE intake_entries (
    id                 INTEGER PRIMARY KEY,
    received_at        TEXT NOT NULL,
    entered_at         TEXT NOT NULL,
    back_entered       INTEGER NOT NULL DEFAULT 0 CHECK (back_entered IN (0, 1)),
    room_id            INTEGER REFERENCES rooms(id),
    -- Where, when there is no room (公共区域: 3栋电梯厅).
    location           TEXT NOT NULL DEFAULT '' CHECK (length(location) <= 60),
    caller_name        TEXT NOT NULL DEFAULT '' CHECK (length(caller_name) <= 30),
    caller_phone       TEXT NOT NULL DEFAULT '' CHECK (length(caller_phone) <= 20),
    channel            TEXT NOT NULL CHECK (channel IN ('call', 'visit', 'written', 'staff_found', 'wechat', 'email')),
    kind               TEXT NOT NULL CHECK (kind IN ('repair', 'complaint', 'inquiry', 'suggestion', 'help', 'errand', 'other')),
    category_id        INTEGER REFERENCES categories(id),
    content            TEXT NOT NULL CHECK (length(content) BETWEEN 1 AND 2000),
    received_by        INTEGER NOT NULL REFERENCES staff(id),
    night_log          INTEGER NOT NULL DEFAULT 0 CHECK (night_log IN (0, 1)),
    night_decision     TEXT CHECK (night_decision IN ('slip', 'complaint', 'settled')),
    night_decided_at   TEXT,
    night_decided_by   INTEGER REFERENCES staff(id),
    callback_phone     TEXT NOT NULL DEFAULT '' CHECK (length(callback_phone) <= 20),
    callback_state     TEXT NOT NULL DEFAULT 'none' CHECK (callback_state IN ('none', 'pending', 'done')),
    callback_done_at   TEXT,
    callback_done_by   INTEGER REFERENCES staff(id),
    major_incident     INTEGER NOT NULL DEFAULT 0 CHECK (major_incident IN (0, 1)),
    -- When a supervisor or manager took the major incident up (the alert stops).
    major_ack_at       TEXT,
    major_ack_by       INTEGER REFERENCES staff(id),
    outcome            TEXT NOT NULL DEFAULT '' CHECK (length(outcome) <= 500),
    slip_id            INTEGER REFERENCES dispatch_slips(id),
    complaint_id       INTEGER REFERENCES complaints(id),
    finished_at        TEXT,
    finished_by        INTEGER REFERENCES staff(id),
    CHECK ((callback_state = 'pending') <= (callback_phone <> '')),
    CHECK ((night_decision IS NULL) = (night_decided_at IS NULL)),
    CHECK (night_decision IS NULL OR night_log = 1),
    CHECK ((finished_at IS NULL) = (outcome = '' AND slip_id IS NULL AND complaint_id IS NULL))
) STRICT;
CREATE TABLE intake_followups (
    id         INTEGER PRIMARY KEY,
    intake_id  INTEGER NOT NULL REFERENCES intake_entries(id),
    at         TEXT NOT NULL,
    by_id      INTEGER NOT NULL REFERENCES staff(id),
    note       TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 500)
) STRICT;
CREATE TABLE intake_settings (
    id                   INTEGER PRIMARY KEY CHECK (id = 1),
    repeat_repair_days   INTEGER NOT NULL DEFAULT 30 CHECK (repeat_repair_days BETWEEN 1 AND 365),
    night_start          TEXT NOT NULL DEFAULT '17:30' CHECK (night_start GLOB '[0-2][0-9]:[0-5][0-9]'),
    night_end            TEXT NOT NULL DEFAULT '09:00' CHECK (night_end GLOB '[0-2][0-9]:[0-5][0-9]'),
    due_soon_minutes     INTEGER NOT NULL DEFAULT 120 CHECK (due_soon_minutes BETWEEN 0 AND 10080),
    complaint_reply_hours INTEGER NOT NULL DEFAULT 24 CHECK (complaint_reply_hours BETWEEN 1 AND 720)
, complaint_urgent_reply_hours INTEGER NOT NULL DEFAULT 2
    CHECK (complaint_urgent_reply_hours BETWEEN 1 AND 720), complaint_overdue_escalate_hours INTEGER NOT NULL DEFAULT 24
    CHECK (complaint_overdue_escalate_hours BETWEEN 1 AND 720), return_visit_hours INTEGER NOT NULL DEFAULT 24
    CHECK (return_visit_hours BETWEEN 1 AND 720)) STRICT;
CREATE TABLE key_loans (
    id          INTEGER PRIMARY KEY,
    key_id      INTEGER NOT NULL REFERENCES resident_keys(id),
    lent_to     TEXT NOT NULL CHECK (length(lent_to) BETWEEN 1 AND 30),
    lent_phone  TEXT NOT NULL DEFAULT '',
    purpose     TEXT NOT NULL DEFAULT '',
    lent_at     TEXT NOT NULL,
    lent_by     INTEGER NOT NULL REFERENCES staff(id),
    returned_at TEXT,
    returned_by INTEGER REFERENCES staff(id),
    return_note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE office (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    company_name       TEXT NOT NULL CHECK (length(company_name) BETWEEN 1 AND 60),
    estate_name        TEXT NOT NULL CHECK (length(estate_name) BETWEEN 1 AND 60),
    desk_phone         TEXT NOT NULL DEFAULT '' CHECK (length(desk_phone) <= 30),
    doc_prefix         TEXT NOT NULL DEFAULT 'KF' CHECK (length(doc_prefix) BETWEEN 1 AND 20),
    doc_version        TEXT NOT NULL DEFAULT 'A/0' CHECK (length(doc_version) BETWEEN 1 AND 20),
    idle_lock_minutes  INTEGER NOT NULL DEFAULT 10 CHECK (idle_lock_minutes BETWEEN 1 AND 240),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
) STRICT;
CREATE TABLE resident_keys (
    id           INTEGER PRIMARY KEY,
    room_id      INTEGER REFERENCES rooms(id),
    -- What the key is: 入户门钥匙 2 把, 信箱钥匙.
    label        TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 60),
    owner_name   TEXT NOT NULL DEFAULT '',
    owner_phone  TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    deposited_at TEXT NOT NULL,
    received_by  INTEGER NOT NULL REFERENCES staff(id),
    withdrawn_at TEXT,
    withdrawn_by INTEGER REFERENCES staff(id)
) STRICT;
CREATE TABLE resident_phones (
    id           INTEGER PRIMARY KEY,
    resident_id  INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
    phone        TEXT NOT NULL CHECK (length(phone) BETWEEN 5 AND 20),
    -- The last four digits, for the desk's "尾号" look-up.
    last4        TEXT NOT NULL GENERATED ALWAYS AS (substr(phone, -4)) STORED,
    UNIQUE (resident_id, phone)
) STRICT;
CREATE TABLE residents (
    id          INTEGER PRIMARY KEY,
    room_id     INTEGER NOT NULL REFERENCES rooms(id),
    kind        TEXT NOT NULL CHECK (kind IN ('owner', 'tenant')),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
    note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    UNIQUE (room_id, name)
) STRICT;
CREATE TABLE return_visits (
    id            INTEGER PRIMARY KEY,
    slip_id       INTEGER REFERENCES dispatch_slips(id),
    complaint_id  INTEGER REFERENCES complaints(id),
    at            TEXT NOT NULL,
    by_id         INTEGER NOT NULL REFERENCES staff(id),
    method        TEXT NOT NULL CHECK (method IN ('phone', 'visit', 'written')),
    answered      INTEGER NOT NULL CHECK (answered IN (0, 1)),
    result        TEXT NOT NULL DEFAULT '' CHECK (length(result) <= 1000),
    satisfaction  TEXT CHECK (satisfaction IN ('satisfied', 'basic', 'unsatisfied')),
    -- What an unsatisfied visit led to.
    follow_up     TEXT CHECK (follow_up IN ('reopened', 'to_supervisor')),
    CHECK ((slip_id IS NULL) <> (complaint_id IS NULL)),
    CHECK ((answered = 1) = (satisfaction IS NOT NULL)),
    CHECK (follow_up IS NULL OR satisfaction = 'unsatisfied')
) STRICT;
CREATE TABLE rooms (
    id           INTEGER PRIMARY KEY,
    building_id  INTEGER NOT NULL REFERENCES buildings(id),
    -- '' when the building has no units (5栋101).
    unit         TEXT NOT NULL DEFAULT '' CHECK (length(unit) <= 5),
    number       TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 10),
    -- The short code the desk types: 3-2-1201 (or 5-101 without a unit).
    code         TEXT NOT NULL UNIQUE,
    area_m2      REAL CHECK (area_m2 IS NULL OR area_m2 > 0),
    note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
    UNIQUE (building_id, unit, number)
) STRICT;
CREATE TABLE roster_cells (
    roster_id  INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
    day        TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    shift_id   INTEGER NOT NULL REFERENCES shifts(id),
    PRIMARY KEY (roster_id, staff_id, day)
) STRICT;
CREATE TABLE roster_notices (
    id          INTEGER PRIMARY KEY,
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    request_id  INTEGER REFERENCES duty_requests(id),
    text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    created_at  TEXT NOT NULL,
    seen_at     TEXT
) STRICT;
CREATE TABLE roster_overrides (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES duty_requests(id),
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    day         TEXT NOT NULL,
    shift_id    INTEGER REFERENCES shifts(id)
, in_draft INTEGER NOT NULL DEFAULT 0 CHECK (in_draft IN (0, 1)), prev_shift_id INTEGER REFERENCES shifts(id)) STRICT;
CREATE TABLE roster_shift_times (
    roster_id    INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
    shift_id     INTEGER NOT NULL REFERENCES shifts(id),
    start_time   TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    end_time     TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND end_time <> start_time),
    covers_desk  INTEGER NOT NULL CHECK (covers_desk IN (0, 1)),
    PRIMARY KEY (roster_id, shift_id)
) STRICT;
CREATE TABLE roster_special_days (
    day         TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 60),
    set_by      INTEGER NOT NULL REFERENCES staff(id),
    set_at      TEXT NOT NULL
) STRICT;
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
CREATE TABLE seals (
    id            INTEGER PRIMARY KEY,
    entity        TEXT NOT NULL CHECK (entity IN ('audit_log', 'dispatch_slips', 'complaints', 'handovers')),
    record_id     INTEGER NOT NULL,
    content_hash  TEXT NOT NULL CHECK (length(content_hash) = 64),
    hash          TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;
CREATE TABLE search_docs (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('intake', 'slip', 'complaint')),
    record_id  INTEGER NOT NULL,
    at         TEXT NOT NULL,
    serial     TEXT NOT NULL DEFAULT '',
    -- The room's code, or the place when there is no room (公共区域: 3号楼电梯厅).
    room_code  TEXT NOT NULL DEFAULT '',
    name       TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    content    TEXT NOT NULL DEFAULT '',
    UNIQUE (kind, record_id)
) STRICT;
CREATE VIRTUAL TABLE search_fts USING fts5(
    uni, bi, words, keys,
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 tokenchars '-'"
);
CREATE TABLE security_night_reads (
    id           INTEGER PRIMARY KEY,
    handover_id  INTEGER NOT NULL UNIQUE REFERENCES handovers(id),
    read_at      TEXT NOT NULL,
    read_by      INTEGER NOT NULL REFERENCES staff(id),
    note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 300)
) STRICT;
CREATE TABLE "serial_counters" (
    kind   TEXT NOT NULL CHECK (kind IN ('PG', 'TS', 'JJ', 'FX', 'MH', 'CR')),
    month  TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9][0-1][0-9]'),
    last   INTEGER NOT NULL CHECK (last >= 1),
    PRIMARY KEY (kind, month)
) STRICT, WITHOUT ROWID;
CREATE TABLE shift_arrivals (
    id          INTEGER PRIMARY KEY,
    handover_id INTEGER NOT NULL REFERENCES handovers(id),
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    arrived_at  TEXT NOT NULL,
    late        INTEGER NOT NULL CHECK (late IN (0, 1)),
    recorded_by INTEGER NOT NULL REFERENCES staff(id),
    recorded_at TEXT NOT NULL,
    UNIQUE (handover_id, staff_id)
) STRICT;
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
, includes TEXT NOT NULL DEFAULT '') STRICT;
CREATE TABLE slip_events (
    id          INTEGER PRIMARY KEY,
    slip_id     INTEGER NOT NULL REFERENCES dispatch_slips(id),
    at          TEXT NOT NULL,
    actor_id    INTEGER REFERENCES staff(id),
    actor_name  TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('open', 'dispatch', 'transfer', 'accept', 'return', 'arrive', 'complete',
                                             'return_visit', 'visit_attempt', 'close', 'pause', 'resume', 'cancel', 'reopen', 'escalate')),
    from_state  TEXT,
    to_state    TEXT NOT NULL,
    -- The assignee after this step (dispatch / transfer), for the timeline.
    assignee_id INTEGER REFERENCES staff(id),
    reason      TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 500)
) STRICT;
CREATE TABLE slip_pauses (
    id          INTEGER PRIMARY KEY,
    slip_id     INTEGER NOT NULL REFERENCES dispatch_slips(id),
    started_at  TEXT NOT NULL,
    ended_at    TEXT CHECK (ended_at IS NULL OR ended_at >= started_at),
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200)
) STRICT;
CREATE TABLE staff (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
    role             TEXT NOT NULL CHECK (role IN ('receptionist','supervisor','technician','security','manager')),
    department_id    INTEGER NOT NULL REFERENCES departments(id),
    phone            TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 20),
    active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    login            TEXT UNIQUE CHECK (login IS NULL OR length(login) BETWEEN 2 AND 30),
    password_hash    TEXT CHECK ((login IS NULL) = (password_hash IS NULL)),
    failed_attempts  INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    last_failed_at   TEXT,
    locked           INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;
CREATE TABLE urgings (
    id            INTEGER PRIMARY KEY,
    slip_id       INTEGER REFERENCES dispatch_slips(id),
    complaint_id  INTEGER REFERENCES complaints(id),
    at            TEXT NOT NULL,
    by_id         INTEGER NOT NULL REFERENCES staff(id),
    note          TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
    CHECK ((slip_id IS NULL) <> (complaint_id IS NULL))
) STRICT;
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_entity_id ON audit_log (entity, id);
CREATE INDEX backup_runs_at ON backup_runs (at);
CREATE INDEX complaint_steps_complaint ON complaint_steps (complaint_id, at);
CREATE INDEX complaints_category ON complaints (category, opened_at);
CREATE INDEX complaints_escalated_open ON complaints (escalated_at) WHERE escalated_at IS NOT NULL AND taken_up_at IS NULL;
CREATE INDEX complaints_intake ON complaints (intake_id) WHERE intake_id IS NOT NULL;
CREATE INDEX complaints_opened_at ON complaints (opened_at);
CREATE INDEX complaints_replied_by ON complaints (replied_by, replied_at);
CREATE INDEX complaints_room ON complaints (room_id, opened_at);
CREATE INDEX complaints_state ON complaints (state, reply_deadline_at);
CREATE INDEX dispatch_slips_done_by_completion ON dispatch_slips (completed_at) WHERE state = 'done';
CREATE INDEX duty_checks_at ON duty_checks (checked_at);
CREATE INDEX duty_checks_staff ON duty_checks (staff_id, finding, checked_at);
CREATE INDEX duty_covers_time ON duty_covers (start_at, end_at);
CREATE INDEX duty_requests_staff ON duty_requests (staff_id, from_day);
CREATE INDEX duty_requests_status ON duty_requests (status, from_day);
CREATE INDEX entry_passes_open ON entry_passes (closed_at, valid_to);
CREATE INDEX goods_passes_open ON goods_passes (closed_at, issued_at);
CREATE INDEX handover_addenda_handover ON handover_addenda (handover_id);
CREATE INDEX handover_anomalies_handover ON handover_anomalies (handover_id);
CREATE INDEX handover_open_items_handover ON handover_open_items (handover_id);
CREATE INDEX handovers_change_at ON handovers (change_at);
CREATE INDEX hot_work_permits_open ON hot_work_permits (closed_at, starts_at);
CREATE INDEX intake_callback_pending ON intake_entries (received_at) WHERE callback_state = 'pending';
CREATE INDEX intake_caller_phone ON intake_entries (caller_phone);
CREATE INDEX intake_complaint ON intake_entries (complaint_id) WHERE complaint_id IS NOT NULL;
CREATE INDEX intake_followups_entry ON intake_followups (intake_id, at);
CREATE INDEX intake_major_open ON intake_entries (received_at) WHERE major_incident = 1 AND major_ack_at IS NULL;
CREATE INDEX intake_night_open ON intake_entries (received_at) WHERE night_log = 1 AND night_decision IS NULL;
CREATE INDEX intake_received_at ON intake_entries (received_at);
CREATE INDEX intake_received_by ON intake_entries (received_by, received_at);
CREATE INDEX intake_room ON intake_entries (room_id, received_at);
CREATE INDEX intake_room_category ON intake_entries (room_id, category_id, received_at);
CREATE INDEX intake_slip ON intake_entries (slip_id) WHERE slip_id IS NOT NULL;
CREATE INDEX intake_unfinished ON intake_entries (received_at) WHERE finished_at IS NULL;
CREATE UNIQUE INDEX key_loans_one_out ON key_loans (key_id) WHERE returned_at IS NULL;
CREATE INDEX resident_phones_last4 ON resident_phones (last4);
CREATE INDEX resident_phones_phone ON resident_phones (phone);
CREATE INDEX residents_name ON residents (name);
CREATE INDEX return_visits_at ON return_visits (at);
CREATE INDEX return_visits_by ON return_visits (by_id, at);
CREATE INDEX return_visits_complaint ON return_visits (complaint_id, at) WHERE complaint_id IS NOT NULL;
CREATE INDEX return_visits_slip ON return_visits (slip_id, at) WHERE slip_id IS NOT NULL;
CREATE INDEX roster_cells_day ON roster_cells (day);
CREATE INDEX roster_notices_request ON roster_notices (request_id);
CREATE INDEX roster_notices_unseen ON roster_notices (staff_id, seen_at);
CREATE INDEX roster_overrides_day ON roster_overrides (day, staff_id);
CREATE INDEX roster_overrides_request ON roster_overrides (request_id);
CREATE INDEX seals_record ON seals (entity, record_id);
CREATE INDEX shift_arrivals_staff ON shift_arrivals (staff_id, late);
CREATE INDEX slip_events_at ON slip_events (at);
CREATE INDEX slip_events_slip ON slip_events (slip_id, id);
CREATE INDEX slip_pauses_slip ON slip_pauses (slip_id, started_at);
CREATE INDEX slips_assignee ON dispatch_slips (assignee_id, state);
CREATE INDEX slips_assignee_completed ON dispatch_slips (assignee_id, completed_at);
CREATE INDEX slips_completed_at ON dispatch_slips (completed_at) WHERE completed_at IS NOT NULL;
CREATE INDEX slips_department ON dispatch_slips (department_id, state);
CREATE INDEX slips_dispatcher ON dispatch_slips (dispatcher_id, dispatched_at);
CREATE INDEX slips_intake ON dispatch_slips (intake_id) WHERE intake_id IS NOT NULL;
CREATE INDEX slips_opened_at ON dispatch_slips (opened_at);
CREATE INDEX slips_review ON dispatch_slips (supervisor_review_at) WHERE supervisor_review_at IS NOT NULL;
CREATE INDEX slips_room ON dispatch_slips (room_id, opened_at);
CREATE INDEX slips_state_due ON dispatch_slips (state, due_at);
CREATE UNIQUE INDEX staff_name_phone ON staff (name, phone);
CREATE INDEX urgings_at ON urgings (at);
CREATE INDEX urgings_complaint ON urgings (complaint_id) WHERE complaint_id IS NOT NULL;
CREATE INDEX urgings_slip ON urgings (slip_id) WHERE slip_id IS NOT NULL;
