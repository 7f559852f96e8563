-- Version 8: data safety (issue 11).
--
-- seals: the tamper-evident chain over the audit log, closed slips, signed-off complaints and
-- signed handovers (base/seal.rs). Seal n links to seal n-1; ids run 1, 2, 3 … without gaps.
-- The existing rows are sealed by the program right after this script (seal::backfill).
CREATE TABLE seals (
    id            INTEGER PRIMARY KEY,
    entity        TEXT NOT NULL CHECK (entity IN ('audit_log', 'dispatch_slips', 'complaints', 'handovers')),
    record_id     INTEGER NOT NULL,
    content_hash  TEXT NOT NULL CHECK (length(content_hash) = 64),
    hash          TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;
CREATE INDEX seals_record ON seals (entity, record_id);

-- Seals are only ever appended.
CREATE TRIGGER seals_append_only_update BEFORE UPDATE ON seals
BEGIN SELECT RAISE(ABORT, '封存记录只能追加，不能修改'); END;
CREATE TRIGGER seals_append_only_delete BEFORE DELETE ON seals
BEGIN SELECT RAISE(ABORT, '封存记录只能追加，不能删除'); END;

-- How backups are kept (one row). Retention like Anki's: the newest of today, then one a day,
-- one a week and one a month.
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
INSERT INTO backup_settings (id) VALUES (1);

-- Every backup attempt, good or failed: the status bar and 设置 › 数据安全 read the newest.
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
CREATE INDEX backup_runs_at ON backup_runs (at);
