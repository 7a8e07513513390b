-- accord store, version 1. Applied by accord.store in one transaction; never edit a released
-- migration, add a new numbered file instead.

CREATE TABLE articles (
    id              VARCHAR PRIMARY KEY,   -- the input id (or a hash-based id when the input has none)
    source          VARCHAR,               -- where it was first read from: path, "stdin", feed
    url             VARCHAR,
    title           VARCHAR,
    published       DATE,
    text            VARCHAR,               -- the text as given; all spans index into it
    language        VARCHAR,
    language_reason VARCHAR,
    status          VARCHAR NOT NULL,      -- coded | skipped | error
    error           VARCHAR,
    hash            VARCHAR NOT NULL,      -- sha256 of the normalised text (exact duplicates)
    minhash         BLOB,                  -- MinHash signature (near duplicates)
    words           INTEGER,
    tone            DOUBLE,
    removed         VARCHAR[],             -- boilerplate lines dropped from the body
    meta            JSON,                  -- other input fields
    ingested_at     TIMESTAMP DEFAULT current_timestamp
);

-- Every time an article (or a near-identical copy) is read: the first row is the article itself,
-- later rows count as further sources of it (NumSources / NumArticles).
CREATE TABLE article_sources (
    article_id  VARCHAR NOT NULL,
    input_id    VARCHAR NOT NULL,          -- the id the repeat came with
    source      VARCHAR,
    url         VARCHAR,
    kind        VARCHAR NOT NULL,          -- original | exact | near
    similarity  DOUBLE,
    seen_at     TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (article_id, input_id)
);

CREATE TABLE events (
    article_id       VARCHAR NOT NULL,
    idx              INTEGER NOT NULL,     -- position within the article's events
    span_start       INTEGER,
    span_end         INTEGER,
    sentence         VARCHAR,
    sentence_start   INTEGER,
    sentence_end     INTEGER,
    source_code      VARCHAR,
    source_name      VARCHAR,
    source_country   VARCHAR,
    source_igo       VARCHAR,
    source_role      VARCHAR,
    target_code      VARCHAR,
    target_name      VARCHAR,
    target_country   VARCHAR,
    target_igo       VARCHAR,
    target_role      VARCHAR,
    cameo            VARCHAR NOT NULL,
    cameo_root       VARCHAR NOT NULL,
    quad_class       TINYINT,
    goldstein        DOUBLE,
    plover_type      VARCHAR,
    plover_mode      VARCHAR,
    plover_context   VARCHAR,
    negated          BOOLEAN,
    modality         VARCHAR,
    event_date       DATE,
    location_name    VARCHAR,
    location_country VARCHAR,
    location_fips    VARCHAR,
    lat              DOUBLE,
    lon              DOUBLE,
    rule             VARCHAR,
    trigger          VARCHAR,
    tone             DOUBLE,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE quotes (
    article_id      VARCHAR NOT NULL,
    idx             INTEGER NOT NULL,
    speaker_name    VARCHAR,
    speaker_code    VARCHAR,
    speaker_country VARCHAR,
    speaker_igo     VARCHAR,
    speaker_role    VARCHAR,
    text            VARCHAR,
    span_start      INTEGER,
    span_end        INTEGER,
    how             VARCHAR,
    conflict        VARCHAR,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE amounts (
    article_id  VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    value       DOUBLE,
    unit        VARCHAR,
    text        VARCHAR,
    about       VARCHAR,
    period      VARCHAR,
    kind        VARCHAR,
    currency    VARCHAR,
    event_idx   INTEGER,
    span_start  INTEGER,
    span_end    INTEGER,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE locations (
    article_id  VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    name        VARCHAR,
    country     VARCHAR,
    fips        VARCHAR,
    lat         DOUBLE,
    lon         DOUBLE,
    kind        VARCHAR,
    adm1        VARCHAR,
    geonameid   BIGINT,
    span_start  INTEGER,
    span_end    INTEGER,
    PRIMARY KEY (article_id, idx)
);

-- Bad input: one row per item that could not become an article. Keyed so a rerun does not duplicate.
CREATE TABLE rejects (
    input   VARCHAR NOT NULL,              -- file path or "stdin"
    item    VARCHAR NOT NULL,              -- line number, row number, member name, or "" for the whole file
    reason  VARCHAR NOT NULL,
    rejected_at TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (input, item)
);

CREATE TABLE runs (
    run_id      VARCHAR PRIMARY KEY,
    command     VARCHAR,
    started_at  TIMESTAMP,
    finished_at TIMESTAMP,
    articles    INTEGER,
    duplicates  INTEGER,
    rejects     INTEGER
);
