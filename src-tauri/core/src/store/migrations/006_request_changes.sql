-- Version 6: what an approved swap or leave changed, said truly (issue 9).
-- in_draft = 1: the request was approved while its month's roster was still a draft, so the
--   change was made in the draft's own cells; the row is the request's record of it and is
--   never laid over the roster a second time.
-- prev_shift_id: the shift the person had before the change (NULL = off), so the request can
--   say "白班 → 休". Rows approved before this version do not know it.
ALTER TABLE roster_overrides ADD COLUMN in_draft INTEGER NOT NULL DEFAULT 0 CHECK (in_draft IN (0, 1));
ALTER TABLE roster_overrides ADD COLUMN prev_shift_id INTEGER REFERENCES shifts(id);
