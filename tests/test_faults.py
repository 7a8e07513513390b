"""Faults: a full disk, no permission, a corrupt or foreign file, an older schema, a killed worker, a hanging
article. Each ends in a clear error or an automatic migration, and never in a half-written article:
after every fault the store is checked with :func:`assert_whole`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from accord.errors import StoreError
from accord.store import Store, migrations
from accord.types import Actor, Amount, Article, ArticleResult, Event, Location, Quote

ROOT = Path(__file__).resolve().parent.parent
DERIVED = ("events", "quotes", "amounts", "locations")


def coded(i: int, words: int = 40) -> ArticleResult:
    """A coded article built by hand (no model): one event, quote, amount and location, ``words`` long."""
    text = f"Article {i}: Iran pledged to join the SCO. " + " ".join(f"w{i}x{k}" for k in range(words))
    iran = Actor("Iran", "IRN", "IRN")
    return ArticleResult(
        article=Article(id=f"a{i:04d}", text=text, date="2022-09-15", source="faults"), status="coded",
        events=[Event(source=iran, target=Actor("SCO", "IGOSCO", igo="SCO"), cameo="057", sentence="Iran pledged",
                      span=(14, 26), rule="test", sentence_span=(14, 44))],
        quotes=[Quote(speaker=iran, text="to join", span=(27, 34))],
        amounts=[Amount(value=1.0, unit=None, text="1", span=(8, 9))],
        locations=[Location(name="Iran", country="IRN", span=(14, 18))],
    )


def assert_whole(db: Path, expected: dict[str, int] | None = None) -> dict[str, int]:
    """Every article has all its rows or none: no derived row without its article, every article with its
    ``original`` source row, and each article's rows numbered 0..n-1 in every table (none missing).
    ``expected``: rows per article and table, for articles written by :func:`coded` (1 each)."""
    with Store(db, read_only=True) as s:
        q = s.con.execute
        ids = {r[0] for r in q("SELECT id FROM articles").fetchall()}
        originals = {r[0] for r in q("SELECT article_id FROM article_sources WHERE kind = 'original'").fetchall()}
        assert originals == ids, "an article without its source row, or a source row without its article"
        for table in DERIVED:
            orphans = q(f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)").fetchall()
            assert orphans == [(0,)], f"{table} rows of an article that is not stored"
            gaps = q(f"SELECT article_id FROM {table} GROUP BY article_id HAVING max(idx) + 1 <> count(*)").fetchall()
            assert not gaps, f"{table}: rows missing in {gaps[:3]}"
            if expected is not None:
                per = dict(q(f"SELECT article_id, count(*) FROM {table} GROUP BY 1").fetchall())
                assert all(per.get(a, 0) == expected[table] for a in ids), f"{table}: an article lacks rows"
        return {"articles": len(ids), "rejects": q("SELECT count(*) FROM rejects").fetchall()[0][0]}


ONE_EACH = dict.fromkeys(DERIVED, 1)


# ------------------------------------------------------------------------------------------- full disk


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 3 MB tmpfs mounted for the test (needs root and mount; else the test is skipped)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    mnt = tmp_path / "disk"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_faults_disk_full_is_a_clear_error_and_every_stored_article_is_whole(small_disk: Path, tmp_path: Path):
    db = small_disk / "s.duckdb"
    written = 0
    with Store(db) as store, pytest.raises(StoreError) as err:
        for i in range(0, 10_000, 5):
            outcomes = store.write_batch([coded(k, words=2_000) for k in range(i, i + 5)])
            assert outcomes == ["stored"] * 5  # until the disk is full: then a StoreError, never a reject
            written += 5
    message = str(err.value)
    assert "the disk is full" in message and "run the same command again to resume" in message
    assert written > 0
    copy = tmp_path / "copy.duckdb"  # what a user would do: move the store to a disk with room, and go on
    for f in small_disk.iterdir():
        shutil.copy(f, tmp_path / f.name.replace("s.duckdb", "copy.duckdb"))
    assert assert_whole(copy, ONE_EACH) == {"articles": written, "rejects": 0}
    with Store(copy) as store:  # the rerun stores the rest; nothing was recorded as a reject
        assert store.write_batch([coded(written)]) == ["stored"]


def test_faults_disk_full_before_the_store_exists_is_a_clear_error(small_disk: Path):
    (small_disk / "filler").write_bytes(b"\0" * (3 * 1024 * 1024))  # ENOSPC past here
    with pytest.raises(StoreError) as err:
        Store(small_disk / "s.duckdb").close()
    assert str(err.value).startswith("cannot open") and "the disk is full" in str(err.value)
    assert not (small_disk / "s.duckdb").exists()  # no empty file left to be refused as "not DuckDB" later


# ------------------------------------------------------------------------------------- no permission


def _open_as_nobody(path: Path, read_only: bool) -> str:
    """Open the store in a forked child that has become user ``nobody``; returns what it reported."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: no pytest from here on, only os._exit
        os.close(r)
        try:
            os.setgid(65534)
            os.setuid(65534)
            try:
                Store(path, read_only=read_only).close()
                out = "opened"
            except StoreError as exc:
                out = "StoreError: " + str(exc)
            except BaseException as exc:  # noqa: BLE001 - reported to the parent, which fails the test
                out = f"{exc.__class__.__name__}: {exc}"
            os.write(w, out.encode())
        finally:
            os._exit(0)
    os.close(w)
    with os.fdopen(r) as fh:
        out = fh.read()
    os.waitpid(pid, 0)
    return out


