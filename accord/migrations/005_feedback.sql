-- accord store, version 5: corrections readers of the dashboard make ("this coding is wrong").
-- One row per correction of one event mention; what was coded is kept beside the correction, so the
-- row still reads right after a re-ingest changes the event. `accord feedback export` turns the rows
-- into a gold file and user dictionary entries.
CREATE TABLE IF NOT EXISTS feedback (
    id             VARCHAR   PRIMARY KEY,   -- uuid4
    article_id     VARCHAR   NOT NULL,
    idx            INTEGER   NOT NULL,      -- the event's position in its article
    happening_id   BIGINT,
    verdict        VARCHAR   NOT NULL,      -- wrong_code | wrong_actors | no_event
    cameo          VARCHAR,                 -- the right CAMEO code (wrong_code)
    source_code    VARCHAR,                 -- the right actors (wrong_actors), actor codes
    target_code    VARCHAR,
    note           VARCHAR,
    coded_cameo    VARCHAR,                 -- what accord had coded
    coded_source   VARCHAR,
    coded_target   VARCHAR,
    source_name    VARCHAR,                 -- the words coded as source and target
    target_name    VARCHAR,
    sentence       VARCHAR,
    trigger        VARCHAR,
    event_date     DATE,
    created_at     TIMESTAMP NOT NULL DEFAULT current_timestamp
);
