"""The collector's state in the store: tables ``feeds`` and ``frontier`` (``migrations/006_collect.sql``).

Only the one writer calls the functions that change them; ``collection_stats`` only reads, so
``accord stats`` can call it on a read-only store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import duckdb

from accord.collect.feeds import FeedItem

DONE_STATES = ("stored", "duplicate", "known", "skipped", "failed", "alias")


@dataclass(frozen=True, slots=True)
class FeedState:
    url: str
    outlet: str | None
    kind: str | None
    etag: str | None
    last_modified: str | None
    failures: int
    next_poll: dt.datetime | None


@dataclass(frozen=True, slots=True)
class PendingPage:
    url: str
    feed: str | None
    outlet: str | None
    title: str | None
    published: str | None
    attempts: int


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Everything inside commits together or not at all."""
    con.begin()
    try:
        yield
    except BaseException:
        con.rollback()
        raise
    con.commit()


def now() -> dt.datetime:
    """UTC, without a time zone (how DuckDB TIMESTAMP columns hold it)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


# ------------------------------------------------------------------------------------------------ feeds


def register_feed(con: duckdb.DuckDBPyConnection, url: str, outlet: str | None, parent: str | None = None) -> None:
    """Make sure ``url`` has a row; a name given now replaces the one it had."""
    con.execute(
        "INSERT INTO feeds (url, outlet, parent, kind) VALUES (?, ?, ?, 'unknown')"
        " ON CONFLICT (url) DO UPDATE SET outlet = coalesce(excluded.outlet, feeds.outlet),"
        " parent = coalesce(excluded.parent, feeds.parent)",
        [url, outlet, parent],
    )


def feed_state(con: duckdb.DuckDBPyConnection, url: str) -> FeedState | None:
    row = con.execute("SELECT url, outlet, kind, etag, last_modified, failures, next_poll FROM feeds WHERE url = ?",
                      [url]).fetchone()
    return FeedState(*row) if row else None


def child_feeds(con: duckdb.DuckDBPyConnection, parent: str) -> list[str]:
    return [r[0] for r in con.execute("SELECT url FROM feeds WHERE parent = ? ORDER BY url", [parent]).fetchall()]


def record_feed(con: duckdb.DuckDBPyConnection, url: str, *, status: str, next_poll: dt.datetime,
                kind: str | None = None, title: str | None = None, etag: str | None = None,
                last_modified: str | None = None, not_modified: bool = False, failed: bool = False,
                items: int = 0) -> None:
    """One fetch of a feed: its answer, the validators for the next conditional GET, the next poll."""
    con.execute(
        "UPDATE feeds SET last_fetch = ?, status = ?, next_poll = ?, fetches = fetches + 1,"
        " kind = coalesce(?, kind), title = coalesce(?, title), outlet = coalesce(outlet, ?),"
        " etag = CASE WHEN ? THEN etag ELSE ? END, last_modified = CASE WHEN ? THEN last_modified ELSE ? END,"
        " not_modified = not_modified + ?, failures = CASE WHEN ? THEN failures + 1 ELSE 0 END,"
        " failures_total = failures_total + ?, items = items + ? WHERE url = ?",
        [now(), status, next_poll, kind, title, title, failed or not_modified, etag, failed or not_modified,
         last_modified, int(not_modified), failed, int(failed), items, url],
    )


# --------------------------------------------------------------------------------------------- frontier


def add_items(con: duckdb.DuckDBPyConnection, feed: str, outlet: str | None, items: Sequence[FeedItem]) -> list[str]:
    """Put the items not seen before into the frontier as ``pending``; returns their URLs."""
    if not items:
        return []
    fresh: set[str] = set()
    for start in range(0, len(items), 500):
        rows = [(i.url, feed, outlet, i.title, i.published) for i in items[start:start + 500]]
        placeholders = ", ".join(["(?, ?, ?, ?, ?, 'pending')"] * len(rows))
        params = [v for row in rows for v in row]
        fresh |= {r[0] for r in con.execute(
            f"INSERT INTO frontier (url, feed, outlet, title, published, state) VALUES {placeholders}"
            " ON CONFLICT DO NOTHING RETURNING url", params,
        ).fetchall()}
    return [i.url for i in items if i.url in fresh]


def frontier_state(con: duckdb.DuckDBPyConnection, url: str) -> str | None:
    row = con.execute("SELECT state FROM frontier WHERE url = ?", [url]).fetchone()
    return row[0] if row else None


def pending_pages(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> list[PendingPage]:
    sql = ("SELECT url, feed, outlet, title, published, attempts FROM frontier WHERE state = 'pending'"
           " ORDER BY first_seen, url")
    rows = con.execute(sql + (f" LIMIT {int(limit)}" if limit else "")).fetchall()
    return [PendingPage(*r) for r in rows]


@dataclass(frozen=True, slots=True)
class PageOutcome:
    """What became of one fetched (or not fetched) page, for ``mark_pages``."""

    url: str
    state: str  # pending (try again next round) or one of DONE_STATES
    reason: str | None = None
    detail: str | None = None  # the rejects row's reason, when it failed or was skipped
    http_status: int | None = None
    article_id: str | None = None
    canonical: str | None = None
    fetched: bool = True


def mark_pages(con: duckdb.DuckDBPyConnection, outcomes: Iterable[PageOutcome]) -> None:
    """Record outcomes in one transaction: frontier states, canonical aliases, rejects (a failure is one
    row per URL, updated when it fails again, removed when it later succeeds)."""
    outcomes = list(outcomes)
    if not outcomes:
        return
    t = now()
    con.begin()
    try:
        for o in outcomes:
            con.execute(
                "UPDATE frontier SET state = ?, reason = ?, http_status = coalesce(?, http_status),"
                " article_id = coalesce(?, article_id), canonical = coalesce(?, canonical),"
                " attempts = attempts + ?, fetched_at = CASE WHEN ? THEN ? ELSE fetched_at END WHERE url = ?",
                [o.state, o.reason, o.http_status, o.article_id, o.canonical, int(o.fetched), o.fetched, t, o.url],
            )
            if o.canonical and o.canonical != o.url:
                con.execute(
                    # a pending URL that turns out to be this page's canonical one is not fetched
                    "INSERT INTO frontier (url, feed, state, article_id, reason) VALUES (?, ?, 'alias', ?, ?)"
                    " ON CONFLICT (url) DO UPDATE SET state = 'alias', article_id = excluded.article_id,"
                    " reason = excluded.reason WHERE frontier.state = 'pending'",
                    [o.canonical, o.url, o.article_id, f"canonical URL of {o.url}"],
                )
            if o.detail:
                con.execute(
                    "INSERT INTO rejects (input, item, reason, rejected_at) VALUES (?, '', ?, ?)"
                    " ON CONFLICT (input, item) DO UPDATE SET reason = excluded.reason,"
                    " rejected_at = excluded.rejected_at", [o.url, o.detail, t],
                )
            elif o.state in ("stored", "duplicate", "known"):
                con.execute("DELETE FROM rejects WHERE input = ? AND item = ''", [o.url])
        con.commit()
    except BaseException:
        con.rollback()
        raise


def reject_feed(con: duckdb.DuckDBPyConnection, url: str, reason: str) -> None:
    """A feed's latest failure: one ``rejects`` row per feed (item ``feed``), kept up to date."""
    con.execute(
        "INSERT INTO rejects (input, item, reason, rejected_at) VALUES (?, 'feed', ?, ?) ON CONFLICT (input, item)"
        " DO UPDATE SET reason = excluded.reason, rejected_at = excluded.rejected_at", [url, reason, now()],
    )


