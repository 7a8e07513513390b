"""``accord ingest --dask ADDRESS``: code a corpus on a Dask cluster, merge into the store on this machine.

    report = ingest_dask(["corpus.jsonl.gz"], "news.duckdb", "local", workers=2)      # a LocalCluster
    report = ingest_dask(["s3://bucket/news/*.jsonl.gz"], "news.duckdb", "tcp://scheduler:8786",
                         staging="s3://bucket/accord-parts/")

The client (this process) reads the inputs, skips every id the store already holds, records bad items
as rejects, and cuts the rest into partitions of ``partition_size`` articles. Each partition is a Dask
task: the worker codes it as the single-machine path does (``pipeline.process_many`` over chunks of
articles, each chunk under a time limit; the model is loaded once per worker process and kept) and writes the results as
one Parquet file in ``staging`` (default: ``<db>.parts/`` beside the store; on a cluster, a shared
folder or an object-store URL that every worker and the client can reach), named by a hash of its
article ids. The client merges finished partitions, in input order, through the store's one writer
(``Store.write_batch``: dedup, sources, rejects, one transaction per partition) and then deletes the file.

Idempotent and crash-safe like ``ingest``: a rerun merges the partition files a killed run left behind
where their articles stand in the input, so dedup sees the articles in the same order as an
uninterrupted run (the store skips ids it already holds, so a file merged but not yet deleted adds
nothing), and codes only what is still missing.
"""

from __future__ import annotations

import ctypes
import hashlib
import pickle
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from accord.dedup import fingerprint
from accord.errors import InputError
from accord.ingest import TIMEOUT, ArticleTimeout, Done, IngestReport, Progress, _count, recorded_run
from accord.pipeline import Config, Resources, process, process_many
from accord.readers import estimate_count, iter_inputs
from accord.store import Store
from accord.types import Article, ArticleResult

if TYPE_CHECKING:
    from distributed import Client

PARTITION_SIZE = 200  # articles per task and per Parquet file
CHUNK = 32  # articles parsed together inside a task (one nlp.pipe call), each chunk under the time limit

_WORKER_RESOURCES: dict[Config, Resources] = {}  # per worker process: loaded by its first task, then kept
_LOADING = threading.Lock()


def ingest_dask(
    paths: Iterable[str],
    db: str | Path | Store,
    address: str = "local",
    *,
    workers: int = 2,
    config: Config | None = None,
    partition_size: int = PARTITION_SIZE,
    staging: str | None = None,
    progress: Progress | None = None,
    default_date: str | None = None,
    timeout: float | None = TIMEOUT,
    command: str | None = None,
) -> IngestReport:
    """Code ``paths`` on the Dask cluster at ``address`` ("local": a LocalCluster of ``workers``
    single-threaded processes) and store the results in ``db``; returns what happened, as ``ingest``.

    ``staging`` is a folder or fsspec URL for the partition files; ``timeout`` limits the seconds one
    article may take on a worker (it is then rejected, as in ``ingest``).
    """
    paths = list(paths)
    config = config or Config()
    with recorded_run(db, command or f"ingest --dask {address} " + " ".join(paths)) as (store, report, started):
        staging = staging or str(store.path) + ".parts"
        if "://" not in staging:  # a local or shared folder: the same absolute path for every worker
            staging = str(Path(staging).resolve())
        total = estimate_count(paths) if progress else None
        # a killed run's finished partitions are merged where their articles stand in the input, not
        # first: a near-duplicate pair split across them would otherwise keep the later one as original
        leftovers = {aid: url for url in _list_parts(staging) for aid in _part_ids(url)}
        known, rejected = store.known_input_ids(), store.reject_keys()
        parts = _partitions(paths, default_date, known, rejected, store, report, partition_size, leftovers)
        with _client(address, workers) as cluster:  # started (or reached) only when there is work for it
            pending: deque = deque()  # in input order: coding tasks, and leftover files ready to merge
            for part in parts:
                if isinstance(part, str):
                    pending.append(part)
                    continue
                while len(pending) >= _window(cluster.client):
                    _merge(store, _ready(pending.popleft()), report)
                    _tick(progress, report, started, total)
                url = _part_url(staging, part)
                pending.append(cluster.client.submit(_code_partition, part, config, timeout, url, pure=False))
            while pending:
                _merge(store, _ready(pending.popleft()), report)
                _tick(progress, report, started, total)
        _tidy(staging)
    if progress:
        progress(report, report.done)
    return report


