-- Version 4: unified search over intake entries, dispatch slips and complaints (issue 3 "Search").
--
-- search_docs holds one row per searchable record: what a hit shows, and the time it sorts by.
-- Its id is also the rowid in search_fts and is ordered by time: (seconds since 2000-01-01)
-- × 4096 + a counter for records in the same second. So "newest first" is FTS5's own
-- ORDER BY rowid DESC, which stops after the first page instead of sorting every match.
-- Rows are written only by the triggers below, in the same transaction as the record.
CREATE TABLE search_docs (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('intake', 'slip', 'complaint')),
    record_id  INTEGER NOT NULL,
    at         TEXT NOT NULL,
    serial     TEXT NOT NULL DEFAULT '',
    -- The room's code, or the place when there is no room (公共区域: 3号楼电梯厅).
    room_code  TEXT NOT NULL DEFAULT '',
    name       TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    content    TEXT NOT NULL DEFAULT '',
    UNIQUE (kind, record_id)
) STRICT;

-- The index itself; see core/src/search/grams.rs for what each column holds. Contentless
-- (the text is in search_docs), no column sizes (results are ordered by time, not bm25).
-- tokenchars '-' keeps 3-2-1201 and PG-202611-0001 whole; their parts are added as words.
CREATE VIRTUAL TABLE search_fts USING fts5(
    uni, bi, words, keys,
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 tokenchars '-'"
);

CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_fts (rowid, uni, bi, words, keys) VALUES (
        new.id,
        search_unigrams(new.name || ' ' || new.room_code || ' ' || new.content),
        search_bigrams(new.name || ' ' || new.room_code || ' ' || new.content),
        search_words(new.content),
        search_keys(new.room_code, new.phone, new.serial));
END;

CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    DELETE FROM search_fts WHERE rowid = old.id;
END;

-- A document is never edited in place: the record triggers delete and re-insert it.
CREATE TRIGGER search_docs_au BEFORE UPDATE ON search_docs BEGIN
    SELECT RAISE(ABORT, 'search_docs rows are replaced, not updated');
END;

