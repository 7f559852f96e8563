-- Version 18: 客户钥匙管理 (R-AH-4; 001 客服中心值班制度 6, 003 客服中心职责 11). Residents leave
-- keys with the desk; the desk lends them (to a technician, a cleaner, a relative) and records
-- their return; the resident may take a key back. A key lent and not yet back is handed on at
-- every shift change.
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
-- A key is out to one person at a time.
CREATE UNIQUE INDEX key_loans_one_out ON key_loans (key_id) WHERE returned_at IS NULL;
