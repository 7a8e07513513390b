"""`accord serve --watch` under a small load: concurrent clients while the one writer ingests.

The bounded sibling of benchmarks/bench_load.py (50 clients for 60 s over a Reuters store): 8 clients
for 5 s on loopback against a real `accord serve` process, while 5 files land in its --watch folder.
No request fails, none is a 5xx, and every file is ingested exactly once.
"""

from __future__ import annotations

import asyncio
import json
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import httpx
import pytest
from test_web_fixture import copy_store, free_port

pytestmark = pytest.mark.model

ACCORD = Path(sys.executable).with_name("accord")
TEXTS = [
    "Egypt condemned the Israeli air strike on Gaza on Friday, the foreign ministry in Cairo said.",
    "Germany and France signed a defence treaty in Berlin on Tuesday after months of talks.",
    "Turkish troops shelled Kurdish positions in northern Syria, a monitoring group said on Sunday.",
    "Japan protested to China over the seizure of a fishing boat near the disputed islands.",
    "The United Nations appealed for aid to flood victims in Pakistan on Wednesday.",
    "Russian police arrested dozens of protesters in Moscow during a rally against the war.",
    "India and Bangladesh agreed to share river water under a pact signed in Dhaka.",
    "Brazil expelled a Venezuelan diplomat accused of spying, the government in Brasilia said.",
    "Kenya's president met Ethiopia's prime minister in Nairobi to discuss the border dispute.",
    "Iran threatened to close the Strait of Hormuz if new sanctions were imposed by Washington.",
]
PATHS = [("/api/events", {"limit": "50"}), ("/api/events", {"actor": "IRN", "facets": "0"}),
         ("/api/dyad", {"a": "IRN", "b": "ISR"}), ("/api/dyad", {"a": "RUS", "b": "IRN", "quad": "1"}),
         ("/", {}), ("/", {"actor": "RUS"}), ("/api/overview", {}), ("/api/overview", {"from": "2024-08-01"}),
         ("/api/events", {"q": "'; DROP TABLE events; --"})]


class Served:
    """`accord serve --db DB --watch INBOX` as a process; its log names each file it ingested."""

    def __init__(self, db: Path, inbox: Path) -> None:
        self.url = f"http://127.0.0.1:{free_port()}"
        self.proc = subprocess.Popen([str(ACCORD), "serve", "--db", str(db), "--watch", str(inbox), "--interval", "0.2",
                                      "--port", self.url.rsplit(":", 1)[1]],
                                     stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.log: list[str] = []
        threading.Thread(target=lambda: self.log.extend(line.rstrip() for line in self.proc.stderr), daemon=True).start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                if httpx.get(self.url + "/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise AssertionError("accord serve did not start: " + "\n".join(self.log))

    def ingested(self) -> list[str]:
        return [line.split(": ")[1] for line in list(self.log) if line.startswith("--watch: ")]

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        return self.proc.wait(60)


async def _clients(url: str, n: int, seconds: float) -> list[tuple[str, int | str]]:
    """``n`` clients looping over PATHS for ``seconds``: (request, status or the error's name)."""
    out: list[tuple[str, int | str]] = []

    async def one(seed: int) -> None:
        rng = random.Random(seed)
        async with httpx.AsyncClient(base_url=url, timeout=30) as http:
            until = time.monotonic() + seconds
            while time.monotonic() < until:
                path, params = rng.choice(PATHS)
                try:
                    r = await http.get(path, params=params)
                    out.append((f"{path} {params}", r.status_code))
                except httpx.HTTPError as exc:
                    out.append((f"{path} {params}", type(exc).__name__))

    await asyncio.gather(*(one(i) for i in range(n)))
    return out


def test_serve_answers_every_client_while_watch_ingests_each_file_once(tmp_path, resources):
    db, inbox = copy_store(tmp_path, resources), tmp_path / "inbox"
    inbox.mkdir()
    with duckdb.connect(str(db), read_only=True) as con:
        before = con.execute("SELECT count(*) FROM article_sources").fetchone()[0]
    server = Served(db, inbox)
    try:
        def feed() -> None:
            for i in range(5):
                rows = [{"id": f"load-{i}-{j}", "date": "2024-09-0" + str(i + 1), "text": TEXTS[2 * i + j]} for j in (0, 1)]
                part = inbox / f".feed-{i}.jsonl"  # written hidden, then renamed: never read half-written
                part.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
                part.rename(inbox / f"feed-{i}.jsonl")
                time.sleep(0.8)

        feeder = threading.Thread(target=feed)
        feeder.start()
        answers = asyncio.run(_clients(server.url, 8, 5.0))
        feeder.join()
        deadline = time.monotonic() + 120
        while len(server.ingested()) < 5 and time.monotonic() < deadline and server.proc.poll() is None:
            time.sleep(0.2)
    finally:
        code = server.stop()

    failed = [(req, status) for req, status in answers if not isinstance(status, int) or status >= 500]
    assert len(answers) > 8 and not failed, failed[:5]
    assert {status for _, status in answers} == {200}
    assert sorted(server.ingested()) == [f"feed-{i}.jsonl" for i in range(5)], server.log  # once each
    assert code == 0
    with duckdb.connect(str(db), read_only=True) as con:
        files = con.execute("SELECT regexp_extract(path, '[^/]+$'), count(*) FROM watched_files GROUP BY 1 ORDER BY 1").fetchall()
        ids = con.execute("SELECT input_id, count(*) FROM article_sources WHERE input_id LIKE 'load-%' "
                          "GROUP BY 1 ORDER BY 1").fetchall()
        total = con.execute("SELECT count(*) FROM article_sources").fetchone()[0]
    assert files == [(f"feed-{i}.jsonl", 1) for i in range(5)]
    assert ids == [(f"load-{i}-{j}", 1) for i in range(5) for j in (0, 1)] and total == before + 10
