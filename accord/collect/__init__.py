"""News collection: RSS and Atom feeds, news sitemaps and article URLs → coded articles in the store.

    from accord.collect import CollectConfig, poll, read_sources
    with Store("news.duckdb") as store:
        report = poll(store, read_sources(["feeds.txt"]), CollectConfig(contact="me@example.org"))
    collect(store, sources, config, stop=event)        # poll every config.every seconds until stopped

Modules, one per step: :mod:`~accord.collect.sources` (what to collect), :mod:`~accord.collect.fetch`
(polite HTTP), :mod:`~accord.collect.robots`, :mod:`~accord.collect.feeds` (RSS/Atom/sitemaps),
:mod:`~accord.collect.extract` (page → Article), :mod:`~accord.collect.urls` (one spelling per URL),
:mod:`~accord.collect.state` (tables ``feeds`` and ``frontier``) and :mod:`~accord.collect.collector` (one round).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from accord.collect.collector import CollectConfig, PollReport, poll
from accord.collect.sources import Source, SourceError, read_sources
from accord.collect.state import collection_stats
from accord.pipeline import Resources
from accord.store import Store

__all__ = ["CollectConfig", "PollReport", "Source", "SourceError", "collect", "collection_stats", "poll",
           "read_sources"]


def collect(store: Store, sources: Iterable[Source | str], config: CollectConfig | None = None, *,
            stop: threading.Event | None = None, rounds: int | None = None,
            on_round: Callable[[PollReport], None] | None = None,
            resources: Resources | None = None) -> list[PollReport]:
    """``poll`` every ``config.every`` seconds until ``stop`` is set (or ``rounds`` rounds are done).

    Each round is complete or, when stopped, leaves what it did not fetch ``pending``; nothing is
    half-written, so the next run picks up where this one stopped.
    """
    config = config or CollectConfig()
    stop = stop or threading.Event()
    sources = list(sources)
    reports: list[PollReport] = []
    while not stop.is_set():
        report = poll(store, sources, config, stop=stop, resources=resources)
        reports.append(report)
        if on_round:
            on_round(report)
        if rounds is not None and len(reports) >= rounds:
            break
        stop.wait(config.every)
    return reports
