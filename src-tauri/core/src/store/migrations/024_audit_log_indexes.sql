-- Version 24: 操作日志 filtered by person or by kind of record, newest first (issue 12). Without
-- these the filtered list walked the whole log backwards (millions of rows in ten years) looking
-- for one person's entries.
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_entity_id ON audit_log (entity, id);
