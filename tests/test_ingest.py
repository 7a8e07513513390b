"""Ingest end to end: hostile inputs become rejects, good articles are all stored, reruns change nothing.

These code articles with the real pipeline, so they load the spaCy model (once, the session fixture).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from accord.ingest import ingest
from accord.store import Store

pytestmark = pytest.mark.model

STORY = ("{place} on {day} agreed to expand trade with its neighbours, the foreign ministry said, after two days "
         "of talks on energy, transport and customs rules in the capital. Officials said a new agreement on "
         "rail links would be signed next month, and that tariffs on {n} goods would be cut by half.")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def story(i: int) -> str:
    return STORY.format(place=f"Country number {i}", day=DAYS[i % 5], n=i * 7 + 3)


def jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def stats(db: Path) -> dict:
    with Store(db, read_only=True) as s:
        return s.stats()


def rejects(db: Path) -> list[tuple[str, str, str]]:
    with Store(db, read_only=True) as s:
        return s.con.execute("SELECT input, item, reason FROM rejects ORDER BY input, item").fetchall()


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A directory with three good articles and one of every bad input of issue 2."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text("Trade talks\n\n" + story(1), encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 8)
    (d / "nul.txt").write_bytes(story(2).encode() + b"\x00\x00" + story(3).encode())
    (d / "cp1252.txt").write_bytes(("Caf\xe9 owners \u201cwelcome\u201d the deal. " + story(4)).encode("cp1252"))
    (d / "long.txt").write_bytes(b"x" * 5_000_000)
    (d / "deep.html").write_text("<html><body>" + "<div>" * 20_000 + "x" + "</div>" * 20_000 + "</body></html>")
    (d / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": story(5)}) + "\n" + '{"id": "j2", "text": "cut off\n'
        + json.dumps({"id": "j3", "text": {"not": "a string"}}) + "\n" + json.dumps({"id": "j4", "text": story(6)}) + "\n",
        encoding="utf-8",
    )
    (d / "feed.csv").write_text(f'id,text\nc1,"{story(7)}"\nc2,one,too many\n', encoding="utf-8")
    return d


def test_ingest_hostile_inputs_each_become_one_reject_and_good_articles_are_stored(hostile, tmp_path, resources):
    db = tmp_path / "s.duckdb"
    report = ingest([str(hostile)], db, resources=resources)
    d = str(hostile)
    assert rejects(db) == [
        (f"{d}/deep.html", "", "HTML nested 20,002 elements deep (limit 1,000)"),
        (f"{d}/empty.txt", "", "empty file"),
        (f"{d}/feed.csv", "3", "CSV row has 3 fields, the header has 2"),
        (f"{d}/feed.jsonl", "2", "malformed JSON: Unterminated string starting at (column 22)"),
        (f"{d}/feed.jsonl", "3", "field 'text' is dict, not a string"),
        (f"{d}/long.txt", "long", "text too long: 5,000,000 characters (limit 1,000,000)"),
        (f"{d}/nul.txt", "", "text contains NUL bytes (2, the first at byte 303)"),
        (f"{d}/photo.jpg", "", "binary file: 220 of the first 2,060 bytes are control bytes (NUL included)"),
    ]
    with Store(db, read_only=True) as s:
        ids = sorted(r[0] for r in s.con.execute("SELECT id FROM articles").fetchall())
        assert ids == ["c1", "cp1252", "good", "j1", "j4"]
        cafe = s.con.execute("SELECT text, meta->>'encoding' FROM articles WHERE id = 'cp1252'").fetchone()
    assert cafe[0].startswith("Caf\xe9 owners \u201cwelcome\u201d") and cafe[1] == "cp1252"
    assert (report.stored, report.rejects, report.read) == (5, 8, 13)


def test_ingest_twice_changes_nothing(hostile, tmp_path, resources):
    db = tmp_path / "s.duckdb"
    ingest([str(hostile)], db, resources=resources)
    before = stats(db)
    again = ingest([str(hostile)], db, resources=resources)
    after = stats(db)
    assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in before.items() if k != "runs"}
    assert (again.stored, again.duplicates, again.rejects, again.known) == (0, 0, 0, 13)
    assert after["runs"] == 2


def test_ingest_near_duplicate_is_counted_as_a_source(tmp_path, resources):
    src = jsonl(tmp_path / "a.jsonl", [
        {"id": "wire", "text": story(1), "url": "https://wire.example/1"},
        {"id": "copy", "text": story(1).replace("foreign ministry", "foreign office"), "url": "https://paper.example/9"},
        {"id": "other", "text": story(2)},
    ])
    db = tmp_path / "s.duckdb"
    report = ingest([str(src)], db, resources=resources)
    assert (report.stored, report.duplicates) == (2, 1)
    with Store(db, read_only=True) as s:
        assert s.con.execute("SELECT article_id, url, kind FROM article_sources WHERE kind = 'near'").fetchall() == [
            ("wire", "https://paper.example/9", "near")]


def test_ingest_non_english_article_is_stored_with_its_language_not_coded(tmp_path, resources):
    text = ("Der russische Präsident hat am Donnerstag in Samarkand ein Abkommen mit dem Iran unterzeichnet, "
            "teilte das Außenministerium in Moskau mit. Beide Länder wollen den Handel ausweiten.")
    db = tmp_path / "s.duckdb"
    ingest([str(jsonl(tmp_path / "de.jsonl", [{"id": "de1", "text": text}]))], db, resources=resources)
    with Store(db, read_only=True) as s:
        row = s.con.execute("SELECT language, language_reason, status FROM articles").fetchone()
        assert s.stats()["events"] == 0
    assert row[0] == "de" and row[1].startswith("py3langid: de") and row[2] == "skipped"


def test_ingest_an_article_that_hangs_is_rejected_after_the_timeout(tmp_path, resources, monkeypatch):
    import accord.ingest as ingest_mod

    real, real_many = ingest_mod.process, ingest_mod.process_many

    def slow(article, res):
        if "hang" in article.id:
            time.sleep(30)
        return real(article, res)

    def slow_many(articles, res):  # the chunk with the hanging article times out as a whole ...
        if any("hang" in a.id for a in articles):
            time.sleep(30)
        return real_many(articles, res)

    monkeypatch.setattr(ingest_mod, "process", slow)  # ... and is coded again one by one
    monkeypatch.setattr(ingest_mod, "process_many", slow_many)
    src = jsonl(tmp_path / "a.jsonl", [{"id": "ok", "text": story(1)}, {"id": "hang", "text": story(2)}])
    db = tmp_path / "s.duckdb"
    report = ingest([str(src)], db, resources=resources, timeout=0.5)
    assert (report.stored, report.rejects) == (1, 1)
    assert rejects(db)[0][2] == "internal error: ArticleTimeout: coding took longer than 0.5 s"


def test_ingest_with_a_worker_pool_stores_the_same(tmp_path):
    rows = [{"id": f"a{i}", "text": story(i)} for i in range(12)] + [{"id": "a3-again", "text": story(3)}]
    src = jsonl(tmp_path / "a.jsonl", rows)
    db = tmp_path / "s.duckdb"
    report = ingest([str(src)], db, workers=2)
    assert (report.stored, report.duplicates) == (12, 1)
    with Store(db, read_only=True) as s:
        assert s.con.execute("SELECT article_id FROM article_sources WHERE kind = 'exact'").fetchall() == [("a3",)]
