"""The web tests' store and server: the demo corpus plus one hostile article, ingested once per session.

Imported by tests/test_web.py and tests/test_web_browser.py (``from test_web_fixture import ...``); the
builders are cached, so the store is ingested once however many modules ask for it.
"""

from __future__ import annotations

import json
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "demo" / "corpus.jsonl"
HOSTILE_ID = "hostile-01"
# Text that would run if it were ever put into a page unescaped: the tests look for its effects.
HOSTILE_TEXT = (
    "Iran accused Israel of attacking its embassy in Damascus, the foreign ministry said on Tuesday.\n\n"
    "<script>window.__pwned = 'script';</script> <img src=x onerror=\"window.__pwned = 'img'\"> "
    "<a href=\"javascript:window.__pwned='link'\">click</a> </textarea></title><b onmouseover=alert(1)>x</b>\n\n"
    "\"We will respond at a time of our choosing,\" Iranian Foreign Minister Abbas Araghchi said."
)


_BUILT: list[Path] = []


def build_web_store(resources=None) -> Path:
    """An accord store of demo/corpus.jsonl and the hostile article (built once per process)."""
    from accord.ingest import ingest
    from accord.pipeline import Resources

    if _BUILT:
        return _BUILT[0]
    folder = Path(tempfile.mkdtemp(prefix="accord-web-test-"))
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps({"id": HOSTILE_ID, "date": "2025-01-21", "title": "<script>alert('title')</script>",
                                   "url": "javascript:alert(1)", "text": HOSTILE_TEXT}) + "\n", encoding="utf-8")
    db = folder / "web.duckdb"
    ingest([str(DEMO), str(hostile)], str(db), workers=1, resources=resources or Resources.load())
    _BUILT.append(db)
    return db


def copy_store(to: Path, resources=None) -> Path:
    """A private copy of the built store (tests that write get their own)."""
    src = build_web_store(resources)
    dst = to / "web.duckdb"
    shutil.copy2(src, dst)
    wal = src.with_name(src.name + ".wal")
    if wal.exists():
        shutil.copy2(wal, dst.with_name(dst.name + ".wal"))
    return dst


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving the dashboard over ``db`` on 127.0.0.1 in a thread."""

    def __init__(self, db: Path, **app_kw: object) -> None:
        import uvicorn

        from accord.web.app import create_app
        from accord.web.owner import StoreOwner

        self.owner = StoreOwner.open(db)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(self.owner, **app_kw), host="127.0.0.1", port=self.port,
                                log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.owner.close()


@pytest.fixture(scope="module")
def web_db(tmp_path_factory, resources) -> Path:
    return copy_store(tmp_path_factory.mktemp("web"), resources)


@pytest.fixture(scope="module")
def live(web_db):
    server = LiveServer(web_db)
    yield server
    server.stop()
