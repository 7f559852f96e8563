-- Version 12: an open item pulled into a handover stays on it (R-HO-1, R-HO-10; issue 14 §4).
--
-- Items pulled from the records (slips, complaints, callbacks, the night log) and items carried
-- over from the previous handover can no longer be deleted: the person marks them 已办结 and
-- says how, and both the mark and the words stay on the record. Only what someone wrote on this
-- handover may be struck out again before signing.
ALTER TABLE handover_open_items ADD COLUMN carried INTEGER NOT NULL DEFAULT 0 CHECK (carried IN (0, 1));
ALTER TABLE handover_open_items ADD COLUMN settled_note TEXT NOT NULL DEFAULT '' CHECK (length(settled_note) <= 300);
ALTER TABLE handover_open_items ADD COLUMN settled_by INTEGER REFERENCES staff(id);
ALTER TABLE handover_open_items ADD COLUMN settled_at TEXT;