@pytest.fixture
def open_dir():
    """A folder under /tmp that every user may enter (pytest's own tmp_path is its owner's alone)."""
    import tempfile

    d = Path(tempfile.mkdtemp(prefix="accord-faults-"))
    d.chmod(0o755)
    try:
        yield d
    finally:
        for p in [d, *d.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)
        shutil.rmtree(d)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_faults_permission_denied_on_the_store_is_a_clear_error(open_dir: Path):
    folder = open_dir / "shared"
    folder.mkdir()
    db = folder / "s.duckdb"
    with Store(db) as store:
        store.write_batch([coded(1)])
    db.chmod(0o444)  # readable, not writable: by the owner (root) or, below, by anyone else
    folder.chmod(0o755)
    if os.geteuid() == 0:
        got = _open_as_nobody(db, read_only=False)
        assert got.startswith("StoreError: cannot open") and "permission denied" in got, got
        assert _open_as_nobody(db, read_only=True) == "opened"  # reading needs only read permission
    else:
        with pytest.raises(StoreError, match="permission denied"):
            Store(db)
    assert assert_whole(db, ONE_EACH) == {"articles": 1, "rejects": 0}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_faults_permission_denied_on_the_folder_of_a_new_store_is_a_clear_error(open_dir: Path):
    folder = open_dir / "locked"
    folder.mkdir()
    folder.chmod(0o555)  # no new file here
    try:
        if os.geteuid() == 0:
            got = _open_as_nobody(folder / "s.duckdb", read_only=False)
        else:
            with pytest.raises(StoreError) as err:
                Store(folder / "s.duckdb")
            got = "StoreError: " + str(err.value)
        assert got.startswith("StoreError: cannot open") and "permission denied" in got, got
    finally:
        folder.chmod(0o755)
    assert not (folder / "s.duckdb").exists()


# ------------------------------------------------------------------------------- corrupt and foreign


def test_faults_a_foreign_duckdb_database_is_refused_and_left_as_it_is(tmp_path: Path):
    db = tmp_path / "prices.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE prices (day DATE, close DOUBLE); INSERT INTO prices VALUES ('2022-01-03', 1.5)")
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match=r"not an accord store \(its tables: prices\)"):
            Store(db, read_only=read_only)
    con = duckdb.connect(str(db), read_only=True)
    assert [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()] == ["prices"]
    con.close()


def test_faults_a_sqlite_file_is_not_a_duckdb_store(tmp_path: Path):
    import sqlite3

    db = tmp_path / "news.duckdb"
    sqlite3.connect(db).execute("CREATE TABLE articles (id TEXT)").connection.commit()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="is not a DuckDB database"):
        Store(db)
    assert db.read_bytes() == before


