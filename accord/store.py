"""The store: one DuckDB file, its schema made by numbered migrations, written by one writer.

    with Store("news.duckdb") as store:
        store.write(result)              # the article and everything derived from it, one transaction
        store.write_batch(results)       # many articles, one transaction (see write_batch for why it is safe)
        store.add_reject(input_error)    # idempotent on (input, item)
        store.stats()                    # {"articles": ..., "events": ..., "rejects": ..., ...}

Migrations are ``accord/migrations/NNN_name.sql``, applied in order, each in its own transaction and
recorded in ``schema_migrations``; a released migration is never edited, a new number is added instead.

Duplicates are decided here, by the one writer, against everything already stored (see :mod:`accord.dedup`):
a repeat is not stored again but becomes a row of ``article_sources`` (kind ``exact`` or ``near``); every
stored article has its own ``original`` row there, so counting an article's documents is one GROUP BY.

The file is in DuckDB's storage format of the DuckDB that wrote it (DuckDB 2.x here, see :func:`connect`):
a file DuckDB cannot read (another storage version, not a DuckDB file, truncated) is a ``StoreError`` that
says so, and what to do.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import struct
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from accord import rollups
from accord.dedup import DedupIndex, Fingerprint, fingerprint
from accord.errors import InputError, StoreError
from accord.types import Actor, ArticleResult

_MIGRATION_NAME = re.compile(r"^(\d{3})_[\w-]+\.sql$")

__all__ = ["FileHeader", "Store", "StoreError", "connect", "migrations", "open_error", "read_header", "unwritable"]


# ------------------------------------------------------------------------------------ the DuckDB file

# DuckDB's main header, the first bytes of every database file (duckdb/storage/storage_info.hpp and
# single_file_block_manager.cpp): a uint64 checksum, the magic bytes "DUCK", the storage version (uint64,
# little-endian), four uint64 flags, then the library version that wrote the file ("v2.0.1", 32 bytes).
_HEADER = struct.Struct("<Q4sQ32x32s")
_MAGIC = b"DUCK"


@dataclass(frozen=True, slots=True)
class FileHeader:
    """What a DuckDB file says about itself: its storage format version and the DuckDB that wrote it."""

    storage_version: int
    written_by: str  # "v2.0.1"; "" when the header does not say


def read_header(path: str | Path) -> FileHeader | None:
    """The header of the DuckDB file at ``path``; None when it is not one (too short, no magic bytes)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEADER.size)
    except OSError:
        return None
    if len(head) < _HEADER.size:
        return None
    _, magic, version, library = _HEADER.unpack(head)
    if magic != _MAGIC:
        return None
    return FileHeader(version, library.split(b"\0", 1)[0].decode("ascii", "replace"))


def open_error(path: str | Path, exc: BaseException) -> str:
    """Why DuckDB would not open ``path`` and what to do about it, from its exception and the file header."""
    path, reason = Path(path), str(exc).strip().split("\n", 1)[0]
    using = f"DuckDB {duckdb.__version__}"
    why = unwritable(exc)
    if why and why != "permission denied" and why != "an I/O error":
        return f"cannot open {path}: {why} ({reason}); make room (or give a path on another disk) and run it again"
    if "permission denied" in reason.lower():
        return (f"cannot open {path}: permission denied ({reason}); the file and its folder must be readable, and for"
                " writing writable (DuckDB writes a .wal file beside it), by this user")
    if "lock" in reason.lower():
        return f"cannot open {path}: another process has it open ({reason}); stop it, or wait for it to finish"
    header = read_header(path)
    if header is None and path.exists():
        size = path.stat().st_size
        if size >= _HEADER.size:
            return (f"{path} is not a DuckDB database ({size:,} bytes, no DuckDB header); give the file of an"
                    " accord store, or a new name to create one")
        return (f"{path} is not a DuckDB database, or is truncated ({size:,} bytes); give the file of an"
                " accord store, or a new name to create one")
    if header is not None and "storage version" in reason:
        writer = f"DuckDB {header.written_by}" if header.written_by else "another DuckDB"
        return (f"{path} was written by {writer} in storage format {header.storage_version}, which {using} "
                f"cannot read. Move it with the DuckDB that wrote it (there EXPORT DATABASE 'dir'; here IMPORT "
                f"DATABASE 'dir' into a new file), or ingest the articles again into a new store")
    if any(w in reason for w in ("Corrupt", "Could not read enough bytes", "not a valid DuckDB")):
        return (f"{path} is damaged (truncated or corrupt: {reason}); {using} cannot open it. Restore it from "
                f"a copy, or ingest the articles again into a new store")
    return f"cannot open {path} with {using}: {reason}"


