-- Redline store, schema version 1.
--
-- Every table is written by one writer in batch transactions; a batch is all or nothing, so a
-- crash leaves the store as it was after the last committed batch.

-- Publishers. `documents.source_id` points here; the number of distinct sources of an event
-- cluster is counted over these rows.
CREATE TABLE sources (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

-- One row per document. `doc_key` is the document's identity across ingests: its url when it
-- has one, else its id (the JSON Lines `id` or the file path). `content_hash` decides whether a
-- second ingest of the same key changes anything.
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    doc_key       TEXT NOT NULL UNIQUE,
    doc_id        TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    source_id     INTEGER REFERENCES sources(id),
    url           TEXT,
    title         TEXT,
    authors       TEXT NOT NULL DEFAULT '[]',  -- JSON array
    published     TEXT,                       -- YYYY-MM-DD, first day of the period
    published_precision TEXT NOT NULL DEFAULT 'unknown',
    language      TEXT,
    format        TEXT NOT NULL,
    text          TEXT NOT NULL,
    n_sentences   INTEGER NOT NULL,
    ingested_at   TEXT NOT NULL               -- UTC, RFC 3339
);
CREATE INDEX documents_source ON documents(source_id);
CREATE INDEX documents_published ON documents(published);

-- Evidence sentences: the sentences that carry at least one event, with the text quoted in the
-- event records (for run-on sentences, the clause of the event).
CREATE TABLE sentences (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id),
    idx          INTEGER NOT NULL,
    text         TEXT NOT NULL,
    UNIQUE (document_id, idx)
);

-- Full-text index over the evidence sentences (external content: the text lives once, in
-- `sentences`; the triggers keep the index in step).
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

-- Actor mentions that take part in events (sources, targets, speakers, channels).
CREATE TABLE mentions (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id),
    sentence_id  INTEGER NOT NULL REFERENCES sentences(id),
    start_byte   INTEGER NOT NULL,
    end_byte     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    code         TEXT NOT NULL,
    country      TEXT,
    rule         TEXT NOT NULL DEFAULT '[]',  -- JSON array of dictionary ids
    UNIQUE (document_id, start_byte, end_byte, code)
);
CREATE INDEX mentions_code ON mentions(code);

-- Real-world events: the reports of one event, merged by the rules in `cluster/`.
CREATE TABLE clusters (
    id              INTEGER PRIMARY KEY,
    source_base     TEXT NOT NULL,   -- the source actor without roles (RUSMIL -> RUS)
    target_base     TEXT NOT NULL,   -- '' when the event has no target
    root            TEXT NOT NULL,
    cameo           TEXT NOT NULL,   -- the most reported code among the members
    polarity        TEXT NOT NULL,
    modality        TEXT NOT NULL,
    date_start      TEXT,
    date_end        TEXT,
    date_precision  TEXT NOT NULL,
    anchor_start    TEXT,            -- the first member's period: later reports are compared with
    anchor_end      TEXT,            -- it, so that daily reports never chain into one event
    first_report    TEXT,            -- earliest publication date of a member's document
    first_event_id  INTEGER,
    n_mentions      INTEGER NOT NULL,
    n_articles      INTEGER NOT NULL,
    n_sources       INTEGER NOT NULL
);
CREATE INDEX clusters_key ON clusters(source_base, target_base, root, polarity, modality, anchor_start);

-- Coded events, one per report: a sentence of a document saying that a source did something to
-- a target.
CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents(id),
    sentence_id     INTEGER NOT NULL REFERENCES sentences(id),
    sentence_index  INTEGER NOT NULL,
    source_mention  INTEGER NOT NULL REFERENCES mentions(id),
    target_mention  INTEGER REFERENCES mentions(id),
    source_code     TEXT NOT NULL,
    source_country  TEXT,
    target_code     TEXT,
    target_country  TEXT,
    cameo           TEXT NOT NULL,
    root            TEXT NOT NULL,
    quad_class      INTEGER NOT NULL,
    goldstein       REAL NOT NULL,
    plover_event    TEXT,
    plover_mode     TEXT,
    date            TEXT,            -- first day of the period
    date_end        TEXT,            -- last day of the period
    date_precision  TEXT NOT NULL,
    published       TEXT,
    background      INTEGER NOT NULL, -- 1 when the event ended well before publication
    polarity        TEXT NOT NULL,
    modality        TEXT NOT NULL,
    speaker         TEXT,
    speaker_code    TEXT,
    channel         TEXT,
    channel_code    TEXT,
    rule            TEXT NOT NULL,
    signals         TEXT NOT NULL DEFAULT '[]',  -- JSON array
    pattern         TEXT NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    reasons         TEXT NOT NULL DEFAULT '[]',  -- JSON array
    date_rule       TEXT NOT NULL,
    cluster_id      INTEGER REFERENCES clusters(id),
    cluster_reason  TEXT
);
-- The natural identity of a report: no batch can store one twice (NULL targets compare equal).
CREATE UNIQUE INDEX events_identity
    ON events(document_id, sentence_index, trigger_start, cameo, source_code, ifnull(target_code, ''));
-- Date ranges: the end date in the index lets a range query skip non-overlapping periods
-- without reading the rows.
CREATE INDEX events_date ON events(date, date_end);

-- Escalation signals of events (`strike_authorization`), one row each, so that a query for one
-- signal reads only its events. `events.signals` keeps the same list for reading.
CREATE TABLE event_signals (
    signal    TEXT NOT NULL,
    event_id  INTEGER NOT NULL REFERENCES events(id),
    PRIMARY KEY (signal, event_id)
) WITHOUT ROWID;
CREATE INDEX event_signals_event ON event_signals(event_id);
CREATE INDEX events_dyad ON events(source_country, target_country, date);
CREATE INDEX events_target_country ON events(target_country, date);
CREATE INDEX events_source_code ON events(source_code);
CREATE INDEX events_target_code ON events(target_code);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_root ON events(root, date);
CREATE INDEX events_cluster ON events(cluster_id);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_sentence ON events(sentence_id);