class _client:  # noqa: N801 — used as a context manager, like a function
    """A ``distributed.Client`` for ``address``, made when ``.client`` is first asked for; for "local", on a
    LocalCluster it starts then, and stops on the way out."""

    def __init__(self, address: str, workers: int) -> None:
        self.address, self.workers = address, workers
        self.cluster = self._client = None

    @property
    def client(self) -> Client:
        if self._client is None:
            from distributed import Client, LocalCluster

            if self.address == "local":
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                            dashboard_address=":0")  # any free port: never clash
                self._client = Client(self.cluster)
            else:
                self._client = Client(self.address)
        return self._client

    def __enter__(self) -> _client:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if self._client is not None:
                self._client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()


def _window(client: Client) -> int:
    """Partitions in flight at most: two per worker thread, so no worker waits while the client merges
    (asked each time: a Slurm or Kubernetes cluster may still be growing)."""
    return max(2, 2 * sum(client.nthreads().values()))


def _ready(item: object) -> str:
    """A leftover file's URL as it is; a coding task's when it is done."""
    return item if isinstance(item, str) else item.result()  # type: ignore[attr-defined]


def _partitions(paths: list[str], default_date: str | None, known: set[str], rejected: set[tuple[str, str]],
                store: Store, report: IngestReport, size: int,
                leftovers: dict[str, str] | None = None) -> Iterator[list[Article] | str]:
    """New articles in lists of ``size``; bad items become rejects, known ids are counted and dropped
    (exactly as ``ingest`` does before any NLP). A killed run's partition file (``leftovers``: article id
    → file) is yielded as its URL where its first article stands, its articles are not coded again; a
    file none of whose articles is in the input comes last."""
    leftovers = leftovers or {}
    placed: set[str] = set()
    part: list[Article] = []
    for item in iter_inputs(paths, default_date):
        report.read += 1
        if isinstance(item, InputError):
            if (item.input, item.item) in rejected:
                report.known += 1
            else:
                store.add_reject(item)
                report.rejects += 1
                report.outcomes["rejected"] = report.outcomes.get("rejected", 0) + 1
            continue
        leftover = leftovers.get(item.id)
        if leftover is not None:  # coded already: merged (and counted) from its file, in its place
            if leftover not in placed:
                placed.add(leftover)
                if part:
                    yield part
                    part = []
                yield leftover
            continue
        if item.id in known or (item.source or "", item.id) in rejected:
            report.known += 1
            continue
        part.append(item)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part
    yield from sorted(set(leftovers.values()) - placed)


# ------------------------------------------------------------------------------------- on the worker


def _code_partition(articles: list[Article], config: Config, timeout: float | None, url: str) -> str:
    """A Dask task: code ``articles`` and write them to ``url`` as Parquet (id, pickled (result, fp))."""
    import pyarrow as pa

    res = _worker_resources(config)
    done = [d for i in range(0, len(articles), CHUNK) for d in code_articles(articles[i:i + CHUNK], res, timeout)]
    table = pa.table({
        "id": pa.array([r.article.id for r, _ in done], pa.string()),
        "done": pa.array([pickle.dumps(d, protocol=pickle.HIGHEST_PROTOCOL) for d in done], pa.binary()),
    })
    _write_atomically(table, url)
    return url


def _worker_resources(config: Config) -> Resources:
    with _LOADING:  # a worker with several threads loads the model once, not once per thread
        res = _WORKER_RESOURCES.get(config)
        if res is None:
            res = _WORKER_RESOURCES[config] = Resources.load(config)
        return res


def code_articles(articles: list[Article], res: Resources, timeout: float | None = TIMEOUT) -> list[Done]:
    """What ``ingest`` does to a chunk of articles (``pipeline.process_many``: parsed together, in input
    order; each result with its dedup fingerprint), under a time limit that works in any thread: Dask
    runs tasks in a worker's thread pool, where ``ingest``'s SIGALRM cannot reach.

    The chunk gets ``timeout`` seconds; when they run out, it is coded again one article at a time, each
    with its own limit, so only the slow article is rejected.
    """
    if not timeout:
        return [_done(r) for r in process_many(articles, res)]
    limit = ThreadTimeLimit(timeout)
    results: list[ArticleResult] = []
    try:
        with limit:
            results = list(process_many(articles, res))
    except ArticleTimeout:
        limit.fired = True
    if not limit.fired and len(results) == len(articles):
        return [_done(r) for r in results]
    return [_one(a, res, timeout) for a in articles]


def _one(article: Article, res: Resources, timeout: float) -> Done:
    limit = ThreadTimeLimit(timeout)
    try:
        with limit:
            result = process(article, res)  # turns the timeout into the article's error
    except ArticleTimeout as exc:  # ... unless it arrived just outside
        result = ArticleResult(article=article, error=f"internal error: ArticleTimeout: {exc}", status="error")
    return _done(result)


