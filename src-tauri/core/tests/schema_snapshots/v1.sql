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
CREATE TABLE departments (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 30),
    active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
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
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX resident_phones_last4 ON resident_phones (last4);
CREATE INDEX resident_phones_phone ON resident_phones (phone);
CREATE INDEX residents_name ON residents (name);
CREATE UNIQUE INDEX staff_name_phone ON staff (name, phone);
