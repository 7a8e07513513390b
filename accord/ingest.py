"""Ingest: readers → (ids already stored skipped, before any NLP) → ``process`` in a pool → ONE writer.

    report = ingest(["news/", "feed.jsonl.gz"], "news.duckdb", workers=2)

Each worker loads ``Resources`` once (the pool initializer) and returns, for each article, its
``ArticleResult`` and its dedup fingerprint; results come back in input order and the main process, the
only one that touches DuckDB, writes them in batches of whole articles (see ``Store.write_batch``).
Articles are coded a chunk at a time (``code_many``: one ``nlp.pipe`` over the chunk, which spaCy runs
faster than one call per article), in this process or in each pool worker.

Crash safety comes from two facts: a batch commits whole articles atomically, and a rerun skips every id
that is already stored, recorded as a repeat, or rejected. So ``kill -9`` at any moment, then the same
command again, leaves every article stored exactly once. Bad items become ``rejects`` rows and never stop
the batch; an article whose coding runs longer than ``timeout`` seconds is rejected, not waited for.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import queue
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from accord.dedup import Fingerprint, fingerprint
from accord.errors import InputError
from accord.pipeline import Config, Resources, process, process_many
from accord.readers import estimate_count, iter_inputs
from accord.store import Store
from accord.types import Article, ArticleResult

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

BATCH_SIZE = 200  # articles per transaction at most
FLUSH_SECONDS = 2.0  # ... and at least one commit this often, so a slow stream still lands
TIMEOUT = 60.0  # seconds one article may take in process()
CHUNK = 32  # articles coded together (one nlp.pipe call); a worker takes one chunk at a time
CHUNK_WAIT = 0.25  # seconds a chunk waits for more articles from a slow input before it is coded as it is
POLL = 0.5  # seconds between checks that every worker process is alive, while a result is awaited
WINDOW = 1024  # articles in flight at most: enough that one slow article does not idle the other workers

Done = tuple[ArticleResult, Fingerprint | None]
# modules the forkserver imports before it forks pool workers (each worker still loads its own model)
PRELOAD = ("accord.pipeline", "accord.ingest", "spacy", "spacy.lang.en", "spacy.pipeline", "thinc.api")


@dataclass
class IngestReport:
    """What one ``ingest`` call did. ``read`` counts every input item, rejects included."""

    read: int = 0
    stored: int = 0  # new articles (coded or skipped)
    skipped: int = 0  # of those, stored but not coded (not English)
    duplicates: int = 0  # exact or near repeats, recorded as sources
    rejects: int = 0  # bad input items and articles process() failed on
    known: int = 0  # already in the store (a rerun): nothing done
    events: int = 0
    seconds: float = 0.0
    run_id: str = ""
    outcomes: dict[str, int] = field(default_factory=dict)

    @property
    def done(self) -> int:
        return self.stored + self.duplicates + self.rejects + self.known

    @property
    def rate(self) -> float:
        """Input items per second."""
        return self.done / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        return (
            f"{self.read:,} read: {self.stored:,} stored ({self.skipped:,} not coded), "
            f"{self.duplicates:,} duplicates, {self.rejects:,} rejects, {self.known:,} already stored; "
            f"{self.events:,} events; {self.seconds:.1f} s, {self.rate:,.1f} articles/s"
        )


Progress = Callable[[IngestReport, int | None], None]


def ingest(
    paths: Iterable[str],
    db: str | Path | Store,
    workers: int = 1,
    config: Config | None = None,
    progress: Progress | None = None,
    *,
    resources: Resources | None = None,
    default_date: str | None = None,
    batch_size: int = BATCH_SIZE,
    flush_seconds: float = FLUSH_SECONDS,
    timeout: float | None = TIMEOUT,
    command: str | None = None,
    pool: CodingPool | None = None,
) -> IngestReport:
    """Read ``paths``, code every new article, store it; returns what happened.

    ``workers`` > 1 codes in that many processes; ``resources`` (already loaded) is used when coding in
    this process; ``pool`` (a :class:`CodingPool` kept across calls, as ``--watch`` does) codes in its
    processes instead of starting new ones; ``progress(report, estimated_total)`` is called after every item.
    """
    paths = list(paths)
    config = config or Config()
    with recorded_run(db, command or "ingest " + " ".join(paths)) as (store, report, started):
        total = estimate_count(paths) if progress else None
        known, rejected = store.known_input_ids(), store.reject_keys()

        def todo() -> Iterator[Article | InputError]:
            for item in iter_inputs(paths, default_date):
                report.read += 1
                if isinstance(item, Article) and (item.id in known or (item.source or "", item.id) in rejected):
                    report.known += 1  # counted here, in the reading thread; nothing to code
                    continue
                yield item

        pending: list[Done] = []
        last_flush = time.monotonic()

        def flush() -> None:
            nonlocal last_flush
            if pending:
                outcomes = store.write_batch([r for r, _ in pending], [f for _, f in pending])
                for (result, _), outcome in zip(pending, outcomes, strict=True):
                    _count(report, result, outcome)
                pending.clear()
            last_flush = time.monotonic()

        with _coded(todo(), workers, config, resources, timeout, pool) as results, _flushed_on(WorkerLost, flush):
            for out in results:
                if isinstance(out, InputError) and (out.input, out.item) in rejected:
                    report.known += 1  # rejected by an earlier run already
                elif isinstance(out, InputError):
                    store.add_reject(out)
                    report.rejects += 1
                    report.outcomes["rejected"] = report.outcomes.get("rejected", 0) + 1
                else:
                    pending.append(out)
                if len(pending) >= batch_size or time.monotonic() - last_flush >= flush_seconds:
                    flush()
                if progress:
                    report.seconds = time.monotonic() - started
                    progress(report, total)
            flush()
    if progress:
        progress(report, report.done)
    return report


@contextmanager
def recorded_run(db: str | Path | Store, command: str) -> Iterator[tuple[Store, IngestReport, float]]:
    """Open the store (unless given one), record a run in ``runs``, and close both whatever happens.

    Yields ``(store, report, started)``; on the way out the report's seconds and counts are written to
    the run, and a store opened here is closed.
    """
    store = db if isinstance(db, Store) else Store(db)
    report = IngestReport()
    started = time.monotonic()
    try:
        report.run_id = store.start_run(command)
    except Exception as exc:
        store._raise_if_unwritable(exc)  # a full disk or a read-only file: a clear StoreError
        raise
    failed = False
    try:
        yield store, report, started
    except BaseException:
        failed = True
        raise
    finally:
        report.seconds = time.monotonic() - started
        try:
            store.finish_run(report.run_id, report.stored, report.duplicates, report.rejects)
        except Exception:
            if not failed:  # on a full disk this fails too; the error that stopped the run is the one to tell
                raise
        finally:
            if not isinstance(db, Store):
                store.close()


@contextmanager
def _flushed_on(kind: type[BaseException], flush: Callable[[], None]) -> Iterator[None]:
    """On an exception of ``kind``, commit the whole articles already coded before it propagates."""
    try:
        yield
    except kind:
        flush()
        raise


def _count(report: IngestReport, result: ArticleResult, outcome: str) -> None:
    report.outcomes[outcome] = report.outcomes.get(outcome, 0) + 1
    if outcome == "stored":
        report.stored += 1
        report.events += len(result.events)
        report.skipped += result.status == "skipped"
    elif outcome in ("exact", "near"):
        report.duplicates += 1
    elif outcome == "rejected":
        report.rejects += 1
    else:
        report.known += 1


# ------------------------------------------------------------------------------------------- coding

_RESOURCES: Resources | None = None
_TIMEOUT: float | None = None


class WorkerLost(RuntimeError):
    """A coding process died (killed, out of memory): its articles would never come back, so the run stops
    with this instead of waiting forever; what was coded before is committed, and a rerun resumes."""


class ArticleTimeout(Exception):
    """Coding one article took longer than the time limit (process() turns it into the article's error)."""


def _init_worker(config: Config, timeout: float | None) -> None:
    """Pool initializer: load the model and dictionaries once per worker process."""
    global _RESOURCES, _TIMEOUT
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _RESOURCES = Resources.load(config)
    _TIMEOUT = timeout


def _work(item: Article | InputError) -> Done | InputError:
    if isinstance(item, InputError):
        return item
    return code_one(item, _RESOURCES, _TIMEOUT)


def _work_chunk(items: list[Article | InputError]) -> list[Done | InputError]:
    """A pool task: one chunk of input items, coded together, in order."""
    assert _RESOURCES is not None
    return _code_chunk(items, _RESOURCES, _TIMEOUT)


def _code_chunk(items: list[Article | InputError], res: Resources, timeout: float | None) -> list[Done | InputError]:
    articles = [item for item in items if isinstance(item, Article)]
    done = iter(code_many(articles, res, timeout))
    return [item if isinstance(item, InputError) else next(done) for item in items]


def code_one(article: Article, res: Resources, timeout: float | None = TIMEOUT) -> Done:
    """``process`` under a time limit, plus the fingerprint the writer dedups with."""
    try:
        with _time_limit(timeout):
            result = process(article, res)
    except ArticleTimeout as exc:  # process() turns it into the article's error; this is the rare miss
        result = ArticleResult(article=article, error=f"internal error: ArticleTimeout: {exc}", status="error")
    return _done(result)


def code_many(articles: list[Article], res: Resources, timeout: float | None = TIMEOUT) -> list[Done]:
    """``code_one`` over several articles, parsed together (``pipeline.process_many``), in input order.

    The chunk as a whole gets ``timeout`` seconds — many times what a chunk of ordinary articles takes.
    When it runs out, the chunk is coded again one article at a time, each under its own limit, so only
    the slow article is rejected.
    """
    if len(articles) <= 1:
        return [code_one(a, res, timeout) for a in articles]
    limit = _TimeLimit(timeout)
    try:
        with limit:
            results = list(process_many(articles, res))
    except ArticleTimeout:
        limit.fired = True
    if limit.fired or len(results) != len(articles):  # process() may have turned the alarm into an error
        return [code_one(a, res, timeout) for a in articles]
    return [_done(r) for r in results]


def _done(result: ArticleResult) -> Done:
    result.mentions = []  # not stored; no need to ship them back to the writer
    article = result.article
    fp = fingerprint(article.text, article.title) if result.status != "error" else None
    return result, fp


class _TimeLimit:
    """``with _TimeLimit(seconds):`` raises ArticleTimeout after ``seconds`` and remembers that it did
    (``fired``), even when the code it interrupted caught the exception."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.fired = False
        self._cm = None

    def __enter__(self) -> _TimeLimit:
        self._cm = _time_limit(self.seconds, self)
        self._cm.__enter__()
        return self

    def __exit__(self, *exc) -> bool | None:
        return self._cm.__exit__(*exc)


@contextmanager
def _time_limit(seconds: float | None, state: _TimeLimit | None = None) -> Iterator[None]:
    """Raise ArticleTimeout in this thread after ``seconds`` (Unix, main thread only; else no limit)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def alarm(signum, frame):
        if state is not None:
            state.fired = True
        raise ArticleTimeout(f"coding took longer than {seconds:g} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@contextmanager
def _coded(items: Iterator[Article | InputError], workers: int, config: Config, resources: Resources | None,
           timeout: float | None, shared: CodingPool | None = None) -> Iterator[Iterator[Done | InputError]]:
    """Results in input order: in this process, from a pool of ``workers`` processes, or from ``shared``.

    The model is loaded (or the pool started) only once there is an article to code, so a rerun over
    inputs that are all stored already takes no time.
    """
    head: list[Article | InputError] = []
    for item in items:
        head.append(item)
        if isinstance(item, Article):
            break
    if not head or not isinstance(head[-1], Article):
        yield iter(head)
        return
    items = itertools.chain(head, items)
    if shared is not None:
        with shared.coding(items) as results:
            yield results
        return
    if workers <= 1:
        res = resources or Resources.load(config)
        yield (out for chunk in _chunks(items) for out in _code_chunk(chunk, res, timeout))
        return
    pool = _start_pool(workers, config, timeout)
    try:
        with _pooled(pool, items) as results:
            yield results
        pool.close()
        pool.join()
    finally:
        pool.terminate()


def _start_pool(workers: int, config: Config, timeout: float | None) -> Pool:
    # forkserver/spawn, not fork: the parent holds DuckDB's threads, which a fork would copy mid-flight
    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    if method == "forkserver":  # workers fork from a server that has imported spaCy and accord once
        ctx.set_forkserver_preload(list(PRELOAD))
    return ctx.Pool(workers, initializer=_init_worker, initargs=(config, timeout))


@contextmanager
def _pooled(pool: Pool, items: Iterator[Article | InputError]) -> Iterator[Iterator[Done | InputError]]:
    """``items`` coded by ``pool``'s workers, in input order; a dead worker raises WorkerLost."""
    # Pool.imap reads its input as fast as it can; a window keeps only so many articles in flight
    window = threading.Semaphore(WINDOW)
    stop = threading.Event()

    def gated() -> Iterator[Article | InputError]:
        for item in items:
            window.acquire()
            if stop.is_set():
                return
            yield item

    def results() -> Iterator[Done | InputError]:
        chunks = pool.imap(_work_chunk, _chunks(gated()), chunksize=1)
        seen = list(getattr(pool, "_pool", []))  # the pool drops a dead worker from its list: remember all
        while True:
            try:
                chunk = chunks.next(timeout=POLL)
            except StopIteration:
                return
            except mp.TimeoutError:
                _check_workers(pool, seen)
                continue
            seen += [p for p in getattr(pool, "_pool", []) if p not in seen]
            for out in chunk:
                window.release()
                yield out

    try:
        yield results()
    finally:
        stop.set()
        for _ in range(WINDOW + 1):
            window.release()


class CodingPool:
    """Coding processes kept across ``ingest`` calls (``accord serve --watch``: one call per file), so the
    model is loaded once per process and the coding never shares a Python interpreter with the caller.

        with CodingPool(1, config) as pool:
            ingest(["a.jsonl"], store, pool=pool); ingest(["b.jsonl"], store, pool=pool)

    The processes start with the first article to code. When one dies, or a call ends early (an error,
    the caller stopped reading), the pool is ended and the next call starts a new one: a half-read
    ``imap`` of an earlier call must never hand its results to a later one.
    """

    def __init__(self, workers: int, config: Config | None = None, timeout: float | None = TIMEOUT) -> None:
        self.workers, self.config, self.timeout = max(1, workers), config or Config(), timeout
        self._pool: Pool | None = None

    @contextmanager
    def coding(self, items: Iterator[Article | InputError]) -> Iterator[Iterator[Done | InputError]]:
        if self._pool is None:
            self._pool = _start_pool(self.workers, self.config, self.timeout)
        finished = [False]

        def read_all(results: Iterator[Done | InputError]) -> Iterator[Done | InputError]:
            yield from results
            finished[0] = True

        try:
            with _pooled(self._pool, items) as results:
                yield read_all(results)
        finally:
            if not finished[0]:
                self.close()

    @property
    def pids(self) -> list[int]:
        """The coding processes' ids (none before the first article)."""
        return sorted(p.pid for p in getattr(self._pool, "_pool", []))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> CodingPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_workers(pool: Pool, seen: list) -> None:
    """Raise WorkerLost when a worker of ``pool`` has died: multiprocessing replaces it, but the chunk it was
    coding is lost, and ``imap`` would wait for it forever. (``Pool._pool``: its list of worker processes.)"""
    seen += [p for p in getattr(pool, "_pool", []) if p not in seen]
    dead = [p for p in seen if p.exitcode not in (None, 0)]
    if dead:
        p = dead[0]
        how = f"killed by signal {-p.exitcode}" if p.exitcode < 0 else f"exit code {p.exitcode}"
        raise WorkerLost(f"a coding worker process (pid {p.pid}) died, {how}: out of memory, or killed. The "
                         "articles coded before are stored whole; run the same command again to resume")


def _chunks(items: Iterator[Article | InputError], size: int = CHUNK,
            wait: float = CHUNK_WAIT) -> Iterator[list[Article | InputError]]:
    """``items`` in lists of up to ``size`` articles (input errors ride along, uncounted).

    Items are read in a thread: when the input is slow (a feed, stdin), a chunk that has waited ``wait``
    seconds for its next item goes as it is, so articles are never held back for long.
    """
    q: queue.Queue = queue.Queue(maxsize=4 * size)
    end = object()
    failure: list[BaseException] = []
    closed = threading.Event()  # the consumer went away: stop reading

    def put(item: object) -> bool:
        while not closed.is_set():
            try:
                q.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        try:
            for item in items:
                if not put(item):
                    return
        except BaseException as exc:  # handed to the consuming thread, which raises it
            failure.append(exc)
        finally:
            put(end)

    threading.Thread(target=read, name="accord-reader", daemon=True).start()
    chunk: list[Article | InputError] = []
    n_articles = 0
    try:
        while True:
            try:
                item = q.get(timeout=wait) if chunk else q.get()
            except queue.Empty:
                yield chunk
                chunk, n_articles = [], 0
                continue
            if item is end:
                break
            chunk.append(item)
            n_articles += isinstance(item, Article)
            if n_articles >= size:
                yield chunk
                chunk, n_articles = [], 0
        if chunk:
            yield chunk
        if failure:
            raise failure[0]
    finally:
        closed.set()
