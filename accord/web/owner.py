"""The server's store: one process owns the DuckDB file; HTTP reads on cursors, writes in one thread.

    owner = StoreOwner.open("news.duckdb", watch="incoming/")    # read-write: migrations, writer thread
    rows = await owner.read(lambda cur: cur.execute("SELECT 1").fetchall())
    await owner.write(lambda store: store.con.execute("INSERT ..."))
    owner.close()

DuckDB allows one read-write process or many read-only ones, never both. So the server holds the one
read-write connection and everything goes through it:

- **reads** run in a bounded thread pool (``readers`` threads); each thread keeps its own cursor of the
  connection (a cursor is a connection to the same database instance and sees every committed write).
  A query that runs past ``time_limit`` seconds is stopped with ``cursor.interrupt()`` and raises
  :class:`QueryTimeout`.
- **writes** (``--watch`` ingest, ``--collect`` polls, feedback) run in one writer thread on the store's
  own connection, one job at a time, so a feedback insert never lands inside an ingest transaction.
- when another process is writing the file (``accord ingest`` running), the server cannot open it at
  all; it then serves a **snapshot**: a copy of the file opened read-only and refreshed when the file
  changes (:class:`Snapshot`). Writes are refused in that mode.
"""

from __future__ import annotations

import asyncio
import queue
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from accord.store import Store, StoreError

T = TypeVar("T")
READERS = 4
TIME_LIMIT = 5.0  # seconds one HTTP query may run
CACHE_ENTRIES = 256
# What changes whenever anything is written: a cached page is served only while this is the same.
VERSION_SQL = """SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),
    (SELECT max(ingested_at) FROM articles), (SELECT count(*) FROM article_sources)"""


class QueryTimeout(RuntimeError):
    """A read ran past its time limit and was interrupted."""


class ReadOnlyStore(RuntimeError):
    """A write was asked of a server that serves a snapshot."""


@dataclass
class WriterConfig:
    """What the writer thread does besides running submitted jobs."""

    watch: str | None = None  # folder to ingest new files from (accord.watch)
    watch_interval: float = 2.0
    workers: int = 1  # processes coding --watch files (0: in the writer thread, sharing the readers' interpreter)
    collect: tuple[str, ...] = ()  # sources for accord.collect.poll, if that function exists
    every: float = 900.0  # seconds between collect polls
    config: Any = None  # accord.pipeline.Config for --watch ingest
    collect_config: Any = None  # the collector's own config (None: made from every, contact and config)
    contact: str = ""  # for the collector's User-Agent ("" : $ACCORD_CONTACT)
    log: Callable[[str], None] = field(default=lambda msg: None)


class Snapshot:
    """A read-only copy of a store that another process is writing, refreshed when the file changes.

    The file and its ``.wal`` are copied to a temporary folder and opened read-only; a copy taken while
    the writer was checkpointing may not open, in which case the previous snapshot is kept and the copy
    is tried again at the next refresh.
    """

    def __init__(self, path: Path, refresh: float = 30.0) -> None:
        self.path = path
        self.refresh = refresh
        self.dir = Path(tempfile.mkdtemp(prefix="accord-snapshot-"))
        self.generation = 0
        self.stamp: tuple[float, float] | None = None
        self.con: duckdb.DuckDBPyConnection | None = None
        self._retired: list[tuple[duckdb.DuckDBPyConnection, Path]] = []
        self.taken_at = 0.0
        if not self.take():
            raise StoreError(f"cannot read a snapshot of {path}")

    def _file_stamp(self) -> tuple[float, float]:
        wal = self.path.with_name(self.path.name + ".wal")
        return (self.path.stat().st_mtime, wal.stat().st_mtime if wal.exists() else 0.0)

    def take(self) -> bool:
        """Copy and open the store anew; True when the new copy opened."""
        stamp = self._file_stamp()
        target = self.dir / f"snapshot-{self.generation + 1}.duckdb"
        shutil.copy2(self.path, target)
        wal = self.path.with_name(self.path.name + ".wal")
        if wal.exists():
            shutil.copy2(wal, target.with_name(target.name + ".wal"))
        try:
            con = duckdb.connect(str(target), read_only=True)
            con.execute("SELECT count(*) FROM events").fetchone()
        except duckdb.Error:
            return False
        if self.con is not None:
            self._retired.append((self.con, self.dir / f"snapshot-{self.generation}.duckdb"))
        self.con = con
        self.generation += 1
        self.stamp = stamp
        self.taken_at = time.time()
        # a reader still busy on the previous copy finishes there; the one before it is closed now
        while len(self._retired) > 1:
            old, path = self._retired.pop(0)
            old.close()
            for p in (path, path.with_name(path.name + ".wal")):
                p.unlink(missing_ok=True)
        return True

    def maybe_refresh(self) -> None:
        if time.time() - self.taken_at >= self.refresh and self._file_stamp() != self.stamp:
            self.take()

    def close(self) -> None:
        for con, _ in self._retired:
            con.close()
        if self.con is not None:
            self.con.close()
        shutil.rmtree(self.dir, ignore_errors=True)


