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

import importlib
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from accord.collect.collector import CollectConfig, PollReport
    from accord.collect.sources import Source
    from accord.pipeline import Resources
    from accord.store import Store

# Imported when first used, so that `accord stats` (which reads collection_stats) does not pay for
# httpx, the ingest machinery and the pipeline.
_EXPORTS = {
    "CollectConfig": "accord.collect.collector", "PollReport": "accord.collect.collector",
    "poll": "accord.collect.collector", "Source": "accord.collect.sources",
    "SourceError": "accord.collect.sources", "read_sources": "accord.collect.sources",
    "collection_stats": "accord.collect.state",
}
__all__ = ["collect", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'accord.collect' has no attribute {name!r}")


def collect(store: Store, sources: Iterable[Source | str], config: CollectConfig | None = None, *,
            stop: threading.Event | None = None, rounds: int | None = None,
            on_round: Callable[[PollReport], None] | None = None,
            resources: Resources | None = None) -> list[PollReport]:
    """``poll`` every ``config.every`` seconds until ``stop`` is set (or ``rounds`` rounds are done).

    Each round is complete or, when stopped, leaves what it did not fetch ``pending``; nothing is
    half-written, so the next run picks up where this one stopped.
    """
    from accord.collect.collector import CollectConfig, poll

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