def test_faults_a_torn_write_after_the_header_is_a_clear_error_or_whole(tmp_path: Path):
    """Bytes of a store overwritten past its header (a torn write): opening it is a StoreError that says
    the file is damaged; or, when the damage is in a block no query reads, the articles are still whole."""
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.write_batch([coded(i) for i in range(50)])
    data = bytearray(db.read_bytes())
    for at in range(8192, len(data), 4096 * 7):
        data[at:at + 64] = b"\xa5" * 64
    db.write_bytes(bytes(data))
    try:
        whole = assert_whole(db, ONE_EACH)
    except StoreError as exc:
        assert "damaged" in str(exc) or "cannot open" in str(exc), exc
    except duckdb.Error as exc:  # DuckDB found a bad block checksum while reading a table
        assert "checksum" in str(exc).lower() or "corrupt" in str(exc).lower(), exc
    else:
        assert whole["articles"] == 50


# ------------------------------------------------------------------------------------ an older schema


def older_store(path: Path, upto: int = 3) -> None:
    """A store as an accord with only migrations 001..``upto`` made it, holding one article."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
                " applied_at TIMESTAMP DEFAULT current_timestamp)")
    for version, name, sql in migrations():
        if version <= upto:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
    con.execute("INSERT INTO articles (id, text, status, hash) VALUES ('old', 'Iran pledged to join.', 'coded', 'h')")
    con.execute("INSERT INTO article_sources (article_id, input_id, kind) VALUES ('old', 'old', 'original')")
    con.execute("INSERT INTO events (article_id, idx, span_start, span_end, source_name, source_code, cameo, cameo_root)"
                " VALUES ('old', 0, 0, 4, 'Iran', 'IRN', '057', '05')")
    con.close()


def test_faults_an_older_store_reads_read_only_without_being_changed(tmp_path: Path):
    db = tmp_path / "v3.duckdb"
    older_store(db)
    before = db.read_bytes()
    with Store(db, read_only=True) as store:
        stats = store.stats()
        versions = [r[0] for r in store.con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
    assert (stats["articles"], stats["events"], stats["events_without_confidence"]) == (1, 1, 1)
    assert versions == [1, 2, 3] and db.read_bytes() == before


def test_faults_an_older_store_is_migrated_when_opened_for_writing(tmp_path: Path):
    db = tmp_path / "v3.duckdb"
    older_store(db)
    with Store(db) as store:
        versions = [r[0] for r in store.con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
        assert store.write_batch([coded(1)]) == ["stored"]
        old = store.con.execute("SELECT cameo, confidence FROM events WHERE article_id = 'old'").fetchall()
    assert versions == [v for v, _, _ in migrations()]
    assert old == [("057", None)]  # the old article's event kept, with the columns added since
    assert assert_whole(db)["articles"] == 2


# --------------------------------------------------------------------- workers: killed, hanging


STORY = "{a} {verb} {b} over {topic} on day {n}, officials said. The talks in the capital went on for hours."
NAMES = ["Iran", "Iraq", "Turkey", "Egypt", "Japan", "Brazil", "Kenya", "Chile", "Norway", "Peru"]
VERBS = ["met officials from", "criticised", "sent aid to", "held talks with", "accused", "praised"]


def generated(n: int) -> list[dict]:
    return [{"id": f"g{i:04d}", "date": "2022-09-15",
             "text": " ".join(STORY.format(a=NAMES[(i + k) % 10], verb=VERBS[(i * 3 + k) % 6], b=NAMES[(i * 7 + k + 1) % 10],
                                           topic=f"topic {k}", n=i * 10 + k) for k in range(3))} for i in range(n)]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.model
@pytest.mark.slow  # ~80 s: two runs of two worker processes, each loading the model
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_faults_a_killed_worker_stops_the_run_with_a_clear_error_and_the_rerun_resumes(tmp_path: Path):
    import psutil

    n = 400
    src = write_jsonl(tmp_path / "in.jsonl", generated(n))
    db = tmp_path / "s.duckdb"
    cmd = [sys.executable, "-m", "accord.cli", "ingest", str(src), "--db", str(db), "--workers", "2", "--progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env=dict(os.environ, PYTHONUNBUFFERED="1"))
    killed = None
    try:
        deadline = time.monotonic() + 240
        while killed is None and time.monotonic() < deadline and proc.poll() is None:
            line = proc.stderr.readline()
            m = re.search(r"([\d,]+) stored", line)
            if m and int(m.group(1).replace(",", "")) > 0:
                me = psutil.Process(proc.pid)
                workers = [p for p in me.children(recursive=True) if p.ppid() != proc.pid]  # the forkserver's children
                if workers:
                    killed = workers[0].pid
                    os.kill(killed, signal.SIGKILL)
        out, err = proc.communicate(timeout=120)  # it must end, not wait for the lost chunk forever
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert killed is not None, "the run ended before a worker could be killed"
    assert proc.returncode == 1, err[-2000:]
    assert f"(pid {killed}) died, killed by signal 9" in err and "Traceback" not in err
    partial = assert_whole(db)
    assert 0 < partial["articles"] < n and partial["rejects"] == 0

    rerun = subprocess.run(cmd[:-1], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    with Store(db, read_only=True) as s:
        ids = [r[0] for r in s.con.execute("SELECT input_id FROM article_sources ORDER BY 1").fetchall()]
    assert ids == [f"g{i:04d}" for i in range(n)] and assert_whole(db)["rejects"] == 0


@pytest.mark.model
@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs signal.setitimer")
def test_faults_a_hanging_article_is_stopped_by_the_time_limit_and_the_batch_goes_on(tmp_path, resources, monkeypatch):
    """An article that never finishes coding (here a quote finder that hangs on it) is rejected when its
    time limit runs out; the articles before and after it are stored."""
    from accord import pipeline
    from accord.ingest import ingest

    real = pipeline.quotes_mod.find_quotes

    def hangs_on_marker(doc, mentions, *args):
        while "Hangzhou" in doc.text:
            time.sleep(0.01)
        return real(doc, mentions, *args)

    monkeypatch.setattr(pipeline.quotes_mod, "find_quotes", hangs_on_marker)
    rows = generated(6)
    rows[3]["text"] = "China's President Xi Jinping met Joe Biden in Hangzhou on Tuesday. " + rows[3]["text"]
    db = tmp_path / "s.duckdb"
    started = time.monotonic()
    report = ingest([str(write_jsonl(tmp_path / "in.jsonl", rows))], db, resources=resources, timeout=1.0)
    assert time.monotonic() - started < 60
    assert (report.stored, report.rejects) == (5, 1)
    with Store(db, read_only=True) as s:
        [(item, reason)] = s.con.execute("SELECT item, reason FROM rejects").fetchall()
    assert item == "g0003" and "longer than 1 s" in reason
    assert assert_whole(db)["articles"] == 5


# ---------------------------------------------------------------------------------------- resource bounds


@pytest.mark.model
def test_faults_an_article_over_max_chars_is_rejected_with_its_length_and_the_limit(resources):
    from dataclasses import replace

    from accord.pipeline import Config, process

    small = replace(resources, config=Config(max_chars=120))
    text = "Iran on Thursday pledged to join the Shanghai Cooperation Organization. " * 2  # 144 characters
    over = process(Article(id="long", text=text), small)
    assert (over.status, over.events) == ("error", [])
    assert over.error == "text too long: 144 characters (limit 120)"
    assert process(Article(id="fits", text=text[:120]), small).status == "coded"

    started = time.monotonic()  # the default limit, 1,000,000 characters, is checked before any work
    huge = process(Article(id="huge", text="x" * 1_000_001), resources)
    assert huge.error.startswith("text too long: 1,000,001 characters (limit 1,000,000") and time.monotonic() - started < 1


@pytest.mark.model
def test_faults_max_chars_on_the_command_line(resources, tmp_path: Path):
    from click.testing import CliRunner

    from accord.cli import main

    text = "Iran on Thursday pledged to join the Shanghai Cooperation Organization."
    out = CliRunner().invoke(main, ["code", text, "--max-chars", "20", "--format", "jsonl"])
    assert out.exit_code == 0 and json.loads(out.output)["error"].startswith("text too long: 71 characters (limit 20")
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "short", "text": text}, {"id": "long", "text": text * 3}])
    db = tmp_path / "s.duckdb"
    out = CliRunner().invoke(main, ["ingest", str(src), "--db", str(db), "--max-chars", "100", "--no-progress"])
    assert out.exit_code == 0, out.output
    with Store(db, read_only=True) as s:
        assert s.con.execute("SELECT id FROM articles").fetchall() == [("short",)]
        [(item, reason)] = s.con.execute("SELECT item, reason FROM rejects").fetchall()
    assert item == "long" and reason.startswith("text too long: 213 characters (limit 100")
