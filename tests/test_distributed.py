"""``accord ingest --dask``: a 2-worker LocalCluster stores exactly what the single-machine path stores,
and a run killed between coding and merging loses and duplicates nothing."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from accord.ingest import ingest
from accord.readers import iter_inputs
from accord.store import Store
from accord.types import Article, ArticleResult

pytest.importorskip("distributed")

DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus.jsonl"


def _demo(tmp_path: Path, n: int) -> Path:
    rows = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines()[:n]]
    src = tmp_path / "demo.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows) + "{broken json\n", encoding="utf-8")
    return src


def _events(db: Path) -> set[tuple]:
    with Store(db, read_only=True) as s:
        return set(s.con.execute(
            "SELECT article_id, source_code, target_code, cameo, span_start, span_end FROM events").fetchall())


@pytest.mark.model
def test_distributed_local_cluster_stores_the_same_events_as_one_machine(tmp_path):
    from accord.distributed import ingest_dask

    src = _demo(tmp_path, 10)
    single = ingest([str(src)], tmp_path / "one.duckdb")
    report = ingest_dask([str(src)], tmp_path / "dask.duckdb", "local", workers=2, partition_size=3)

    assert (report.read, report.stored, report.rejects) == (single.read, single.stored, single.rejects) == (11, 10, 1)
    assert _events(tmp_path / "dask.duckdb") == _events(tmp_path / "one.duckdb") != set()
    assert not (tmp_path / "dask.duckdb.parts").exists()  # merged partitions are removed, then the folder

    again = ingest_dask([str(src)], tmp_path / "dask.duckdb", "local", workers=2)  # a rerun adds nothing
    assert (again.stored, again.rejects, again.known) == (0, 0, 11)
    with Store(tmp_path / "dask.duckdb", read_only=True) as s:
        assert (s.stats()["articles"], s.stats()["rejects"]) == (10, 1)


class _Inline:
    """A stand-in for the cluster: each task runs in this process when submitted."""

    def __init__(self, address: str, workers: int) -> None:
        self.client = self

    def __enter__(self) -> _Inline:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def nthreads(self) -> dict[str, int]:
        return {"inline": 1}

    def submit(self, fn, *args, pure: bool = True):
        out = fn(*args)
        return type("Done", (), {"result": lambda self: out})()


@pytest.mark.model
def test_distributed_rerun_merges_a_leftover_partition_in_its_place_so_dedup_keeps_the_first(tmp_path, resources,
                                                                                               monkeypatch):
    """Killed with a later partition coded and an earlier one not: the rerun merges the leftover after
    the earlier articles, so of two copies of a story the first in the input stays the original, as in
    an uninterrupted run (merged first, the later copy became the original; found on the whole Reuters
    corpus by benchmarks/bench_crash.py --dask)."""
    import accord.distributed as dist
    from accord.pipeline import Config

    monkeypatch.setitem(dist._WORKER_RESOURCES, Config(), resources)
    monkeypatch.setattr(dist, "_client", _Inline)
    demo = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines()[:3]]
    rows = [{**demo[0], "id": "first"}, {**demo[1], "id": "other"}, {**demo[2], "id": "third"},
            {**demo[0], "id": "again"}]  # "again" repeats "first"
    src = tmp_path / "dups.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    one = tmp_path / "one.duckdb"
    ingest([str(src)], one, resources=resources)

    db, staging = tmp_path / "k.duckdb", str(tmp_path / "k.duckdb.parts")
    articles = [a for a in iter_inputs([str(src)]) if isinstance(a, Article)]
    late = articles[2:]  # "third" and "again" were coded, "first" and "other" were still on their way
    dist._code_partition(late, Config(), None, dist._part_url(staging, late))
    dist.ingest_dask([str(src)], db, "local", staging=staging, partition_size=2)

    def sources(path):
        with Store(path, read_only=True) as s:
            return s.con.execute("SELECT article_id, input_id, kind FROM article_sources ORDER BY ALL").fetchall()

    assert sources(db) == sources(one)
    assert ("first", "again") in {(a, i) for a, i, _ in sources(db)}  # the repeat is a source of the first
    assert not Path(staging).exists()


@pytest.mark.model
def test_distributed_rerun_after_a_killed_client_merges_leftover_partitions_once(tmp_path, resources, monkeypatch):
    """The client died after a worker wrote partition B and after partition A was merged but before its
    file was deleted: the rerun merges both, stores every article once and needs no cluster at all."""
    import accord.distributed as dist
    from accord.pipeline import Config

    monkeypatch.setitem(dist._WORKER_RESOURCES, Config(), resources)  # the "worker" is this process
    src = _demo(tmp_path, 6)
    db, staging = tmp_path / "k.duckdb", str(tmp_path / "k.duckdb.parts")
    articles = [a for a in iter_inputs([str(src)]) if isinstance(a, Article)]
    part_a, part_b = articles[:3], articles[3:]
    with Store(db) as store:
        dist._merge(store, dist._code_partition(part_a, Config(), None, dist._part_url(staging, part_a)),
                    dist.IngestReport())
    dist._code_partition(part_a, Config(), None, dist._part_url(staging, part_a))  # A again: not yet deleted
    dist._code_partition(part_b, Config(), None, dist._part_url(staging, part_b))  # B: coded, never merged

    report = dist.ingest_dask([str(src)], db, "tcp://127.0.0.1:9", staging=staging)  # unreachable: not needed

    assert (report.read, report.stored, report.rejects, report.known) == (7, 3, 1, 3)
    with Store(db, read_only=True) as s:
        assert s.stats()["articles"] == 6
        assert s.con.execute("SELECT count(*) - count(DISTINCT id) FROM articles").fetchone()[0] == 0
    assert not Path(staging).exists()


def test_distributed_thread_time_limit_interrupts_a_worker_thread_and_only_that_article(monkeypatch):
    """Dask runs tasks in worker threads, where SIGALRM cannot reach: an article that hangs there is
    still rejected after ``timeout`` seconds, and the articles of its chunk are coded."""
    import accord.distributed as dist

    def process(article, res):
        if article.id == "hang":
            while True:  # pure Python, like the coder: the limit's exception arrives between bytecodes
                time.sleep(0.01)
        return ArticleResult(article=article)

    def process_many(articles, res):  # like the real one: an article's exception is that article's error
        for a in articles:
            try:
                yield process(a, res)
            except Exception as exc:
                yield ArticleResult(article=a, error=f"internal error: {exc.__class__.__name__}: {exc}", status="error")

    monkeypatch.setattr(dist, "process", process)
    monkeypatch.setattr(dist, "process_many", process_many)
    chunk = [Article(id="a", text="Iran met Iraq."), Article(id="hang", text="x"), Article(id="b", text="Peace.")]
    out: list = []
    t = threading.Thread(target=lambda: out.extend(dist.code_articles(chunk, None, timeout=0.3)), daemon=True)
    started = time.monotonic()
    t.start()
    t.join(timeout=10)

    assert not t.is_alive() and time.monotonic() - started < 5
    assert [(r.article.id, r.status) for r, _ in out] == [("a", "coded"), ("hang", "error"), ("b", "coded")]
    assert "ArticleTimeout" in out[1][0].error
    time.sleep(0.5)  # and no stray exception surfaces in the thread afterwards
