"""``accord ingest --watch DIR``: ingest files as they arrive in a folder, and survive restarts.

    report = watch("incoming/", "news.duckdb", interval=2.0)          # until Ctrl-C / SIGTERM
    watch("incoming/", store, stop=event, max_rounds=10)              # tests and embedding

Every ``interval`` seconds the folder is listed (recursively; hidden files and partial downloads
such as ``*.part``, ``*.tmp``, ``*.crdownload`` are ignored). A file is read once it is *stable*: its
size and modification time are the same as at the previous listing, so a file still being written or
copied is left for the next round. Each ingested file is recorded in the ``watched_files`` table
(absolute path, size, mtime); a restarted watcher skips those, and the store skips every article id it holds
already, so stopping and starting the watcher at any moment never loses or duplicates an article.
The model is loaded once, on the first file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from accord.ingest import TIMEOUT, CodingPool, IngestReport, ingest
from accord.pipeline import Config, Resources
from accord.store import Store

IGNORED_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial", ".swp", ".lock", ".duckdb", ".wal")


@dataclass
class WatchReport:
    """What a watcher did, summed over its rounds."""

    rounds: int = 0
    files: int = 0
    totals: IngestReport = field(default_factory=IngestReport)

    def summary(self) -> str:
        t = self.totals
        return (f"{self.rounds} rounds, {self.files} files: {t.stored:,} stored, {t.duplicates:,} duplicates, "
                f"{t.rejects:,} rejects, {t.known:,} already stored; {t.events:,} events")


def watch(directory: str | Path, db: str | Path | Store, *, interval: float = 2.0, config: Config | None = None,
          stop: threading.Event | None = None, max_rounds: int | None = None,
          on_file: Callable[[Path, IngestReport], None] | None = None, workers: int = 1,
          default_date: str | None = None, timeout: float | None = TIMEOUT,
          pool: CodingPool | None = None) -> WatchReport:
    """Ingest files appearing under ``directory`` into ``db`` until ``stop`` is set (or ``max_rounds``).

    ``default_date`` and ``timeout`` are passed to ``ingest`` for each file. ``workers`` > 1 codes in
    that many processes, started with the first file and kept for the next ones; ``pool`` is such a
    :class:`~accord.ingest.CodingPool` given by the caller (``accord serve`` codes in one, so that the
    coding never holds the interpreter its HTTP readers need). Otherwise files are coded in this thread.
    """
    root = Path(directory).resolve()
    if not root.is_dir():
        raise NotADirectoryError(f"not a directory: {directory}")
    stop = stop or threading.Event()
    config = config or Config()
    store = db if isinstance(db, Store) else Store(db)
    own = str(store.path.resolve())  # the store itself, its WAL, its staging folder: never inputs
    report = WatchReport()
    resources: Resources | None = None
    own_pool = pool is None and workers > 1
    if own_pool:
        pool = CodingPool(workers, config, timeout)
    last: dict[Path, tuple[int, float]] = {}
    try:
        done = _done_files(store)
        while not stop.is_set():
            report.rounds += 1
            now = {p: st for p, st in _listing(root).items() if not str(p).startswith(own)}
            for path, stamp in sorted(now.items()):
                if stop.is_set():
                    break
                if (str(path), *stamp) in done or last.get(path) != stamp:
                    continue  # read already, or new or still changing: look again next round
                if not path.is_file():
                    continue  # gone since the listing
                if resources is None and pool is None:
                    resources = Resources.load(config)
                r = ingest([str(path)], store, config=config, resources=resources, pool=pool,
                           default_date=default_date, timeout=timeout, command=f"accord ingest --watch {directory}")
                _record(store, path, stamp, r.stored)
                done.add((str(path), *stamp))
                report.files += 1
                _add(report.totals, r)
                if on_file:
                    on_file(path, r)
            last = now
            if max_rounds is not None and report.rounds >= max_rounds:
                break
            stop.wait(interval)
    finally:
        if own_pool:
            pool.close()  # type: ignore[union-attr]
        if not isinstance(db, Store):
            store.close()
    return report


def _listing(root: Path) -> dict[Path, tuple[int, float]]:
    out = {}
    for p in root.rglob("*"):
        rel = p.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or p.name.endswith(IGNORED_SUFFIXES):
            continue
        try:
            if p.is_file():
                st = p.stat()
                out[p] = (st.st_size, st.st_mtime)
        except OSError:  # removed between listing and stat
            continue
    return out


def _done_files(store: Store) -> set[tuple[str, int, float]]:
    return {(p, int(s), float(m)) for p, s, m in store.con.execute("SELECT path, size, mtime FROM watched_files").fetchall()}


def _record(store: Store, path: Path, stamp: tuple[int, float], articles: int) -> None:
    store.con.execute("INSERT INTO watched_files (path, size, mtime, articles) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                      [str(path), stamp[0], stamp[1], articles])


def _add(total: IngestReport, r: IngestReport) -> None:
    for name in ("read", "stored", "skipped", "duplicates", "rejects", "known", "events"):
        setattr(total, name, getattr(total, name) + getattr(r, name))
    total.seconds += r.seconds
