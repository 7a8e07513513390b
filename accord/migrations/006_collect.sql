-- `accord collect`: the feeds it polls and the frontier of page URLs it has seen, so that a restarted
-- collector fetches nothing twice. Written by accord.collect only (the one writer).

-- One row per source given to `accord collect` that turned out to be a feed (RSS, Atom, sitemap) or a
-- plain article page. Conditional GET state (etag, last_modified) and the schedule live here.
CREATE TABLE IF NOT EXISTS feeds (
    url            VARCHAR PRIMARY KEY,     -- as given (tracking parameters stripped)
    parent         VARCHAR,                 -- the sitemap index that listed this sitemap
    outlet         VARCHAR,                 -- the name given in the sources file, else the feed's title
    kind           VARCHAR,                 -- rss | atom | sitemap | sitemapindex | page | unknown
    title          VARCHAR,
    added_at       TIMESTAMP NOT NULL DEFAULT current_timestamp,
    last_fetch     TIMESTAMP,
    status         VARCHAR,                 -- '200', '304', or the reason of the last failure
    etag           VARCHAR,
    last_modified  VARCHAR,
    fetches        INTEGER NOT NULL DEFAULT 0,
    not_modified   INTEGER NOT NULL DEFAULT 0,  -- answers 304 (the 304 rate is not_modified / fetches)
    failures       INTEGER NOT NULL DEFAULT 0,  -- consecutive failures (0 after a success)
    failures_total INTEGER NOT NULL DEFAULT 0,
    items          INTEGER NOT NULL DEFAULT 0,  -- item URLs seen in it, new or not, over all fetches
    next_poll      TIMESTAMP
);

-- Every page URL seen (normalised: fragment and tracking parameters dropped), with what became of it.
-- A URL in any state but 'pending' is never fetched again; a page's canonical URL is recorded too
-- (state 'alias') so the same story is not fetched again under its canonical address.
CREATE TABLE IF NOT EXISTS frontier (
    url         VARCHAR PRIMARY KEY,
    feed        VARCHAR,                    -- the source that listed it (or the URL itself)
    outlet      VARCHAR,
    title       VARCHAR,                    -- the feed's title and date, fallbacks for the page's own
    published   VARCHAR,
    state       VARCHAR NOT NULL,           -- pending | stored | duplicate | known | skipped | failed | alias
    reason      VARCHAR,                    -- why it failed or was skipped (short: 'http 404', 'robots.txt')
    attempts    INTEGER NOT NULL DEFAULT 0,
    http_status INTEGER,
    article_id  VARCHAR,
    canonical   VARCHAR,
    first_seen  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    fetched_at  TIMESTAMP
);
