"""``accord ingest`` and ``accord stats`` from the command line, including a real kill -9 and resume."""

from __future__ import annotations

import json
import os
import random
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from accord.cli import main
from accord.cli_store import COMMANDS
from accord.store import Store
from accord.types import Article, ArticleResult

ROOT = Path(__file__).resolve().parent.parent


def test_cli_store_every_command_and_option_has_help():
    for cmd in COMMANDS:
        assert cmd.help, f"accord {cmd.name} has no help"
        for param in cmd.params:
            if param.param_type_name == "option":
                assert param.help, f"accord {cmd.name} {param.opts[0]} has no help"
        out = CliRunner().invoke(main, [cmd.name, "--help"])
        assert out.exit_code == 0 and "Usage: main" in out.output or "Usage:" in out.output


def test_cli_store_stats_json_prints_exactly_the_stats(tmp_path: Path):
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.write(ArticleResult(article=Article(id="a", text="Iran pledged to join the SCO on Thursday.")))
        expected = s.stats()
    out = CliRunner().invoke(main, ["stats", "--db", str(db), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output) == expected
    assert expected["articles"] == 1


def test_cli_store_stats_of_a_missing_store_is_a_clean_error(tmp_path: Path):
    out = CliRunner().invoke(main, ["stats", "--db", str(tmp_path / "nope.duckdb"), "--format", "json"])
    assert out.exit_code == 1 and "no accord store" in out.output


# ------------------------------------------------------------------------------------------- kill -9

COUNTRIES = ["Iran", "Iraq", "Turkey", "Egypt", "Japan", "Brazil", "Kenya", "Chile", "Norway", "Peru", "Ghana",
             "Nepal", "Oman", "Cuba", "Mali", "Laos"]
VERBS = ["met officials from", "signed a trade deal with", "criticised", "sent aid to", "held talks with",
         "accused", "praised", "imposed tariffs on", "opened an embassy in", "pledged support for"]
TOPICS = ["wheat", "oil", "rail links", "fishing rights", "water", "vaccines", "ports", "tariffs", "visas"]


def generated(n: int, seed: int = 7) -> list[dict]:
    """``n`` short, distinct news-like articles (no two are near-duplicates)."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        sents = [f"{rng.choice(COUNTRIES)} {rng.choice(VERBS)} {rng.choice(COUNTRIES)} over {rng.choice(TOPICS)} "
                 f"on day {rng.randint(1, 10_000)}, officials said." for _ in range(4)]
        rows.append({"id": f"g{i:04d}", "text": " ".join(sents), "date": "2022-09-15"})
    return rows


def _count(db: Path) -> tuple[int, int, int]:
    with Store(db, read_only=True) as s:
        q = s.con.execute
        return (q("SELECT count(*) FROM articles").fetchone()[0],
                q("SELECT count(*) FROM article_sources WHERE kind <> 'original'").fetchone()[0],
                q("SELECT count(*) FROM rejects").fetchone()[0])


@pytest.mark.model
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_cli_store_kill_9_mid_ingest_then_rerun_stores_every_article_once(tmp_path: Path):
    n = 250
    src = tmp_path / "articles.jsonl"
    rows = generated(n)
    lines = [json.dumps(r) for r in rows]
    lines.insert(50, '{"id": "broken", ')  # a bad line among them: one reject, never a failure
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    cmd = [sys.executable, "-m", "accord.cli", "ingest", str(src), "--db", str(db), "--progress"]
    env = dict(os.environ, PYTHONUNBUFFERED="1")

    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    deadline = time.monotonic() + 180
    killed_at = None
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            ready, _, _ = select.select([proc.stderr], [], [], 1.0)
            if not ready:
                continue
            m = re.search(r"ingest: ([\d,]+)/[\d,]+ items, ([\d,]+) stored", proc.stderr.readline())
            if m and int(m.group(2).replace(",", "")) > 0:  # some articles committed, the run still going
                os.kill(proc.pid, signal.SIGKILL)
                killed_at = int(m.group(2).replace(",", ""))
                break
    finally:
        if proc.poll() is None and killed_at is None:
            proc.kill()
        proc.wait()
    assert killed_at is not None, "the ingest finished (or never progressed) before it could be killed"
    assert proc.returncode == -signal.SIGKILL

    stored_before, _, _ = _count(db)
    assert 0 < stored_before < n, f"{stored_before} articles stored when killed: not mid-run"

    rerun = subprocess.run(cmd[:-1], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    articles, duplicates, rejects = _count(db)
    assert (articles + duplicates, rejects) == (n, 1)
    with Store(db, read_only=True) as s:
        ids = [r[0] for r in s.con.execute("SELECT input_id FROM article_sources ORDER BY input_id").fetchall()]
    assert ids == [r["id"] for r in rows]  # every article once, nothing twice

    again = subprocess.run(cmd[:-1], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert again.returncode == 0 and _count(db) == (articles, duplicates, rejects)
    assert f"{n + 1:,} already stored" in again.stdout
