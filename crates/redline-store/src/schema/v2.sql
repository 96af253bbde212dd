-- Redline store, schema version 2: claims.
--
-- A claim is a number a sentence asserts about casualties, troops, money or weapons, with who
-- asserts it. Claims belong to their document like events do: a replaced document's claims are
-- deleted with its other layers.

CREATE TABLE claims (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents(id),
    sentence_index  INTEGER NOT NULL,
    sentence        TEXT NOT NULL,
    kind            TEXT NOT NULL,   -- casualties | troops | money | weapons
    measure         TEXT NOT NULL,   -- killed, killed and wounded, personnel, aid, tanks ...
    unit            TEXT NOT NULL,   -- people, USD, tanks ...
    low             REAL NOT NULL,
    high            REAL NOT NULL,
    qualifier       TEXT NOT NULL,
    number_text     TEXT NOT NULL,
    start_byte      INTEGER NOT NULL,
    end_byte        INTEGER NOT NULL,
    subjects        TEXT NOT NULL DEFAULT '[]',  -- JSON array of participants
    subject_key     TEXT NOT NULL,   -- the subjects' countries (else codes), sorted, '+'-joined
    location        TEXT,            -- JSON participant
    location_code   TEXT,
    date            TEXT,
    date_precision  TEXT NOT NULL,
    published       TEXT,
    polarity        TEXT NOT NULL,
    modality        TEXT NOT NULL,
    speaker         TEXT,
    speaker_code    TEXT,
    channel         TEXT,
    channel_code    TEXT,
    rule            TEXT NOT NULL,
    reasons         TEXT NOT NULL DEFAULT '[]',  -- JSON array
    UNIQUE (document_id, start_byte)
);
CREATE INDEX claims_quantity ON claims(kind, subject_key, date);

-- Documents stored by version 1 were never read for claims; `claims_read` tells them apart, so
-- that `redline claims` can say which documents need `redline ingest --recode`.
ALTER TABLE documents ADD COLUMN claims_read INTEGER NOT NULL DEFAULT 0;
