-- Version 2: the desk's day — intake log (来电来访), dispatch slips (维修派工单), return visits (回访),
-- complaints (投诉). Times are TEXT 'YYYY-MM-DD HH:MM:SS', China time, like version 1.
--
-- intake_settings   one row: repeat-repair window (days), night-log window (HH:MM–HH:MM, may cross
--                   midnight; an entry received inside it is a night-log entry), due-soon warning (minutes).
-- serial_counters   the last number used per (kind, month): PG = slips, TS = complaints. Bumped in the
--                   same transaction as the row that takes the number, so serials have no gaps or repeats.
-- intake_entries    every call / visit / written request / staff finding (R-IN-1..7). received_at is
--                   受理时间; entered_at is when it was typed; back_entered = 1 marks 补录. night_log marks
--                   夜间值班记录 entries; night_decision records the morning conversion (slip / complaint /
--                   settled). callback_state tracks a promised call back. major_incident flags 突发事件
--                   (follow-up notes in intake_followups). An entry is finished when it has an outcome text
--                   OR links to the slip or complaint that carries it on (slip_id / complaint_id).
-- intake_followups  notes tracking an entry's follow-up (major incidents, callbacks).
-- dispatch_slips    维修派工单 (R-DS-1..6). state: opened → dispatched → accepted → on_site → done →
--                   return_visited → closed, plus paused / cancelled. deadline_at = opened + category limit;
--                   due_at = deadline_at plus all finished pauses (what overdue is measured against);
--                   paused_at is set while paused (the clock is stopped). fee_cents is in 分.
-- slip_pauses       each pause interval (started_at, ended_at NULL while running, reason).
-- slip_events       every step of a slip: who, when, from → to state, reason (the timeline).
-- return_visits     回访 of a slip or a complaint: method, who, result, satisfaction. answered = 0 is an
--                   attempt that got no answer (no satisfaction; not counted as a visit).
-- complaints        投诉 (R-CP-1..3): serial TS-YYYYMM-NNNN, category, validity, urgency, escalation to the
--                   manager (escalated_at) until someone takes it up (taken_up_*), reply deadline, reply,
--                   supervisor sign-off. state: open → replied → visited → signed_off.
-- complaint_steps   handling steps of a complaint (who, when, what was done).

CREATE TABLE intake_settings (
    id                   INTEGER PRIMARY KEY CHECK (id = 1),
    repeat_repair_days   INTEGER NOT NULL DEFAULT 30 CHECK (repeat_repair_days BETWEEN 1 AND 365),
    night_start          TEXT NOT NULL DEFAULT '17:30' CHECK (night_start GLOB '[0-2][0-9]:[0-5][0-9]'),
    night_end            TEXT NOT NULL DEFAULT '09:00' CHECK (night_end GLOB '[0-2][0-9]:[0-5][0-9]'),
    due_soon_minutes     INTEGER NOT NULL DEFAULT 120 CHECK (due_soon_minutes BETWEEN 0 AND 10080),
    complaint_reply_hours INTEGER NOT NULL DEFAULT 24 CHECK (complaint_reply_hours BETWEEN 1 AND 720)
) STRICT;
INSERT INTO intake_settings (id) VALUES (1);

CREATE TABLE serial_counters (
    kind   TEXT NOT NULL CHECK (kind IN ('PG', 'TS')),
    month  TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9][0-1][0-9]'),
    last   INTEGER NOT NULL CHECK (last >= 1),
    PRIMARY KEY (kind, month)
) STRICT, WITHOUT ROWID;

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
    channel            TEXT NOT NULL CHECK (channel IN ('call', 'visit', 'written', 'staff_found')),
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
CREATE INDEX intake_received_at ON intake_entries (received_at);
CREATE INDEX intake_room ON intake_entries (room_id, received_at);
CREATE INDEX intake_room_category ON intake_entries (room_id, category_id, received_at);
CREATE INDEX intake_received_by ON intake_entries (received_by, received_at);
CREATE INDEX intake_caller_phone ON intake_entries (caller_phone);
CREATE INDEX intake_slip ON intake_entries (slip_id) WHERE slip_id IS NOT NULL;
CREATE INDEX intake_complaint ON intake_entries (complaint_id) WHERE complaint_id IS NOT NULL;
CREATE INDEX intake_night_open ON intake_entries (received_at) WHERE night_log = 1 AND night_decision IS NULL;
CREATE INDEX intake_callback_pending ON intake_entries (received_at) WHERE callback_state = 'pending';
CREATE INDEX intake_major_open ON intake_entries (received_at) WHERE major_incident = 1 AND major_ack_at IS NULL;
CREATE INDEX intake_unfinished ON intake_entries (received_at) WHERE finished_at IS NULL;

