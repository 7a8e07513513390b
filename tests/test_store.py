"""The store: migrations, one transaction per article, duplicates as sources, idempotent rejects, stats."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from accord.dedup import DedupIndex, fingerprint, shingles
from accord.errors import InputError
from accord.store import Store, migrations
from accord.types import Actor, Amount, Article, ArticleResult, Event, Location, Quote

TEXT = ("Iran on Thursday pledged to join the Shanghai Cooperation Organization as the SCO summit began in "
        "Uzbekistan. Before the summit ends, it is anticipated that the Islamic Republic will be formally "
        "accepted as a member of the Eurasian political, economic and security bloc, officials said.")
PUTIN = Actor("Vladimir Putin", "RUSGOV", "RUS", None, "GOV")
IRAN = Actor("Iran", "IRN", "IRN")


def result(ident: str = "a1", text: str = TEXT, **kw) -> ArticleResult:
    return ArticleResult(article=Article(id=ident, text=text, date="2022-09-15", source="feed.jsonl"), **kw)


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "s.duckdb") as s:
        yield s


def test_store_applies_every_migration_once(tmp_path: Path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    Store(path).close()  # reopening applies nothing twice
    con = duckdb.connect(str(path))
    assert con.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall() == [
        (v, name) for v, name, _ in migrations()
    ]


def test_store_write_round_trips_events_quotes_amounts_locations(store: Store):
    tehran = Location("Tehran", "IRN", 35.7, 51.4, (10, 16), fips="IR", kind="city")
    event = Event(source=PUTIN, target=IRAN, cameo="057", sentence="Putin signed a deal with Iran.", span=(6, 12),
                  rule="sign_agreement", goldstein=8.0, quad_class=1, plover_type="AGREE", date="2022-09-16",
                  location=tehran, sentence_span=(0, 30), trigger="signed")
    r = result(events=[event], quotes=[Quote(PUTIN, "We are close", (40, 52))],
               amounts=[Amount(81, "percent", "81 percent", (60, 70), about="trade", event_index=0)],
               locations=[tehran], language="en", removed=["Related News"], words=40)
    assert store.write(r) == "stored"
    row = store.con.execute(
        "SELECT article_id, idx, span_start, span_end, source_code, source_country, target_code, cameo, cameo_root,"
        " goldstein, quad_class, plover_type, event_date::VARCHAR, location_name, location_fips, rule, trigger"
        " FROM events").fetchall()
    assert row == [("a1", 0, 6, 12, "RUSGOV", "RUS", "IRN", "057", "05", 8.0, 1, "AGREE", "2022-09-16", "Tehran",
                    "IR", "sign_agreement", "signed")]
    assert store.con.execute("SELECT speaker_code, text, span_start FROM quotes").fetchall() == [
        ("RUSGOV", "We are close", 40)]
    assert store.con.execute("SELECT value, unit, event_idx FROM amounts").fetchall() == [(81.0, "percent", 0)]
    assert store.con.execute("SELECT name, country, lat, span_end FROM locations").fetchall() == [
        ("Tehran", "IRN", 35.7, 16)]
    assert store.con.execute("SELECT published::VARCHAR, removed, status FROM articles").fetchall() == [
        ("2022-09-15", ["Related News"], "coded")]
    assert store.top_dyads(5) == [{"source": "RUSGOV", "target": "IRN", "events": 1}]


def test_store_exact_and_near_repeats_become_sources(store: Store):
    near = TEXT.replace("Thursday", "Friday")
    outcomes = store.write_batch([result("a1"), result("a2"), result("a3", near), result("b", "Cocoa " * 40)])
    assert outcomes == ["stored", "exact", "near", "stored"]
    rows = store.con.execute("SELECT article_id, input_id, kind FROM article_sources ORDER BY input_id").fetchall()
    assert rows == [("a1", "a1", "original"), ("a1", "a2", "exact"), ("a1", "a3", "near"), ("b", "b", "original")]
    s = store.stats()
    assert (s["articles"], s["duplicates"], s["duplicate_kinds"]) == (2, 2, {"exact": 1, "near": 1})


def test_store_same_input_id_again_is_a_no_op(store: Store):
    assert store.write(result("a1")) == "stored"
    assert store.write(result("a1")) == "known"
    assert store.write(result("a2")) == "exact"
    assert store.write(result("a2")) == "known"
    assert store.stats()["duplicates"] == 1


def test_store_dedup_index_is_rebuilt_from_stored_signatures(tmp_path: Path):
    path = tmp_path / "s.duckdb"
    with Store(path) as s:
        s.write(result("a1"))
    with Store(path) as s:  # a new run: the LSH index comes back from articles.minhash
        assert s.write(result("later", TEXT.replace("Thursday", "Friday"))) == "near"


def test_store_process_errors_and_input_errors_are_rejects(store: Store):
    assert store.write(result("long", error="text too long", status="error")) == "rejected"
    store.add_reject(InputError("feed.jsonl", "3", "malformed JSON"))
    store.add_reject(InputError("feed.jsonl", "3", "malformed JSON"))  # idempotent on (input, item)
    rows = store.con.execute("SELECT input, item, reason FROM rejects ORDER BY item").fetchall()
    assert rows == [("feed.jsonl", "3", "malformed JSON"), ("feed.jsonl", "long", "text too long")]
    assert store.reject_keys() == {("feed.jsonl", "3"), ("feed.jsonl", "long")}


def test_store_non_english_article_is_stored_with_language_and_reason(store: Store):
    store.write(result("de", "Der Bundestag hat ein Gesetz beschlossen.", language="de", status="skipped",
                       error="not English: py3langid: de (1.00)"))
    assert store.con.execute("SELECT language, language_reason, status FROM articles").fetchall() == [
        ("de", "py3langid: de (1.00)", "skipped")]
    s = store.stats()
    assert (s["skipped"], s["languages"]) == (1, {"de": 1})


def test_store_an_article_that_cannot_be_written_is_rejected_alone(store: Store):
    """A malformed result (here: no CAMEO code) must not take the rest of its batch with it."""
    bad = result("bad", "Cocoa " * 40, events=[Event(None, None, None, "s", (0, 1), "r")])
    assert store.write_batch([result("a1"), bad]) == ["stored", "rejected"]
    assert store.has_article("a1") and not store.has_article("bad")
    assert "could not be stored" in store.con.execute("SELECT reason FROM rejects").fetchone()[0]


def test_store_a_failed_insert_is_retried_article_by_article(store: Store):
    bad = result("bad", "Cocoa " * 40, events=[Event(None, None, "010", "s", (0, 1), "r", quad_class=1000)])
    assert store.write_batch([result("a1"), bad]) == ["stored", "rejected"]  # TINYINT overflow rolls back the batch
    assert store.has_article("a1") and not store.has_article("bad")
    assert store.con.execute("SELECT count(*) FROM article_sources").fetchone()[0] == 1


def test_store_reads_leave_no_unfinished_result_on_the_connection(store: Store):
    # DuckDB 2 refuses register(), sql() and table() while a result of execute() is not read to its end
    store.write(result())
    for read in (lambda: store.stats()["articles"] == 1, lambda: store.has_article("a1")):
        assert read()
        assert store.con.sql("SELECT count(*) FROM articles").fetchall() == [(1,)]


def test_store_stats_has_the_documented_keys(store: Store):
    assert {"articles", "events", "rejects", "duplicates", "quotes", "amounts", "locations", "skipped",
            "languages", "unknown_actor_events", "unknown_actors", "agentless_events", "confidence_mean",
            "low_confidence_events", "events_without_confidence"} <= set(store.stats())


def test_store_stats_count_unknown_actors_agentless_events_and_low_confidence(store: Store):
    unknown = Actor("the Interior Ministry", None, "PAK", None, "GOV")  # not in the dictionaries: no code
    events = [
        Event(unknown, IRAN, "173", "The Interior Ministry arrested ...", (0, 4), "verb", confidence=0.3),
        Event(None, unknown, "190", "A bomb hit the Interior Ministry.", (5, 9), "incident", confidence=0.7),
        Event(IRAN, PUTIN, "057", "Iran signed a deal with Putin.", (10, 14), "verb", confidence=0.9),
    ]  # the second has no stated agent
    store.write(result(events=events))
    s = store.stats()
    assert (s["events"], s["unknown_actor_events"], s["agentless_events"]) == (3, 2, 1)
    assert s["unknown_actors"] == {"the Interior Ministry": 2}
    assert s["confidence_mean"] == pytest.approx(0.6333, abs=1e-4) and s["low_confidence_events"] == 1
    assert s["events_without_confidence"] == 0


def test_store_stats_of_an_empty_store_have_no_mean_confidence(store: Store):
    s = store.stats()
    assert (s["unknown_actors"], s["confidence_mean"], s["low_confidence_events"]) == ({}, None, 0)


def test_store_stats_of_a_store_before_the_confidence_migration_read_only(tmp_path: Path):
    path = tmp_path / "v6.duckdb"
    con = duckdb.connect(str(path))
    for _, _, sql in [m for m in migrations() if m[0] <= 6]:
        con.execute(sql)
    con.execute("INSERT INTO articles (id, text, status, hash) VALUES ('a', 'text', 'coded', 'a')")
    con.execute("INSERT INTO events (article_id, idx, source_name, cameo, cameo_root) VALUES ('a', 0, 'X', '010', '01')")
    con.close()
    with Store(path, read_only=True) as store:
        s = store.stats()
    assert (s["events_without_confidence"], s["confidence_mean"], s["unknown_actors"]) == (1, None, {"X": 1})


def test_store_read_only_refuses_a_missing_file(tmp_path: Path):
    from accord.store import StoreError

    with pytest.raises(StoreError, match="no accord store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


# --- files DuckDB cannot open (issue 11) ------------------------------------------------------------------


def stamp_storage_version(path: Path, version: int, written_by: str) -> None:
    """Make the file's header claim another storage version and DuckDB, with a checksum DuckDB accepts.

    DuckDB's main header (the first 4,096 bytes): a uint64 checksum of bytes 8..4096, b"DUCK", the storage
    version (uint64 LE) at 12, four uint64 flags, the library version (32 bytes) at 52. The checksum is
    5381 XOR each uint64 of the rest times 0xbf58476d1ce4e5b9 (duckdb/src/common/checksum.cpp).
    """
    import struct

    with open(path, "r+b") as fh:
        head = bytearray(fh.read(4096))
        struct.pack_into("<Q", head, 12, version)
        head[52:84] = written_by.encode().ljust(32, b"\0")
        checksum = 5381
        for (word,) in struct.iter_unpack("<Q", bytes(head[8:])):
            checksum ^= (word * 0xBF58476D1CE4E5B9) & (2**64 - 1)
        struct.pack_into("<Q", head, 0, checksum)
        fh.seek(0)
        fh.write(head)


@pytest.fixture
def written(tmp_path: Path) -> Path:
    """A closed store with one article in it."""
    path = tmp_path / "news.duckdb"
    with Store(path) as s:
        s.write(result())
    return path


def test_store_header_names_its_storage_version_and_writer(written: Path):
    from accord.store import read_header

    header = read_header(written)
    assert header is not None and header.written_by == f"v{duckdb.__version__}"
    stamp_storage_version(written, 1200, "v3.0.0")
    assert read_header(written).storage_version == 1200
    assert read_header(written).written_by == "v3.0.0"


def test_store_written_by_another_duckdb_is_a_clear_error(written: Path):
    from accord.store import StoreError

    stamp_storage_version(written, 1200, "v3.0.0")
    for read_only in (True, False):
        with pytest.raises(StoreError) as err:
            Store(written, read_only=read_only)
        message = str(err.value)
        assert str(written) in message and f"DuckDB {duckdb.__version__}" in message
        assert "written by DuckDB v3.0.0 in storage format 1200" in message
        assert "EXPORT DATABASE" in message and "ingest the articles again" in message


def test_store_of_an_older_duckdb_is_a_clear_error_too(written: Path):
    from accord.store import StoreError

    stamp_storage_version(written, 39, "v0.6.1")
    with pytest.raises(StoreError, match=r"written by DuckDB v0\.6\.1 in storage format 39"):
        Store(written, read_only=True)


def test_store_a_file_that_is_not_duckdb_is_a_clear_error(tmp_path: Path):
    from accord.store import StoreError

    path = tmp_path / "notes.duckdb"
    path.write_text("id,text\n1,Iran pledged to join the SCO.\n" * 10)
    with pytest.raises(StoreError, match="is not a DuckDB database"):
        Store(path)
    assert path.read_text().startswith("id,text")  # left as it was


def test_store_a_truncated_file_is_damaged_not_a_crash(written: Path):
    from accord.store import StoreError

    data = written.read_bytes()
    written.write_bytes(data[:16_384])  # the three headers and the start of the first block: cut mid-block
    with pytest.raises(StoreError, match="is damaged .*truncated or corrupt.*ingest the articles again"):
        Store(written, read_only=True)
    written.write_bytes(data[:40])  # shorter than the header
    with pytest.raises(StoreError, match="is not a DuckDB database, or is truncated"):
        Store(written, read_only=True)


def test_store_cli_prints_an_unreadable_store_as_one_line_and_exits_1(written: Path):
    from click.testing import CliRunner

    from accord.cli import main

    stamp_storage_version(written, 1200, "v3.0.0")
    for args in (["stats", "--db", str(written)], ["ingest", "--db", str(written), str(written)]):
        out = CliRunner().invoke(main, args)
        assert out.exit_code == 1, out.output
        assert "Traceback" not in out.output and "storage format 1200" in out.output


def test_dedup_shingles_are_word_5_grams():
    assert shingles("a b c d e f") == {b"a b c d e", b"b c d e f"}
    assert shingles("Too short") == {b"too short"}


def test_dedup_exact_ignores_case_and_spacing():
    index = DedupIndex()
    index.add("a", fingerprint(TEXT))
    match = index.match(fingerprint("  " + TEXT.upper().replace(" ", "\n ")))
    assert (match.article_id, match.kind) == ("a", "exact")
    assert index.match(fingerprint("Something else entirely, about cocoa in Bahia.")) is None


def test_dedup_a_re_sent_story_with_a_new_headline_is_a_near_copy():
    from accord.dedup import DedupIndex, fingerprint

    body = " ".join(f"Paragraph sentence number {i} says the border talks between the two sides went on." for i in range(12))
    first = fingerprint("Talks continue on the border\n\n" + body)
    again = fingerprint("Border talks drag on for a third day\n\n" + body.replace("went on", "continued", 1))
    index = DedupIndex()
    index.add("first", first)
    match = index.match(again)
    assert match is not None and match.kind == "near" and match.article_id == "first"


def test_dedup_the_first_line_of_hard_wrapped_text_is_not_a_headline():
    from accord.dedup import DedupIndex, fingerprint

    a = fingerprint("First Wisconsin National Bank said it\nhas raised its prime rate to 7-3/4 pct from 7-1/2 pct,\neffective today.")
    b = fingerprint("Meridian Bancorp Inc said it has\nraised its prime rate to 7-3/4 pct from 7-1/2 pct, effective\nimmediately.")
    index = DedupIndex()
    index.add("a", a)
    assert index.match(b) is None


def test_store_unknown_actors_are_told_apart_in_happenings(tmp_path):
    """Two actors with no code but different names doing the same on one day are two happenings."""
    import duckdb
    from analysis_fixture import build_coverage_store

    path = build_coverage_store(tmp_path / "c.duckdb")
    con = duckdb.connect(str(path))
    try:
        con.execute("INSERT INTO events (article_id, idx, sentence, source_code, source_name, target_code, cameo,"
                    " cameo_root, negated) VALUES ('c1', 9, 'A sentence.', NULL, 'the Labour party', 'INDCOP',"
                    " '190', '19', false)")
        ids = con.execute("SELECT source_name, happening_id FROM event_facts WHERE cameo = '190'"
                          " AND target_code = 'INDCOP' ORDER BY idx").fetchall()
    finally:
        con.close()
    assert len({h for _, h in ids}) == 2, ids
