-- Version 1: the office, its people, its rooms and residents, service categories, the audit log.
-- Times are TEXT 'YYYY-MM-DD HH:MM:SS' in China time (sortable, readable in any SQLite tool).

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

CREATE TABLE departments (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 30),
    active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

INSERT INTO departments (name) VALUES ('客服部'), ('工程部'), ('秩序维护部'), ('环境部');

-- Staff are the people of the office; those with a login are also desk accounts.
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
-- The same person is not entered twice: name + phone identify a staff member on import.
CREATE UNIQUE INDEX staff_name_phone ON staff (name, phone);

CREATE TABLE buildings (
    id    INTEGER PRIMARY KEY,
    -- The building's number or name as the desk says it: '3' for 3栋.
    name  TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 10),
    note  TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 100)
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
CREATE INDEX residents_name ON residents (name);

CREATE TABLE resident_phones (
    id           INTEGER PRIMARY KEY,
    resident_id  INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
    phone        TEXT NOT NULL CHECK (length(phone) BETWEEN 5 AND 20),
    -- The last four digits, for the desk's "尾号" look-up.
    last4        TEXT NOT NULL GENERATED ALWAYS AS (substr(phone, -4)) STORED,
    UNIQUE (resident_id, phone)
) STRICT;
CREATE INDEX resident_phones_phone ON resident_phones (phone);
CREATE INDEX resident_phones_last4 ON resident_phones (last4);

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

-- Defaults from the regulations (000 §5.1.1.1); the office edits the limits once.
INSERT INTO categories (name, department_id, time_limit_hours, is_repair, sort)
SELECT c.column1, d.id, c.column3, c.column4, c.column5
FROM (VALUES ('空调', '工程部', 24, 1, 1), ('配电/照明', '工程部', 4, 1, 2), ('给排水', '工程部', 4, 1, 3),
             ('消防', '工程部', 2, 1, 4), ('土建', '工程部', 72, 1, 5), ('门窗', '工程部', 48, 1, 6),
             ('电梯', '工程部', 2, 1, 7), ('秩序维护', '秩序维护部', 2, 0, 8), ('清洁', '环境部', 24, 0, 9),
             ('绿化', '环境部', 72, 0, 10), ('消杀', '环境部', 72, 0, 11), ('安装', '工程部', 48, 1, 12),
             ('其他', '客服部', 48, 0, 13)) AS c
JOIN departments d ON d.name = c.column2;

-- Who did what, when, to which record: written in the same transaction as the change.
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
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_at ON audit_log (at);
