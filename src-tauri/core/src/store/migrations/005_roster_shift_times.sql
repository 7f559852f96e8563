-- A published roster is history: the shift times it was published with are kept with it, so a
-- later edit of a shift template (白班 moved to 08:00, say) changes future rosters only — not
-- who was on duty, the coverage, the handovers or the reports of a month already published.
CREATE TABLE roster_shift_times (
    roster_id    INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
    shift_id     INTEGER NOT NULL REFERENCES shifts(id),
    start_time   TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    end_time     TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND end_time <> start_time),
    covers_desk  INTEGER NOT NULL CHECK (covers_desk IN (0, 1)),
    PRIMARY KEY (roster_id, shift_id)
) STRICT;

CREATE TRIGGER roster_shift_times_frozen BEFORE UPDATE ON roster_shift_times
BEGIN SELECT RAISE(ABORT, '已发布值班表的班次时间不能修改'); END;

-- Rosters published before this version get today's times: the best record there is.
INSERT INTO roster_shift_times (roster_id, shift_id, start_time, end_time, covers_desk)
SELECT r.id, s.id, s.start_time, s.end_time, s.covers_desk
FROM rosters r CROSS JOIN shifts s WHERE r.status = 'published';
