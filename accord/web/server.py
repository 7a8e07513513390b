"""``accord serve``: the dashboard and JSON API over one store, with uvicorn.

    settings = ServeSettings(db="news.duckdb", watch="incoming/")
    serve(settings)                               # until Ctrl-C

Binds 127.0.0.1 unless told otherwise; any other address needs a token, since the dashboard shows
whole articles and accepts corrections.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
_EVERY = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhd]?)$")


class ServeError(ValueError):
    """Settings the server cannot start with (a clean message for the CLI)."""


def parse_every(text: str) -> float:
    """'15m' → 900.0; units s, m, h, d (seconds without one)."""
    m = _EVERY.fullmatch(text.strip().lower())
    if not m:
        raise ServeError(f"--every: not a duration such as 30s, 15m or 1h: {text!r}")
    seconds = float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]
    if seconds < 1:
        raise ServeError("--every: at least one second")
    return seconds


@dataclass(frozen=True)
class ServeSettings:
    """Everything ``accord serve`` is told, validated by :func:`check`."""

    db: str
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    watch: str | None = None
    interval: float = 2.0  # seconds between looks at --watch DIR
    workers: int = 1  # processes coding --watch files (0: in the server's writer thread)
    collect: tuple[str, ...] = ()
    every: float = 900.0
    snapshot: bool | None = None  # None: only when another process writes the store
    refresh: float = 30.0
    readers: int = 4
    time_limit: float = 5.0
    dictionaries: tuple[str, ...] = field(default_factory=tuple)
    contact: str = ""  # for --collect: an e-mail or URL for site owners, in the User-Agent


def check(s: ServeSettings) -> None:
    if s.host not in LOCAL_HOSTS and not s.token:
        raise ServeError(f"--host {s.host} makes the dashboard reachable from other machines: give --token "
                         f"(for example --token {secrets.token_urlsafe(16)})")
    if not 0 < s.port < 65536:
        raise ServeError(f"--port must be 1-65535, not {s.port}")
    if s.watch and not Path(s.watch).is_dir():
        raise ServeError(f"--watch: not a directory: {s.watch}")
    if (s.watch or s.collect) and s.snapshot:
        raise ServeError("--watch and --collect write the store; they cannot run on a --snapshot")
    if not Path(s.db).exists() and s.snapshot:
        raise ServeError(f"no accord store at {s.db}")


def build(s: ServeSettings, log: Callable[[str], None] = print):
    """The owner of the store and the app over it (not yet serving)."""
    from accord.pipeline import Config
    from accord.web.app import create_app
    from accord.web.owner import StoreOwner, WriterConfig

    check(s)
    writer = WriterConfig(watch=s.watch, watch_interval=s.interval, workers=s.workers, collect=s.collect, every=s.every,
                          config=Config(dictionaries=s.dictionaries), contact=s.contact, log=log)
    owner = StoreOwner.open(s.db, snapshot=s.snapshot, refresh=s.refresh, writer=writer, readers=s.readers,
                            time_limit=s.time_limit)
    if owner.read_only and (s.watch or s.collect):
        owner.close()
        raise ServeError(f"{s.db} is being written by another process: --watch and --collect need it to themselves")
    import threading

    from accord.web.api import warm

    threading.Thread(target=warm, args=(owner,), name="accord-warm", daemon=True).start()
    return owner, create_app(owner, token=s.token)


def serve(s: ServeSettings, log: Callable[[str], None] = print) -> None:
    import uvicorn

    owner, app = build(s, log)
    try:
        where = f"http://{s.host}:{s.port}/" + (f"?token={s.token}" if s.token else "")
        mode = "a read-only snapshot (another process writes it)" if owner.read_only else "read-write"
        log(f"accord serve: {s.db} ({mode}) at {where}")
        uvicorn.run(app, host=s.host, port=s.port, log_level="warning")
    finally:
        owner.close()
