-- accord store, version 9: rollups, small summary tables of `events` per day for the dashboard
-- (accord/rollups.py says what each holds, why its counts are exact and how the writer keeps them so).
--
-- Every row of a rollup is a function of the events dated that day: the writer recomputes the rows of
-- each day an article's events fall on, in the transaction that adds or deletes them, with the same
-- GROUP BY as the backfill below (accord.rollups.TABLES; a test checks the two give the same rows).
-- Measures: h_* happenings (distinct source code, target code, CAMEO code, date), m_* mentions (event
-- rows), gs_*/gn_* the sum (exact: decimal) and count of their Goldstein scores, r_* mentions not flagged historical;
-- _pos of mentions not negated, _neg of negated ones, h_any of all.

CREATE TABLE IF NOT EXISTS rollup_days (
    day DATE, cameo VARCHAR, cameo_root VARCHAR, quad_class TINYINT,
    h_pos BIGINT NOT NULL, h_neg BIGINT NOT NULL, h_any BIGINT NOT NULL,
    m_pos BIGINT NOT NULL, m_neg BIGINT NOT NULL, r_pos BIGINT NOT NULL, r_neg BIGINT NOT NULL
);

-- source and target keys: coalesce(country, igo, code) of each side, as the dashboard's dyads
CREATE TABLE IF NOT EXISTS rollup_dyads (
    day DATE, source_key VARCHAR, target_key VARCHAR,
    h_pos BIGINT NOT NULL, h_neg BIGINT NOT NULL, h_any BIGINT NOT NULL,
    m_pos BIGINT NOT NULL, m_neg BIGINT NOT NULL,
    gs_pos DECIMAL(18, 3), gs_neg DECIMAL(18, 3), gn_pos BIGINT NOT NULL, gn_neg BIGINT NOT NULL
);

-- place key: coalesce(location_country, source_country), as the dashboard's map
CREATE TABLE IF NOT EXISTS rollup_places (
    day DATE, place_key VARCHAR,
    h_pos BIGINT NOT NULL, h_neg BIGINT NOT NULL, h_any BIGINT NOT NULL,
    m_pos BIGINT NOT NULL, m_neg BIGINT NOT NULL,
    gs_pos DECIMAL(18, 3), gs_neg DECIMAL(18, 3), gn_pos BIGINT NOT NULL, gn_neg BIGINT NOT NULL
);

-- an actor code on either side (a happening of an actor with itself counts once)
CREATE TABLE IF NOT EXISTS rollup_actors (
    day DATE, code VARCHAR,
    h_pos BIGINT NOT NULL, h_neg BIGINT NOT NULL, h_any BIGINT NOT NULL
);

-- the names an actor code was written as, with the mentions of each (the dashboard shows the commonest)
CREATE TABLE IF NOT EXISTS rollup_actor_names (
    day DATE, code VARCHAR, name VARCHAR,
    m_pos BIGINT NOT NULL, m_neg BIGINT NOT NULL
);

-- the backfill of a store written before this version
CREATE TEMP VIEW _accord_rollup_mentions AS
SELECT date AS day, hash(source_code, target_code, cameo, date) AS hap,
       coalesce(negated, false) AS neg, NOT coalesce(historical, false) AS recent,
       CAST(goldstein AS DECIMAL(18, 3)) AS goldstein,
       cameo, cameo_root, quad_class,
       coalesce(source_country, source_igo, source_code) AS source_key,
       coalesce(target_country, target_igo, target_code) AS target_key,
       coalesce(location_country, source_country) AS place_key,
       source_code, source_name, target_code, target_name
FROM event_facts;

CREATE TEMP VIEW _accord_rollup_sides AS
SELECT day, hap, neg, source_code AS code, source_name AS name FROM _accord_rollup_mentions
UNION ALL SELECT day, hap, neg, target_code, target_name FROM _accord_rollup_mentions;

INSERT INTO rollup_days
SELECT day, cameo, cameo_root, quad_class,
       count(DISTINCT hap) FILTER (WHERE NOT neg), count(DISTINCT hap) FILTER (WHERE neg), count(DISTINCT hap),
       count(*) FILTER (WHERE NOT neg), count(*) FILTER (WHERE neg),
       count(*) FILTER (WHERE NOT neg AND recent), count(*) FILTER (WHERE neg AND recent)
FROM _accord_rollup_mentions GROUP BY day, cameo, cameo_root, quad_class;

INSERT INTO rollup_dyads
SELECT day, source_key, target_key,
       count(DISTINCT hap) FILTER (WHERE NOT neg), count(DISTINCT hap) FILTER (WHERE neg), count(DISTINCT hap),
       count(*) FILTER (WHERE NOT neg), count(*) FILTER (WHERE neg),
       sum(goldstein) FILTER (WHERE NOT neg), sum(goldstein) FILTER (WHERE neg),
       count(goldstein) FILTER (WHERE NOT neg), count(goldstein) FILTER (WHERE neg)
FROM _accord_rollup_mentions GROUP BY day, source_key, target_key;

INSERT INTO rollup_places
SELECT day, place_key,
       count(DISTINCT hap) FILTER (WHERE NOT neg), count(DISTINCT hap) FILTER (WHERE neg), count(DISTINCT hap),
       count(*) FILTER (WHERE NOT neg), count(*) FILTER (WHERE neg),
       sum(goldstein) FILTER (WHERE NOT neg), sum(goldstein) FILTER (WHERE neg),
       count(goldstein) FILTER (WHERE NOT neg), count(goldstein) FILTER (WHERE neg)
FROM _accord_rollup_mentions GROUP BY day, place_key;

INSERT INTO rollup_actors
SELECT day, code,
       count(DISTINCT hap) FILTER (WHERE NOT neg), count(DISTINCT hap) FILTER (WHERE neg), count(DISTINCT hap)
FROM _accord_rollup_sides WHERE code IS NOT NULL GROUP BY day, code;

INSERT INTO rollup_actor_names
SELECT day, code, name, count(*) FILTER (WHERE NOT neg), count(*) FILTER (WHERE neg)
FROM _accord_rollup_sides WHERE code IS NOT NULL AND name IS NOT NULL GROUP BY day, code, name;

DROP VIEW _accord_rollup_sides;
DROP VIEW _accord_rollup_mentions;
