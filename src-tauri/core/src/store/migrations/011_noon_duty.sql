-- Version 11: noon duty kept by the day-shift receptionist (R-DU-13; 001 客服中心值班制度:
-- 中午班 11:30–13:30 由当班轮值客服管理员值守).
--
-- A shift may keep other shifts that lie within its hours: 白+中 is one assignment, counted as
-- 白 and as 中 by the roster check, never an overlap of two shifts. `includes` lists the codes
-- it keeps; the office's existing 白 and 中 give the first such shift its times.
ALTER TABLE shifts ADD COLUMN includes TEXT NOT NULL DEFAULT '';

INSERT INTO shifts (name, code, start_time, end_time, required_roles, min_people, max_people, place,
                    covers_desk, color, sort, includes)
SELECT '白班+中午班', '白+中', b.start_time, b.end_time, '', 0, b.max_people, b.place,
       b.covers_desk, n.color, b.sort, '白,中'
  FROM shifts b JOIN shifts n ON n.code = '中'
 WHERE b.code = '白'
   AND NOT EXISTS (SELECT 1 FROM shifts WHERE code = '白+中' OR name = '白班+中午班');
