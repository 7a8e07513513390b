-- accord store, version 11: event_sides, the events a dyad page reads, stored in the order of their sides.
--
-- A dyad (a → b and b → a) matches each side by country, organisation or actor-code prefix: an OR over
-- three columns that DuckDB cannot push into a scan, so over `events` every dyad reads the columns of
-- every row. event_sides holds one row per event row with the side columns and what the dyad's parts and
-- the date / negated / CAMEO / quad filter read, sorted by (source country, target country, source code,
-- target code): a dyad is read as a union of conjunctive conditions (country = ?, code in a prefix range,
-- organisation) that DuckDB pushes into the scan, and the row groups' min/max skip all but a few.
-- The writer appends the rows of the events it adds, deletes an article's, and sorts the table again
-- when the rows appended since the last sort pass a quarter of it (accord/rollups.py).

CREATE TABLE IF NOT EXISTS event_sides AS
SELECT source_country, target_country, source_code, target_code, source_igo, target_igo,
       article_id, idx, date, historical, negated, cameo, cameo_root, quad_class, goldstein
FROM event_facts
ORDER BY source_country NULLS LAST, target_country NULLS LAST, source_code NULLS LAST, target_code NULLS LAST,
         article_id, idx;

-- the row count of event_sides when it was last sorted
CREATE TABLE IF NOT EXISTS event_sides_sorted (sorted_rows BIGINT NOT NULL);
INSERT INTO event_sides_sorted SELECT count(*) FROM event_sides;
