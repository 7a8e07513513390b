-- accord store, version 4: the two dates of every event, and historical mentions (views only).
--
-- An event has the date it is REPORTED (its article's publication date: GDELT's DATEADDED basis, the
-- usual basis of event series) and the date it is said to have HAPPENED (`date`: its own resolved date,
-- else the publication date). An event dated more than a year before its article ("the war that began
-- in 1980", in a 1987 report) is kept but flagged `historical`; series by event date leave it out unless
-- asked (accord.query, `--include-historical`).
--
-- `historical` is computed here rather than stored in `events`: it is a function of two stored facts
-- (events.event_date, articles.published), so a view cannot go stale, needs no backfill of existing
-- stores and no change to the writer, and a new rule is a new migration replacing the view.
-- `reported` falls back to the event's own date for an article without a publication date.
--
-- A year or a month alone resolves to its first day ("last year" → 1986-01-01, "in May" → 05-01), so a
-- 1st of January counts as its whole year and a 1st of a month as its month: an event is historical only
-- when even the last day its date may stand for is more than a year before the article ("last year" in
-- a report of March 1987 may be December 1986: not historical; "in 1985" is).

CREATE OR REPLACE VIEW event_facts AS
SELECT
    e.*,
    coalesce(e.event_date, a.published) AS date,
    a.published,
    a.url,
    a.source AS article_source,
    a.tone AS article_tone,
    a.ingested_at,
    ('0x' || substr(md5(concat_ws('|', coalesce(e.source_code, ''), coalesce(e.target_code, ''), e.cameo,
        coalesce(strftime(coalesce(e.event_date, a.published), '%Y-%m-%d'), ''))), 1, 15))::BIGINT
        AS happening_id,
    coalesce(a.published, e.event_date) AS reported,
    coalesce(CASE WHEN month(e.event_date) = 1 AND day(e.event_date) = 1 THEN make_date(year(e.event_date), 12, 31)
                  WHEN day(e.event_date) = 1 THEN last_day(e.event_date)
                  ELSE e.event_date END < a.published - INTERVAL 1 YEAR, false) AS historical
FROM events e
LEFT JOIN articles a ON a.id = e.article_id;

-- As in version 2, with the happening's first report date (`reported`) and `historical` (its date is more
-- than a year before its first report, so every report of it is historical).
CREATE OR REPLACE VIEW happenings AS
WITH per_article AS (
    SELECT
        f.happening_id,
        f.article_id,
        count(*) AS mentions,
        min(struct_pack(published := f.published, ingested_at := f.ingested_at, article_id := f.article_id,
                        idx := f.idx)) AS first_key,
        avg(coalesce(f.tone, f.article_tone)) AS tone,
        min(f.reported) AS reported,
        bool_and(f.historical) AS historical
    FROM event_facts f
    WHERE NOT coalesce(f.negated, false)
    GROUP BY f.happening_id, f.article_id
),
per_happening AS (
    SELECT
        p.happening_id,
        sum(p.mentions)::INTEGER AS num_mentions,
        sum(d.docs)::INTEGER AS num_articles,
        len(list_distinct(flatten(list(d.sources))))::INTEGER AS source_count,
        min(p.first_key) AS first_key,
        sum(p.tone * p.mentions) / nullif(sum(CASE WHEN p.tone IS NULL THEN 0 ELSE p.mentions END), 0) AS avg_tone,
        min(p.reported) AS reported,
        bool_and(p.historical) AS historical
    FROM per_article p
    LEFT JOIN article_docs d ON d.article_id = p.article_id
    GROUP BY p.happening_id
)
SELECT
    h.happening_id,
    f.date,
    f.source_code, f.source_name, f.source_country, f.source_igo, f.source_role,
    f.target_code, f.target_name, f.target_country, f.target_igo, f.target_role,
    f.cameo, f.cameo_root, f.quad_class, f.goldstein,
    f.plover_type, f.plover_mode, f.plover_context,
    h.num_mentions,
    -- a source we cannot name still counts as one
    greatest(h.source_count, 1)::INTEGER AS num_sources,
    h.num_articles,
    h.avg_tone,
    f.article_id AS first_article_id,
    f.idx AS first_idx,
    f.url AS first_url,
    f.article_source AS first_source,
    f.published AS first_published,
    f.ingested_at AS date_added,
    f.sentence AS first_sentence,
    f.location_name, f.location_country, f.location_fips, f.lat, f.lon,
    h.reported,
    h.historical
FROM per_happening h
JOIN event_facts f ON f.article_id = h.first_key.article_id AND f.idx = h.first_key.idx;
