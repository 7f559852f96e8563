-- Version 13: who takes up a complaint (R-CP-1, R-CP-2; issue 14 §5).
--
-- Every complaint alerts the supervisors until one takes it up (taken_up_*). An urgent or major
-- one also stays on the manager's banner until a manager takes it up (manager_taken_*): a
-- supervisor taking it up no longer clears the manager's alert.
ALTER TABLE complaints ADD COLUMN manager_taken_at TEXT;
ALTER TABLE complaints ADD COLUMN manager_taken_by INTEGER REFERENCES staff(id);

-- Escalations a manager already took up stay taken up. Signed-off complaints are sealed and left
-- exactly as they are (seal::LATER_COLUMNS); they alert nobody anyway.
UPDATE complaints SET manager_taken_at = taken_up_at, manager_taken_by = taken_up_by
 WHERE escalated_at IS NOT NULL AND taken_up_at IS NOT NULL AND state <> 'signed_off'
   AND taken_up_by IN (SELECT id FROM staff WHERE role = 'manager');
