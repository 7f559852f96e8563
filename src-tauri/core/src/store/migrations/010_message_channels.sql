-- Version 10: 微信 and 邮件 messages as intake channels (R-IN-8; 001 某物业园区 “处理电子邮件、微信等
-- 客户留言”).
--
-- SQLite cannot alter a CHECK constraint. Every stored row already satisfies the wider list, so
-- the table's recorded definition is edited in place — SQLite's documented procedure for changes
-- that leave the stored rows as they are (lang_altertable.html, “other kinds of table schema
-- changes”). schema.rs bumps the schema version in the same transaction and checks the edit took.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql,
                     'channel IN (''call'', ''visit'', ''written'', ''staff_found'')',
                     'channel IN (''call'', ''visit'', ''written'', ''staff_found'', ''wechat'', ''email'')')
 WHERE type = 'table' AND name = 'intake_entries';
PRAGMA writable_schema = OFF;