CREATE TABLE intake_followups (
    id         INTEGER PRIMARY KEY,
    intake_id  INTEGER NOT NULL REFERENCES intake_entries(id),
    at         TEXT NOT NULL,
    by_id      INTEGER NOT NULL REFERENCES staff(id),
    note       TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 500)
) STRICT;
CREATE INDEX intake_followups_entry ON intake_followups (intake_id, at);

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
CREATE INDEX slips_state_due ON dispatch_slips (state, due_at);
CREATE INDEX slips_assignee ON dispatch_slips (assignee_id, state);
CREATE INDEX slips_department ON dispatch_slips (department_id, state);
CREATE INDEX slips_room ON dispatch_slips (room_id, opened_at);
CREATE INDEX slips_opened_at ON dispatch_slips (opened_at);
CREATE INDEX slips_completed_at ON dispatch_slips (completed_at) WHERE completed_at IS NOT NULL;
CREATE INDEX slips_intake ON dispatch_slips (intake_id) WHERE intake_id IS NOT NULL;
CREATE INDEX slips_review ON dispatch_slips (supervisor_review_at) WHERE supervisor_review_at IS NOT NULL;

CREATE TABLE slip_pauses (
    id          INTEGER PRIMARY KEY,
    slip_id     INTEGER NOT NULL REFERENCES dispatch_slips(id),
    started_at  TEXT NOT NULL,
    ended_at    TEXT CHECK (ended_at IS NULL OR ended_at >= started_at),
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200)
) STRICT;
CREATE INDEX slip_pauses_slip ON slip_pauses (slip_id, started_at);

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
CREATE INDEX slip_events_slip ON slip_events (slip_id, id);
CREATE INDEX slip_events_at ON slip_events (at);

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
    sign_off_note       TEXT NOT NULL DEFAULT '' CHECK (length(sign_off_note) <= 500),
    CHECK ((urgency = 'normal') = (escalated_at IS NULL)),
    CHECK ((replied_at IS NULL) = (state = 'open')),
    CHECK ((signed_off_at IS NULL) = (state <> 'signed_off'))
) STRICT;
CREATE INDEX complaints_state ON complaints (state, reply_deadline_at);
CREATE INDEX complaints_escalated_open ON complaints (escalated_at) WHERE escalated_at IS NOT NULL AND taken_up_at IS NULL;
CREATE INDEX complaints_opened_at ON complaints (opened_at);
CREATE INDEX complaints_room ON complaints (room_id, opened_at);
CREATE INDEX complaints_category ON complaints (category, opened_at);
CREATE INDEX complaints_intake ON complaints (intake_id) WHERE intake_id IS NOT NULL;

CREATE TABLE complaint_steps (
    id            INTEGER PRIMARY KEY,
    complaint_id  INTEGER NOT NULL REFERENCES complaints(id),
    at            TEXT NOT NULL,
    by_id         INTEGER NOT NULL REFERENCES staff(id),
    note          TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 1000)
) STRICT;
CREATE INDEX complaint_steps_complaint ON complaint_steps (complaint_id, at);

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
CREATE INDEX return_visits_slip ON return_visits (slip_id, at) WHERE slip_id IS NOT NULL;
CREATE INDEX return_visits_complaint ON return_visits (complaint_id, at) WHERE complaint_id IS NOT NULL;
CREATE INDEX return_visits_at ON return_visits (at);