class StoreOwner:
    """The store of one server: a read-write Store with a writer thread, or a read-only Snapshot."""

    def __init__(self, store: Store | None, snapshot: Snapshot | None = None, *, readers: int = READERS,
                 time_limit: float = TIME_LIMIT, writer: WriterConfig | None = None) -> None:
        if (store is None) == (snapshot is None):
            raise ValueError("give a store or a snapshot")
        self.store = store
        self.snapshot = snapshot
        self.time_limit = time_limit
        self.pool = ThreadPoolExecutor(max_workers=readers, thread_name_prefix="accord-read")
        self._local = threading.local()
        self._spawn = threading.Lock()
        self._base = store.con.cursor() if store is not None else None  # the connection readers branch from
        self.writer = Writer(store, writer or WriterConfig()) if store is not None else None
        self._cache: OrderedDict[Any, tuple[Any, Any]] = OrderedDict()
        self._cache_lock = threading.Lock()

    @classmethod
    def open(cls, db: str | Path, *, snapshot: bool | None = None, refresh: float = 30.0,
             writer: WriterConfig | None = None, **kw: Any) -> StoreOwner:
        """Open ``db`` read-write; when another process holds it (and ``snapshot`` is not False), serve a
        snapshot instead. ``snapshot=True`` always serves a snapshot."""
        path = Path(db)
        if snapshot:
            return cls(None, Snapshot(path, refresh), **kw)
        try:
            store = Store(path)
        except StoreError:
            if snapshot is False or not path.exists():
                raise
            return cls(None, Snapshot(path, refresh), **kw)
        owner = cls(store, writer=writer, **kw)
        owner.writer.start()  # type: ignore[union-attr]
        return owner

    @property
    def read_only(self) -> bool:
        return self.store is None

    @property
    def path(self) -> Path:
        return self.store.path if self.store is not None else self.snapshot.path  # type: ignore[union-attr]

    # ------------------------------------------------------------------------------------------ reads

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        """This reader thread's cursor (made once per thread, or again after a snapshot refresh)."""
        gen = self.snapshot.generation if self.snapshot else 0
        cur = getattr(self._local, "cursor", None)
        if cur is None or getattr(self._local, "generation", -1) != gen:
            with self._spawn:
                base = self._base if self.snapshot is None else self.snapshot.con
                cur = base.cursor()  # type: ignore[union-attr]
            self._local.cursor, self._local.generation = cur, gen
        return cur

    def run_read(self, fn: Callable[[duckdb.DuckDBPyConnection], T], limit: float | None = None) -> T:
        """Run ``fn(cursor)`` in this thread with the time limit (the pool calls this)."""
        limit = self.time_limit if limit is None else limit
        if self.snapshot is not None:
            with self._spawn:
                self.snapshot.maybe_refresh()
        cur = self._cursor()
        timer = threading.Timer(limit, cur.interrupt)
        timer.start()
        try:
            return fn(cur)
        except duckdb.InterruptException as exc:
            raise QueryTimeout(f"the query ran past {limit:g} s and was stopped") from exc
        finally:
            timer.cancel()

    async def read(self, fn: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """``fn(cursor)`` on a reader thread; raises QueryTimeout past the time limit."""
        return await asyncio.get_running_loop().run_in_executor(self.pool, self.run_read, fn)

    async def cached_read(self, key: Any, fn: Callable[[duckdb.DuckDBPyConnection], T],
                          limit: float | None = None) -> T:
        """``read``, answered from a cache of recent results while the store is unchanged (its
        article, event and source counts and last ingest time, read first: a few milliseconds)."""

        def run(cur: duckdb.DuckDBPyConnection) -> T:
            # fetchall, not fetchone: a result left unread keeps the cursor busy, and the relation API
            # (cur.sql, as Q.dyad uses) then refuses to run on it ("connection has an unfinished result")
            version = cur.execute(VERSION_SQL).fetchall()[0]
            with self._cache_lock:
                hit = self._cache.get(key)
                if hit is not None and hit[0] == version:
                    self._cache.move_to_end(key)
                    return hit[1]
            out = fn(cur)
            with self._cache_lock:
                self._cache[key] = (version, out)
                while len(self._cache) > CACHE_ENTRIES:
                    self._cache.popitem(last=False)
            return out

        return await asyncio.get_running_loop().run_in_executor(self.pool, self.run_read, run, limit)

    def clear_cache(self) -> None:
        with self._cache_lock:
            self._cache.clear()

    async def read_limited(self, fn: Callable[[duckdb.DuckDBPyConnection], T], limit: float) -> T:
        """``read`` with its own time limit (facet counts that may give up early)."""
        return await asyncio.get_running_loop().run_in_executor(self.pool, self.run_read, fn, limit)

    # ----------------------------------------------------------------------------------------- writes

    async def write(self, fn: Callable[[Store], T]) -> T:
        """``fn(store)`` in the writer thread, after whatever it is doing now."""
        if self.writer is None:
            raise ReadOnlyStore("this server reads a snapshot of a store another process writes; it cannot write")
        return await asyncio.wrap_future(self.writer.submit(fn))

    def close(self) -> None:
        if self.writer is not None:
            self.writer.stop()
        self.pool.shutdown(wait=True, cancel_futures=True)
        if self.store is not None:
            self.store.close()
        if self.snapshot is not None:
            self.snapshot.close()


class _Ticker(threading.Event):
    """The writer's stop flag. ``accord.watch.watch`` waits on it between rounds; while it waits, the
    writer's jobs and collect polls run, so every write happens in this one thread, between ingests."""

    def __init__(self, writer: Writer) -> None:
        super().__init__()
        self.writer = writer

    def wait(self, timeout: float | None = None) -> bool:
        deadline = time.monotonic() + (timeout if timeout is not None else 3600.0)
        while not self.is_set():
            self.writer.run_due()
            left = deadline - time.monotonic()
            if left <= 0:
                break
            try:
                job = self.writer.jobs.get(timeout=min(left, 0.2))
            except queue.Empty:
                continue
            self.writer.run_job(job)
        return self.is_set()


Job = tuple[Callable[[Store], Any], Future]


class Writer:
    """The one writer thread of a server: submitted jobs, ``--watch`` ingest and ``--collect`` polls."""

    def __init__(self, store: Store, config: WriterConfig) -> None:
        self.store = store
        self.config = config
        self.jobs: queue.Queue[Job] = queue.Queue()
        self.flag = _Ticker(self)
        self.thread = threading.Thread(target=self._run, name="accord-writer", daemon=True)
        self.next_poll = time.monotonic() if config.collect else float("inf")
        self.polls = 0
        self.last_error: str | None = None

    def start(self) -> None:
        self.thread.start()

    def submit(self, fn: Callable[[Store], T]) -> Future[T]:
        fut: Future[T] = Future()
        if self.flag.is_set():
            fut.set_exception(ReadOnlyStore("the server is stopping"))
        else:
            self.jobs.put((fn, fut))
        return fut

    def run_job(self, job: Job) -> None:
        fn, fut = job
        if not fut.set_running_or_notify_cancel():
            return
        try:
            fut.set_result(fn(self.store))
        except BaseException as exc:  # handed back to the request that asked
            fut.set_exception(exc)

    def run_due(self) -> None:
        """A collect poll when one is due (``accord.collect.poll``, imported lazily)."""
        if time.monotonic() < self.next_poll:
            return
        self.next_poll = time.monotonic() + self.config.every
        poll = collect_poll()
        if poll is None:
            self.config.log("--collect: accord.collect.poll is not available; nothing collected")
            self.next_poll = float("inf")
            return
        try:
            # the server's stop flag ends a round early and cleanly; feeds are due by --every
            poll(self.store, list(self.config.collect), self.config.collect_config or _collect_config(self.config),
                 stop=self.flag)
            self.polls += 1
        except Exception as exc:  # a failing feed must not stop the server
            self.last_error = f"collect: {exc}"
            self.config.log(self.last_error)

    def _run(self) -> None:
        if self.config.watch:
            from accord.watch import watch

            def logged(path: Path, report: Any) -> None:
                self.config.log(f"--watch: {path.name}: {report.stored} stored, {report.events} events")

            from accord.ingest import CodingPool

            # coding in processes of its own: spaCy in this thread would hold the interpreter lock the
            # HTTP readers need (benchmarks/RESULTS.md, "under load": both ingest and reads were slower)
            pool = CodingPool(self.config.workers, self.config.config) if self.config.workers > 0 else None
            try:
                watch(self.config.watch, self.store, interval=self.config.watch_interval, config=self.config.config,
                      stop=self.flag, on_file=logged, pool=pool)
            except Exception as exc:  # the server keeps serving what it has
                self.last_error = f"watch: {exc}"
                self.config.log(self.last_error)
            finally:
                if pool is not None:
                    pool.close()
        while not self.flag.is_set():
            self.flag.wait(1.0)
        while True:  # refuse what is still queued
            try:
                _, fut = self.jobs.get_nowait()
            except queue.Empty:
                break
            fut.set_exception(ReadOnlyStore("the server is stopping"))

    def stop(self, timeout: float = 30.0) -> None:
        self.flag.set()
        if self.thread.is_alive():
            self.thread.join(timeout)


def _collect_config(config: WriterConfig) -> Any:
    """The collector's config for a server: feeds polled every --every, --contact, the --dict dictionaries."""
    from accord.collect.collector import CollectConfig

    kw: dict[str, Any] = {"every": config.every}
    if config.contact:
        kw["contact"] = config.contact
    if config.config is not None:
        kw["pipeline"] = config.config
    return CollectConfig(**kw)


def collect_poll() -> Callable[..., Any] | None:
    """``accord.collect.poll`` when that module and function exist, else None."""
    try:
        from accord import collect  # type: ignore[attr-defined]
    except ImportError:
        return None
    poll = getattr(collect, "poll", None)
    return poll if callable(poll) else None
