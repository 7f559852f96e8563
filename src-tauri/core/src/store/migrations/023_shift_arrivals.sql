-- Version 23: the arrival of every person taking over at a shift change (R-DU-7, R-DU-12), not
-- only the handover's incoming person: the second receptionist on the day shift, a technician
-- starting at the same time. Each is late when they arrive after the change minus the office's
-- arrival lead. Kept beside the handover (not in it): someone arriving after both signed can
-- still be recorded without touching the signed record.
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
CREATE INDEX shift_arrivals_staff ON shift_arrivals (staff_id, late);
