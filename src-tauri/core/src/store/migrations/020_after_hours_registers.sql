-- Version 20: the after-hours registers the seeds name (R-AH-1..3; 001 客服中心值班制度:
-- 非正常上班时间办理《物品出入放行单》、《动用明火审批表》和出入证). Each row is numbered like
-- slips (FX / MH / CR-YYYYMM-NNNN, from serial_counters) and is closed or voided, never deleted.

-- serial_counters accepts the three new kinds (rebuilt as in version 7).
CREATE TABLE serial_counters_v20 (
    kind   TEXT NOT NULL CHECK (kind IN ('PG', 'TS', 'JJ', 'FX', 'MH', 'CR')),
    month  TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9][0-1][0-9]'),
    last   INTEGER NOT NULL CHECK (last >= 1),
    PRIMARY KEY (kind, month)
) STRICT, WITHOUT ROWID;
INSERT INTO serial_counters_v20 (kind, month, last) SELECT kind, month, last FROM serial_counters;
DROP TABLE serial_counters;
ALTER TABLE serial_counters_v20 RENAME TO serial_counters;

-- 物品出入放行单: a resident lets goods leave the estate; the gate checks them out.
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
CREATE INDEX goods_passes_open ON goods_passes (closed_at, issued_at);

-- 动用明火审批表: a hot-work permit approved by a supervisor or manager; closed when the site is
-- checked after the work.
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
CREATE INDEX hot_work_permits_open ON hot_work_permits (closed_at, starts_at);

-- 出入证: a temporary pass. Only the masked ID number is stored (110***********1234).
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
CREATE INDEX entry_passes_open ON entry_passes (closed_at, valid_to);