_UNWRITABLE = (("No space left on device", "the disk is full"), ("Disk quota exceeded", "the disk quota is used up"),
               ("Permission denied", "permission denied"), ("Read-only file system", "the file system is read-only"))


def unwritable(exc: BaseException) -> str | None:
    """Why no write to the store can succeed, from DuckDB's exception; None when the failure is the batch's own."""
    message = str(exc)
    why = next((w for needle, w in _UNWRITABLE if needle in message), None)
    if why is None and isinstance(exc, duckdb.IOException | duckdb.FatalException):
        why = "an I/O error"
    if why is None and "database has been invalidated" in message:
        why = "DuckDB closed the database after an earlier error"
    return why


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to the file at ``path``; DuckDB's refusal becomes a ``StoreError`` that names the
    file, the DuckDB in use, what is wrong and what to do (see :func:`open_error`)."""
    new = not Path(path).exists()
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        message = open_error(path, exc)
        if new:  # a store that could not be created (disk full) must not stay behind as an empty file
            for leftover in (Path(path), Path(f"{path}.wal")):
                if leftover.exists() and leftover.stat().st_size == 0:
                    leftover.unlink()
        raise StoreError(message) from exc


def migrations() -> list[tuple[int, str, str]]:
    """``(version, file name, sql)`` of every migration shipped in ``accord/migrations``, in order."""
    found = []
    for entry in resources.files("accord.migrations").iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


# The Arrow schema of each table's insert: the columns of migrations/001_initial.sql that the writer fills.
_S, _I, _F, _B, _D = pa.string(), pa.int32(), pa.float64(), pa.bool_(), pa.date32()
_TABLES: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("id", _S), ("source", _S), ("url", _S), ("title", _S), ("published", _D), ("text", _S),
        ("language", _S), ("language_reason", _S), ("status", _S), ("error", _S), ("hash", _S),
        ("minhash", pa.binary()), ("words", _I), ("tone", _F), ("removed", pa.list_(_S)), ("meta", _S),
    ]),
    "article_sources": pa.schema([
        ("article_id", _S), ("input_id", _S), ("source", _S), ("url", _S), ("kind", _S), ("similarity", _F),
    ]),
    "events": pa.schema([
        ("article_id", _S), ("idx", _I), ("span_start", _I), ("span_end", _I), ("sentence", _S),
        ("sentence_start", _I), ("sentence_end", _I),
        ("source_code", _S), ("source_name", _S), ("source_country", _S), ("source_igo", _S), ("source_role", _S),
        ("target_code", _S), ("target_name", _S), ("target_country", _S), ("target_igo", _S), ("target_role", _S),
        ("cameo", _S), ("cameo_root", _S), ("quad_class", pa.int8()), ("goldstein", _F),
        ("plover_type", _S), ("plover_mode", _S), ("plover_context", _S), ("negated", _B), ("modality", _S),
        ("event_date", _D), ("location_name", _S), ("location_country", _S), ("location_fips", _S),
        ("lat", _F), ("lon", _F), ("rule", _S), ("trigger", _S), ("tone", _F), ("confidence", _F),
    ]),
    "quotes": pa.schema([
        ("article_id", _S), ("idx", _I), ("speaker_name", _S), ("speaker_code", _S), ("speaker_country", _S),
        ("speaker_igo", _S), ("speaker_role", _S), ("text", _S), ("span_start", _I), ("span_end", _I),
        ("how", _S), ("conflict", _S),
    ]),
    "amounts": pa.schema([
        ("article_id", _S), ("idx", _I), ("value", _F), ("unit", _S), ("text", _S), ("about", _S),
        ("period", _S), ("kind", _S), ("currency", _S), ("event_idx", _I), ("span_start", _I), ("span_end", _I),
    ]),
    "locations": pa.schema([
        ("article_id", _S), ("idx", _I), ("name", _S), ("country", _S), ("fips", _S), ("lat", _F), ("lon", _F),
        ("kind", _S), ("adm1", _S), ("geonameid", pa.int64()), ("span_start", _I), ("span_end", _I),
    ]),
    "rejects": pa.schema([("input", _S), ("item", _S), ("reason", _S)]),
}


class Store:
    """An accord DuckDB store; opened for writing (migrations applied) unless ``read_only``."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"no accord store at {self.path}")
        self.con = connect(self.path, read_only=read_only)
        self.read_only = read_only
        self._refuse_foreign()
        self._index: DedupIndex | None = None
        self._known: set[str] | None = None
        if not read_only:
            self.migrate()

    # ------------------------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _refuse_foreign(self) -> None:
        """A DuckDB file of something else (tables, none of them accord's) is left as it is: a StoreError."""
        tables = sorted(r[0] for r in self.con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()").fetchall())
        if tables and not {"schema_migrations", "articles"} & set(tables):
            self.con.close()
            listed = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
            raise StoreError(f"{self.path} is a DuckDB database but not an accord store (its tables: {listed}); "
                             "give the file of an accord store, or a new name to create one")

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded in ``schema_migrations``; returns the names applied."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
            " applied_at TIMESTAMP DEFAULT current_timestamp)"
        )
        done = {r[0] for r in self.con.execute("SELECT version FROM schema_migrations").fetchall()}
        applied = []
        for version, name, sql in migrations():
            if version in done:
                continue
            self.con.begin()
            try:
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
                self.con.commit()
            except duckdb.Error as exc:
                self.con.rollback()
                raise StoreError(f"migration {name} failed on {self.path}: {exc}") from exc
            applied.append(name)
        return applied

    # -------------------------------------------------------------------------------------- reading

    def has_article(self, article_id: str) -> bool:
        # fetchall, not fetchone: DuckDB 2 keeps a result that was not read to its end open on the connection
        return bool(self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchall())

    def known_input_ids(self) -> set[str]:
        """Ids already taken care of: stored articles and inputs recorded as repeats of one."""
        if self._known is None:
            rows = self.con.execute("SELECT id FROM articles UNION SELECT input_id FROM article_sources").fetchall()
            self._known = {r[0] for r in rows}
        return self._known

    def reject_keys(self) -> set[tuple[str, str]]:
        """``(input, item)`` of every reject; an article rejected by ``process`` is keyed (source, id)."""
        return {(r[0], r[1]) for r in self.con.execute("SELECT input, item FROM rejects").fetchall()}

    def stats(self) -> dict[str, Any]:
        """Counts of everything stored; ``duplicates`` are repeats (exact or near) counted as sources."""
        q = self.con.execute

        def count(sql: str) -> int:
            return int(q(sql).fetchall()[0][0])

        from accord.query import ensure_views

        ensure_views(self.con)  # the historical flag of migration 004, as temp views on a store not migrated yet
        out: dict[str, Any] = {
            "articles": count("SELECT count(*) FROM articles"),
            "events": count("SELECT count(*) FROM events"),
            # dated more than a year before their article: kept, left out of event-dated series
            "historical_events": count("SELECT count(*) FROM event_facts WHERE historical"),
            "rejects": count("SELECT count(*) FROM rejects"),
            "duplicates": count("SELECT count(*) FROM article_sources WHERE kind <> 'original'"),
            "quotes": count("SELECT count(*) FROM quotes"),
            "amounts": count("SELECT count(*) FROM amounts"),
            "locations": count("SELECT count(*) FROM locations"),
            "skipped": count("SELECT count(*) FROM articles WHERE status = 'skipped'"),
        }
        kinds = q("SELECT kind, count(*) FROM article_sources WHERE kind <> 'original' GROUP BY kind").fetchall()
        out["duplicate_kinds"] = {k: int(n) for k, n in sorted(kinds)}
        langs = q("SELECT coalesce(language, 'unknown'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
        out["languages"] = {lang: int(n) for lang, n in langs}
        out["runs"] = count("SELECT count(*) FROM runs")
        out.update(_coverage_stats(self.con))
        return out

    def top_dyads(self, n: int = 10) -> list[dict[str, Any]]:
        """The ``n`` directed dyads (source code → target code) with the most event mentions."""
        rows = self.con.execute(
            "SELECT source_code, target_code, count(*) AS events FROM events"
            " WHERE source_code IS NOT NULL AND target_code IS NOT NULL AND NOT coalesce(negated, false)"
            " GROUP BY 1, 2 ORDER BY events DESC, 1, 2 LIMIT ?", [int(n)],
        ).fetchall()
        return [{"source": s, "target": t, "events": int(c)} for s, t, c in rows]

    # -------------------------------------------------------------------------------------- writing

    def add_reject(self, error: InputError) -> None:
        """One row in ``rejects``; recording the same (input, item) again changes nothing."""
        try:
            self.con.execute(
                "INSERT INTO rejects (input, item, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [error.input, error.item, error.reason],
            )
        except duckdb.Error as exc:
            self._raise_if_unwritable(exc)
            raise

    def _raise_if_unwritable(self, exc: BaseException) -> None:
        """A write that failed because the store cannot be written at all (disk full, no permission, an I/O
        error) is a ``StoreError`` that says so: rejecting the articles instead would skip them on the rerun."""
        why = unwritable(exc)
        if why:
            reason = str(exc).strip().split("\n", 1)[0]
            raise StoreError(f"cannot write to {self.path}: {why} ({reason}). The articles committed before are"
                             " stored whole; fix it and run the same command again to resume") from exc

    def write(self, result: ArticleResult, fp: Fingerprint | None = None) -> str:
        """Store one article and all its derived rows in one transaction; returns what happened to it:
        ``stored``, ``exact`` / ``near`` (a repeat, recorded as a source), ``known`` (its id is already
        here: nothing to do) or ``rejected`` (``process`` failed on it: a row in ``rejects``)."""
        return self.write_batch([result], [fp])[0]

    def write_batch(self, results: Sequence[ArticleResult], fps: Sequence[Fingerprint | None] | None = None) -> list[str]:
        """Store several articles in ONE transaction; returns one outcome per result (see :meth:`write`).

        Why batching keeps the crash guarantee: a transaction holds whole articles only (an article and
        all its rows are added to it together), DuckDB commits it atomically, and a rerun skips exactly
        the ids that were committed. So ``kill -9`` loses at most the whole articles of the open batch,
        which the rerun processes and stores again, once each. Batches amortise the commit (a WAL sync)
        and turn thousands of row inserts into a few Arrow inserts.
        """
        fps = list(fps) if fps is not None else [None] * len(results)
        index, known = self._dedup_index(), self.known_input_ids()
        staged_ids: list[str] = []
        rows: dict[str, list[tuple]] = {name: [] for name in _TABLES}
        outcomes = []
        for result, fp in zip(results, fps, strict=True):
            a = result.article
            if result.status == "error":
                rows["rejects"].append((a.source or "", a.id, result.error or "error"))
                outcomes.append("rejected")
                continue
            if a.id in known:
                outcomes.append("known")
                continue
            fp = fp or fingerprint(a.text, a.title)
            match = index.match(fp)
            known.add(a.id)
            staged_ids.append(a.id)
            if match is not None:
                rows["article_sources"].append((match.article_id, a.id, a.source, a.url, match.kind, match.similarity))
                outcomes.append(match.kind)
                continue
            try:
                mine = _article_rows(result, fp)
            except Exception as exc:  # a malformed result (a bug upstream) is that article's reject only
                known.discard(a.id)
                rows["rejects"].append((a.source or "", a.id, f"could not be stored: {exc.__class__.__name__}: {exc}"))
                outcomes.append("rejected")
                continue
            for name, new_rows in mine.items():
                rows[name] += new_rows
            index.add(a.id, fp)
            outcomes.append("stored")
        try:
            self._insert(rows)
        except Exception as exc:
            # the transaction is gone; forget what it staged, then store what can be stored one by one
            self._index = None
            self._known = None
            self._raise_if_unwritable(exc)  # a full disk fails every article alike: none is its reject
            if len(results) == 1:
                a = results[0].article
                self.add_reject(InputError(a.source or "", a.id, f"could not be stored: {exc.__class__.__name__}: {exc}"))
                return ["rejected"]
            return [self.write_batch([r], [f])[0] for r, f in zip(results, fps, strict=True)]
        return outcomes

    def _insert(self, rows: dict[str, list[tuple]]) -> None:
        con = self.con
        con.begin()
        try:
            for name, schema in _TABLES.items():
                if not rows[name]:
                    continue
                data = rows[name]
                if name == "rejects":
                    data = list({(i, it): (i, it, r) for i, it, r in data}.values())
                table = pa.Table.from_arrays(
                    [pa.array(col, type=f.type) for col, f in zip(zip(*data, strict=True), schema, strict=True)],
                    schema=schema,
                )
                view = f"_accord_batch_{name}"
                con.register(view, table)
                cols = ", ".join(schema.names)
                conflict = " ON CONFLICT DO NOTHING" if name == "rejects" else ""
                con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM {view}{conflict}")
                con.unregister(view)
            rollups.refresh(con, _event_days(rows))  # the rollups of the days these events fall on
            rollups.add_keys(con, (r[0] for r in rows["events"]))  # their event_keys rows
            con.commit()
        except BaseException:
            try:
                con.rollback()
            except duckdb.Error:  # a commit that failed (disk full) has ended the transaction: the first error counts
                pass
            raise

    def delete_article(self, article_id: str) -> bool:
        """Remove an article and every row derived from it (events, quotes, amounts, places, its sources)
        in one transaction that also brings the rollups of its events' days up to date; True when it was
        there. Storing it again afterwards (:meth:`write`) is how an article is replaced."""
        con = self.con
        con.begin()
        try:
            days = {r[0] for r in con.execute("SELECT date FROM event_facts WHERE article_id = ?", [article_id]).fetchall()}
            found = bool(con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchall())
            for table in ("events", "quotes", "amounts", "locations"):
                con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
            con.execute("DELETE FROM article_sources WHERE article_id = ?", [article_id])
            con.execute("DELETE FROM articles WHERE id = ?", [article_id])
            rollups.refresh(con, days)
            rollups.delete_keys(con, article_id)
            con.commit()
        except BaseException:
            con.rollback()
            raise
        self._index = None
        self._known = None
        return found

    def _dedup_index(self) -> DedupIndex:
        if self._index is None:
            rows = self.con.execute("SELECT id, hash, minhash FROM articles ORDER BY ingested_at, id").fetchall()
            self._index = DedupIndex.from_rows(rows)
        return self._index

    # ----------------------------------------------------------------------------------------- runs

    def start_run(self, command: str) -> str:
        run_id = uuid.uuid4().hex
        self.con.execute("INSERT INTO runs (run_id, command, started_at) VALUES (?, ?, ?)",
                         [run_id, command, _now()])
        return run_id

    def finish_run(self, run_id: str, articles: int, duplicates: int, rejects: int) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, articles = ?, duplicates = ?, rejects = ? WHERE run_id = ?",
            [_now(), articles, duplicates, rejects, run_id],
        )


