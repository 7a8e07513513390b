-- accord store, version 2: one event per happening, as views only (nothing here can break writing).
--
-- `events` keeps one row per *mention* (an event coded in one article's sentence). A *happening* is
-- the same source actor code, target actor code, CAMEO code and date reported anywhere; its id is a
-- stable 60-bit integer taken from the md5 of that key, so it survives re-ingest and can serve as
-- GDELT's GLOBALEVENTID. The date is the event's own date, else its article's publication date.
-- Negated mentions ("Iran did not attack ...") are kept in `event_facts` but are not happenings.

-- Per article: how many documents carried it (the article plus exact/near repeats) and from which sources.
CREATE VIEW article_docs AS
SELECT
    a.id AS article_id,
    greatest(count(s.article_id), 1)::INTEGER AS docs,
    list_distinct(list_concat(list(s.source), [a.source])) AS sources
FROM articles a
LEFT JOIN article_sources s ON s.article_id = a.id
GROUP BY a.id, a.source;

-- Every event row with its effective date, its article's facts and its happening id.
CREATE VIEW event_facts AS
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
        AS happening_id
FROM events e
LEFT JOIN articles a ON a.id = e.article_id;

-- One row per happening with GDELT's counts: NumMentions (event rows), NumArticles (documents, repeats
-- included), NumSources (distinct sources of those documents), the first report and the mean tone.
CREATE VIEW happenings AS
WITH per_article AS (
    SELECT
        f.happening_id,
        f.article_id,
        count(*) AS mentions,
        min(struct_pack(published := f.published, ingested_at := f.ingested_at, article_id := f.article_id,
                        idx := f.idx)) AS first_key,
        avg(coalesce(f.tone, f.article_tone)) AS tone
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
        sum(p.tone * p.mentions) / nullif(sum(CASE WHEN p.tone IS NULL THEN 0 ELSE p.mentions END), 0) AS avg_tone
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
    f.location_name, f.location_country, f.location_fips, f.lat, f.lon
FROM per_happening h
JOIN event_facts f ON f.article_id = h.first_key.article_id AND f.idx = h.first_key.idx;