def _done(result: ArticleResult) -> Done:
    """The result as ``ingest.code_one`` returns it: no mentions (not stored), plus the fingerprint."""
    result.mentions = []
    a = result.article
    return result, (fingerprint(a.text, a.title) if result.status != "error" else None)


class _Timeout(ArticleTimeout):
    """Raised by ThreadTimeLimit (as a class: an asynchronous exception cannot carry arguments)."""

    def __init__(self, *args: object) -> None:
        super().__init__(*(args or ("coding took longer than the time limit",)))


_Timeout.__name__ = _Timeout.__qualname__ = "ArticleTimeout"  # rejects read "internal error: ArticleTimeout: …"


class ThreadTimeLimit:
    """``with ThreadTimeLimit(seconds):`` raises ArticleTimeout in this thread after ``seconds``, in any
    thread (a timer thread sets an asynchronous exception); ``fired`` tells whether it did.

    Like a signal handler, the exception arrives between two Python bytecodes, so a long call into C
    is interrupted when it returns. An exception set but not yet raised when the block ends is dropped.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.fired = False
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._thread = 0

    def __enter__(self) -> ThreadTimeLimit:
        self._thread = threading.get_ident()
        self._timer = threading.Timer(self.seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()
        return self

    def _fire(self) -> None:
        with self._lock:
            if self._timer is None:  # the block has ended
                return
            self.fired = True
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread), ctypes.py_object(_Timeout))

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self.fired:  # set but perhaps not raised yet: it must not surface after the block
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread), None)


# ----------------------------------------------------------------------------------- staging files


def _write_atomically(table, url: str) -> None:
    """Write ``table`` as Parquet to ``url``: complete or absent (a temporary name, then a rename)."""
    import fsspec
    import pyarrow.parquet as pq

    fs, path = fsspec.core.url_to_fs(url)
    fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
    tmp = f"{path}.{uuid.uuid4().hex[:8]}.tmp"  # unique: Dask may run a task twice (a worker lost)
    with fs.open(tmp, "wb") as fh:
        pq.write_table(table, fh)
    fs.mv(tmp, path)


def _merge(store: Store, url: str, report: IngestReport) -> list[str]:
    """Store one partition file through the one writer, then delete it; returns its article ids."""
    import fsspec
    import pyarrow.parquet as pq

    fs, path = fsspec.core.url_to_fs(url)
    with fs.open(path, "rb") as fh:
        table = pq.read_table(fh)
    done: list[Done] = [pickle.loads(b) for b in table.column("done").to_pylist()]  # noqa: S301 — our own files
    outcomes = store.write_batch([r for r, _ in done], [f for _, f in done])
    for (result, _), outcome in zip(done, outcomes, strict=True):
        _count(report, result, outcome)
    fs.rm(path)  # a crash before this line: the next run merges the file again, and stores nothing twice
    return [r.article.id for r, _ in done]


def _part_ids(url: str) -> list[str]:
    """The article ids of one partition file."""
    import fsspec
    import pyarrow.parquet as pq

    fs, path = fsspec.core.url_to_fs(url)
    with fs.open(path, "rb") as fh:
        return pq.read_table(fh, columns=["id"]).column("id").to_pylist()


def _part_url(staging: str, part: list[Article]) -> str:
    h = hashlib.sha1("\n".join(a.id for a in part).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return staging.rstrip("/") + f"/part-{h}.parquet"


def _list_parts(staging: str) -> list[str]:
    import fsspec

    fs, path = fsspec.core.url_to_fs(staging)
    if not fs.exists(path):
        return []
    protocol = staging.split("://", 1)[0] + "://" if "://" in staging else ""
    return sorted(protocol + p for p in fs.glob(path.rstrip("/") + "/part-*.parquet"))


def _tidy(staging: str) -> None:
    """After a run: delete temporary files of lost tasks, then the staging folder if it is empty."""
    import fsspec

    try:
        fs, path = fsspec.core.url_to_fs(staging)
        if not fs.exists(path) or fs.glob(path.rstrip("/") + "/part-*.parquet"):
            return
        for tmp in fs.glob(path.rstrip("/") + "/part-*.tmp"):
            fs.rm(tmp)
        if not fs.ls(path):
            fs.rmdir(path)
    except OSError:
        pass  # left for the next run; nothing depends on it


def _tick(progress: Progress | None, report: IngestReport, started: float, total: int | None) -> None:
    if progress:
        report.seconds = time.monotonic() - started
        progress(report, total)
