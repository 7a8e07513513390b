-- Files `accord ingest --watch DIR` has ingested, so a restarted watcher does not read them again.
-- A file is identified by its path, size and modification time: a file rewritten in place is read again
-- (its articles already stored are skipped by id, so nothing is duplicated).
CREATE TABLE IF NOT EXISTS watched_files (
    path        VARCHAR   NOT NULL,
    size        BIGINT    NOT NULL,
    mtime       DOUBLE    NOT NULL,
    articles    INTEGER,
    ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (path, size, mtime)
);
