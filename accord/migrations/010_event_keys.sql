-- accord store, version 10: lookups the dashboard needs at ten million events, kept by the one writer
-- (accord/rollups.py says how each stays exact; a test checks each against the events).
--
-- event_keys: one narrow row per event row with its happening id (the md5 id of event_facts, stored so a
-- happening is found by a scan of one BIGINT column instead of an md5 of every row), its effective date
-- (event date, else its article's), negated, CAMEO code and quad class: what finding the newest events
-- of a date / CAMEO / quad filter reads. The id is read from event_facts, so its definition stays there.
CREATE TABLE IF NOT EXISTS event_keys (
    article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    happening_id BIGINT, date DATE, negated BOOLEAN NOT NULL, cameo VARCHAR, quad_class TINYINT
);

INSERT INTO event_keys
SELECT article_id, idx, happening_id, date, coalesce(negated, false), cameo, quad_class FROM event_facts;

-- rollup_dyad_months: rollup_dyads summed per calendar month (a happening lies in one day, hence in one
-- month, so the sums are exact); the all-time top dyads read this instead of every day × dyad row.
CREATE TABLE IF NOT EXISTS rollup_dyad_months (
    month DATE, source_key VARCHAR, target_key VARCHAR,
    h_pos BIGINT NOT NULL, h_neg BIGINT NOT NULL, h_any BIGINT NOT NULL,
    m_pos BIGINT NOT NULL, m_neg BIGINT NOT NULL,
    gs_pos DECIMAL(18, 3), gs_neg DECIMAL(18, 3), gn_pos BIGINT NOT NULL, gn_neg BIGINT NOT NULL
);

INSERT INTO rollup_dyad_months
SELECT CAST(date_trunc('month', day) AS DATE), source_key, target_key,
       sum(h_pos), sum(h_neg), sum(h_any), sum(m_pos), sum(m_neg),
       sum(gs_pos), sum(gs_neg), sum(gn_pos), sum(gn_neg)
FROM rollup_dyads GROUP BY 1, 2, 3;

-- an article's events, quotes, places by article id: the event and article pages, and the second step
-- of every "newest N events" list, are lookups, not scans (DuckDB uses a one-column ART index for `=`
-- and for a list of constants; the (article_id, idx) primary key is not used for either)
CREATE INDEX IF NOT EXISTS events_article_id ON events (article_id);