def clear_feed_reject(con: duckdb.DuckDBPyConnection, url: str) -> None:
    con.execute("DELETE FROM rejects WHERE input = ? AND item = 'feed'", [url])


# ------------------------------------------------------------------------------------------------ stats


def has_tables(con: duckdb.DuckDBPyConnection) -> bool:
    rows = con.execute("SELECT table_name FROM information_schema.tables WHERE table_name IN ('feeds', 'frontier')")
    return len(rows.fetchall()) == 2


def collection_stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What collection has done: feeds (and how many are failing), items seen, pages fetched, what became
    of them, and failures by reason. Empty when nothing was ever collected into the store."""
    if not has_tables(con):
        return {}
    q = con.execute
    feeds, failing, fetches, not_modified = q(
        "SELECT count(*), count(*) FILTER (WHERE failures > 0), coalesce(sum(fetches), 0),"
        " coalesce(sum(not_modified), 0) FROM feeds WHERE kind <> 'page'").fetchone()
    states = dict(q("SELECT state, count(*) FROM frontier GROUP BY state").fetchall())
    if not feeds and not states:
        return {}
    seen = sum(n for s, n in states.items() if s != "alias")
    fetched = q("SELECT count(*) FROM frontier WHERE fetched_at IS NOT NULL AND state <> 'alias'").fetchone()[0]
    by_reason = q("SELECT state, reason, count(*) FROM frontier WHERE state IN ('failed', 'skipped')"
                  " GROUP BY 1, 2 ORDER BY 3 DESC, 2").fetchall()
    return {
        "feeds": int(feeds), "feeds_failing": int(failing), "feed_fetches": int(fetches),
        "feed_not_modified": int(not_modified),
        "feed_not_modified_rate": round(int(not_modified) / int(fetches), 3) if fetches else 0.0,
        "items_seen": int(seen), "fetched": int(fetched), "stored": int(states.get("stored", 0)),
        "duplicates": int(states.get("duplicate", 0)), "already_stored": int(states.get("known", 0)),
        "pending": int(states.get("pending", 0)), "skipped": int(states.get("skipped", 0)),
        "failed": int(states.get("failed", 0)),
        "skipped_by_reason": {r or "unknown": int(n) for s, r, n in by_reason if s == "skipped"},
        "failed_by_reason": {r or "unknown": int(n) for s, r, n in by_reason if s == "failed"},
    }