-- Every record keeps its search document in step, in the same transaction (including the
-- generator's bulk writes). An update re-files the document only when a searched field changes.
-- The document id is (seconds since 2000-01-01) × 4096 + the next free number in that second.

CREATE TRIGGER intake_entries_search_ai AFTER INSERT ON intake_entries BEGIN
    INSERT INTO search_docs (id, kind, record_id, at, serial, room_code, name, phone, content)
    SELECT coalesce((SELECT max(d.id) + 1 FROM search_docs d WHERE d.id BETWEEN b.v AND b.v + 4095), b.v),
           'intake', new.id, new.received_at, '', coalesce((SELECT code FROM rooms WHERE id = new.room_id), new.location),
           new.caller_name, new.caller_phone, new.content
    FROM (SELECT (unixepoch(new.received_at) - 946684800) * 4096 AS v) AS b;
END;

CREATE TRIGGER intake_entries_search_au AFTER UPDATE OF received_at, room_id, location, caller_name, caller_phone, content ON intake_entries BEGIN
    DELETE FROM search_docs WHERE kind = 'intake' AND record_id = old.id;
    INSERT INTO search_docs (id, kind, record_id, at, serial, room_code, name, phone, content)
    SELECT coalesce((SELECT max(d.id) + 1 FROM search_docs d WHERE d.id BETWEEN b.v AND b.v + 4095), b.v),
           'intake', new.id, new.received_at, '', coalesce((SELECT code FROM rooms WHERE id = new.room_id), new.location),
           new.caller_name, new.caller_phone, new.content
    FROM (SELECT (unixepoch(new.received_at) - 946684800) * 4096 AS v) AS b;
END;

CREATE TRIGGER intake_entries_search_ad AFTER DELETE ON intake_entries BEGIN
    DELETE FROM search_docs WHERE kind = 'intake' AND record_id = old.id;
END;

CREATE TRIGGER dispatch_slips_search_ai AFTER INSERT ON dispatch_slips BEGIN
    INSERT INTO search_docs (id, kind, record_id, at, serial, room_code, name, phone, content)
    SELECT coalesce((SELECT max(d.id) + 1 FROM search_docs d WHERE d.id BETWEEN b.v AND b.v + 4095), b.v),
           'slip', new.id, new.opened_at, new.serial, coalesce((SELECT code FROM rooms WHERE id = new.room_id), new.location),
           new.caller_name, new.caller_phone, new.content
    FROM (SELECT (unixepoch(new.opened_at) - 946684800) * 4096 AS v) AS b;
END;

CREATE TRIGGER dispatch_slips_search_au AFTER UPDATE OF serial, opened_at, room_id, location, caller_name, caller_phone, content ON dispatch_slips BEGIN
    DELETE FROM search_docs WHERE kind = 'slip' AND record_id = old.id;
    INSERT INTO search_docs (id, kind, record_id, at, serial, room_code, name, phone, content)
    SELECT coalesce((SELECT max(d.id) + 1 FROM search_docs d WHERE d.id BETWEEN b.v AND b.v + 4095), b.v),
           'slip', new.id, new.opened_at, new.serial, coalesce((SELECT code FROM rooms WHERE id = new.room_id), new.location),
           new.caller_name, new.caller_phone, new.content
    FROM (SELECT (unixepoch(new.opened_at) - 946684800) * 4096 AS v) AS b;
END;

CREATE TRIGGER dispatch_slips_search_ad AFTER DELETE ON dispatch_slips BEGIN
    DELETE FROM search_docs WHERE kind = 'slip' AND record_id = old.id;
END;

CREATE TRIGGER complaints_search_ai AFTER INSERT ON complaints BEGIN
    INSERT INTO search_docs (id, kind, record_id, at, serial, room_code, name, phone, content)
    SELECT coalesce((SELECT max(d.id) + 1 FROM search_docs d WHERE d.id BETWEEN b.v AND b.v + 4095), b.v),
           'complaint', new.id, new.opened_at, new.serial, coalesce((SELECT code FROM rooms WHERE id = new.room_id), ''),
           new.complainant_name, new.complainant_phone, new.content
    FROM (SELECT (unixepoch(new.opened_at) - 946684800) * 4096 AS v) AS b;
END;

CREATE TRIGGER complaints_search_au AFTER UPDATE OF serial, opened_at, room_id, complainant_name, complainant_phone, content ON complaints BEGIN
    DELETE FROM search_docs WHERE kind = 'complaint' AND record_id = old.id;
    INSERT INTO search_docs (id, kind, record_id, at, serial, room_code, name, phone, content)
    SELECT coalesce((SELECT max(d.id) + 1 FROM search_docs d WHERE d.id BETWEEN b.v AND b.v + 4095), b.v),
           'complaint', new.id, new.opened_at, new.serial, coalesce((SELECT code FROM rooms WHERE id = new.room_id), ''),
           new.complainant_name, new.complainant_phone, new.content
    FROM (SELECT (unixepoch(new.opened_at) - 946684800) * 4096 AS v) AS b;
END;

CREATE TRIGGER complaints_search_ad AFTER DELETE ON complaints BEGIN
    DELETE FROM search_docs WHERE kind = 'complaint' AND record_id = old.id;
END;

-- A room's new code reaches its records' documents: touching room_id re-files them.
CREATE TRIGGER rooms_search_au AFTER UPDATE OF code ON rooms BEGIN
    UPDATE intake_entries SET room_id = room_id WHERE room_id = new.id;
    UPDATE dispatch_slips SET room_id = room_id WHERE room_id = new.id;
    UPDATE complaints SET room_id = room_id WHERE room_id = new.id;
END;

-- Records written before this version get their documents now (one by one, through the
-- update triggers, so each takes the next free id).
UPDATE intake_entries SET content = content;
UPDATE dispatch_slips SET content = content;
UPDATE complaints SET content = content;
