-- Version 7: handover serials (JJ-YYYYMM-NNNN) come from serial_counters like slips' and
-- complaints', allocated in the inserting transaction, instead of counting the month's rows
-- (issue 10). The counters table is rebuilt to accept the new kind; the months already
-- numbered start from their highest handover serial.
CREATE TABLE serial_counters_v7 (
    kind   TEXT NOT NULL CHECK (kind IN ('PG', 'TS', 'JJ')),
    month  TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9][0-1][0-9]'),
    last   INTEGER NOT NULL CHECK (last >= 1),
    PRIMARY KEY (kind, month)
) STRICT, WITHOUT ROWID;
INSERT INTO serial_counters_v7 (kind, month, last) SELECT kind, month, last FROM serial_counters;
INSERT INTO serial_counters_v7 (kind, month, last)
SELECT 'JJ', substr(serial, 4, 6), max(CAST(substr(serial, 11) AS INTEGER))
FROM handovers WHERE serial GLOB 'JJ-[0-9][0-9][0-9][0-9][0-9][0-9]-[0-9]*' GROUP BY substr(serial, 4, 6);
DROP TABLE serial_counters;
ALTER TABLE serial_counters_v7 RENAME TO serial_counters;