# An actor the dictionaries do not know: kept with its name (and maybe a role or country) but no code.
_UNKNOWN = "({side}_code IS NULL AND {side}_name IS NOT NULL)"
_UNKNOWN_NAMES = 10


def _coverage_stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What the coder found beyond the dictionaries, and how far to trust it (every event row counted):

    - ``unknown_actor_events``: events whose source or target is an unknown actor (a name, no code);
    - ``unknown_actors``: the ten most frequent unknown actor names, with the events they are in;
    - ``agentless_events``: events with no source at all ("three people were killed");
    - ``confidence_mean``: the mean confidence of the events that have one (None if none has);
    - ``low_confidence_events``: events with a confidence below 0.5;
    - ``events_without_confidence``: events stored before confidences were (migration 007).

    Reads ``event_facts``, which has a (null) confidence even on a store from before migration 007.
    """
    source, target = _UNKNOWN.format(side="source"), _UNKNOWN.format(side="target")
    [(unknown, agentless, mean, low, missing)] = con.execute(f"""
        SELECT count(*) FILTER (WHERE {source} OR {target}),
               count(*) FILTER (WHERE source_code IS NULL AND source_name IS NULL),
               avg(confidence),
               count(*) FILTER (WHERE confidence < 0.5),
               count(*) FILTER (WHERE confidence IS NULL)
        FROM event_facts""").fetchall()
    names = con.execute(f"""
        SELECT name, count(DISTINCT (article_id, idx)) AS n FROM (
            SELECT source_name AS name, article_id, idx FROM event_facts WHERE {source}
            UNION ALL SELECT target_name, article_id, idx FROM event_facts WHERE {target}
        ) GROUP BY name ORDER BY n DESC, name LIMIT ?""", [_UNKNOWN_NAMES]).fetchall()
    return {
        "unknown_actor_events": int(unknown),
        "unknown_actors": {name: int(n) for name, n in names},
        "agentless_events": int(agentless),
        "confidence_mean": None if mean is None else round(float(mean), 4),
        "low_confidence_events": int(low),
        "events_without_confidence": int(missing),
    }


# ---------------------------------------------------------------------------------- dataclass → rows


def _article_rows(result: ArticleResult, fp: Fingerprint) -> dict[str, list[tuple]]:
    """The rows of every table for one article, as tuples in the order of ``_TABLES``."""
    rows: dict[str, list[tuple]] = {name: [] for name in _TABLES}
    a = result.article
    aid = a.id
    rows["articles"].append((
        aid, a.source, a.url, a.title, _date(a.date), a.text, result.language, _language_reason(result),
        result.status, result.error, fp.hash, fp.minhash, result.words, result.tone, list(result.removed),
        json.dumps(a.meta, ensure_ascii=False, default=str) if a.meta else None,
    ))
    rows["article_sources"].append((aid, aid, a.source, a.url, "original", None))
    for i, e in enumerate(result.events):
        ss = e.sentence_span or (None, None)
        loc = e.location
        rows["events"].append((
            aid, i, e.span[0], e.span[1], e.sentence, ss[0], ss[1], *_actor(e.source), *_actor(e.target),
            e.cameo, e.cameo_root, e.quad_class, e.goldstein, e.plover_type, e.plover_mode, e.context,
            e.negated, e.modality, _date(e.date), loc.name if loc else None, loc.country if loc else None,
            loc.fips if loc else None, loc.lat if loc else None, loc.lon if loc else None,
            e.rule, e.trigger, e.tone, e.confidence,
        ))
    for i, q in enumerate(result.quotes):
        s = q.speaker
        rows["quotes"].append((
            aid, i, s.name if s else None, s.code if s else None, s.country if s else None, s.igo if s else None,
            s.role if s else None, q.text, q.span[0], q.span[1], q.how, q.conflict,
        ))
    for i, m in enumerate(result.amounts):
        rows["amounts"].append((
            aid, i, m.value, m.unit, m.text, m.about, m.period, m.kind, m.currency, m.event_index,
            m.span[0], m.span[1],
        ))
    for i, loc in enumerate(result.locations):
        span = loc.span or (None, None)
        rows["locations"].append((
            aid, i, loc.name, loc.country, loc.fips, loc.lat, loc.lon, loc.kind, loc.adm1, loc.geonameid,
            span[0], span[1],
        ))
    return rows


_EVENT_DATE = _TABLES["events"].names.index("event_date")
_PUBLISHED = _TABLES["articles"].names.index("published")


def _event_days(rows: dict[str, list[tuple]]) -> set[dt.date | None]:
    """The days the batch's events fall on (their own date, else their article's): what the rollups of
    :mod:`accord.rollups` must recompute. The batch holds the article of every event it holds."""
    published = {r[0]: r[_PUBLISHED] for r in rows["articles"]}
    return {r[_EVENT_DATE] or published.get(r[0]) for r in rows["events"]}


def _actor(a: Actor | None) -> tuple:
    return (a.code, a.name, a.country, a.igo, a.role) if a else (None,) * 5


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _language_reason(result: ArticleResult) -> str | None:
    reason = getattr(result, "language_reason", None)
    if reason:
        return reason
    if result.status == "skipped" and result.error and result.error.startswith("not English: "):
        return result.error.removeprefix("not English: ")
    return None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)

