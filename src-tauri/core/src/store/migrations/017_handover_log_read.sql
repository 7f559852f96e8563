-- Version 17: the incoming person confirms 已阅值班日志 and writes what must be followed up
-- (R-HO-3, 001 3.4.1.3 "接班人阅读值班日志，询问未尽事宜，记录需跟进事项"). Both are written with
-- the incoming signature; handovers is sealed, so both are LATER_COLUMNS (base/seal.rs).
ALTER TABLE handovers ADD COLUMN log_read_at TEXT;
ALTER TABLE handovers ADD COLUMN follow_up TEXT NOT NULL DEFAULT '';
