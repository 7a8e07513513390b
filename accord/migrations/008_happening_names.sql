-- accord store, version 8: a happening of actors the dictionaries do not resolve is told apart by name.
--
-- Since issue 12 an actor can have a name but no code ("Naxalite insurgents", "the Labour party" of an
-- unknown country). A happening is one (source, target, code, date); with codes alone, two different
-- unknown actors doing the same to the same target on the same day would be one happening. The key now
-- takes the lower-cased name where the code is null. The view is otherwise that of version 4.

CREATE OR REPLACE VIEW event_facts AS
SELECT
    e.*,
    coalesce(e.event_date, a.published) AS date,
    a.published,
    a.url,
    a.source AS article_source,
    a.tone AS article_tone,
    a.ingested_at,
    ('0x' || substr(md5(concat_ws('|', coalesce(e.source_code, lower(e.source_name), ''), coalesce(e.target_code, lower(e.target_name), ''), e.cameo,
        coalesce(strftime(coalesce(e.event_date, a.published), '%Y-%m-%d'), ''))), 1, 15))::BIGINT
        AS happening_id,
    coalesce(a.published, e.event_date) AS reported,
    coalesce(CASE WHEN month(e.event_date) = 1 AND day(e.event_date) = 1 THEN make_date(year(e.event_date), 12, 31)
                  WHEN day(e.event_date) = 1 THEN last_day(e.event_date)
                  ELSE e.event_date END < a.published - INTERVAL 1 YEAR, false) AS historical
FROM events e
LEFT JOIN articles a ON a.id = e.article_id;
