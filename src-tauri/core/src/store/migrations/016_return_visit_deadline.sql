-- Version 16: the return visit's deadline (R-DS-7, 002 "及时电话回访"). A done slip not
-- visited within this many hours of its completion shows on the 回访超时 board, in the desk's
-- 待办 and in the period report. 24 hours unless the office sets another.
ALTER TABLE intake_settings ADD COLUMN return_visit_hours INTEGER NOT NULL DEFAULT 24
    CHECK (return_visit_hours BETWEEN 1 AND 720);

-- The board and the count read done slips by completion time.
CREATE INDEX dispatch_slips_done_by_completion ON dispatch_slips (completed_at) WHERE state = 'done';
