"""Readers: every input format, and every kind of bad input becoming one InputError with a clear reason."""

from __future__ import annotations

import gzip
import io
import json
from itertools import islice
from pathlib import Path

import pytest

from accord.errors import InputError
from accord.readers import decode, html_depth, iter_inputs, normalise_date, read_jsonl

REUTERS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "reuters21578.jsonl.gz"
BODY = "Iran on Thursday pledged to join the Shanghai Cooperation Organization as the summit began."


def read(*paths: Path | str) -> list:
    return list(iter_inputs([str(p) for p in paths]))


def articles(items: list) -> list:
    return [i for i in items if not isinstance(i, InputError)]


def errors(items: list) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


# ------------------------------------------------------------------------------------------- formats


def test_readers_plain_text_is_one_article_named_by_its_file(tmp_path: Path):
    f = tmp_path / "iran-sco.txt"
    f.write_text("Iran to join SCO\n\n" + BODY + "\n", encoding="utf-8")
    [a] = read(f)
    assert (a.id, a.title, a.source) == ("iran-sco", "Iran to join SCO", str(f))
    assert a.text == "Iran to join SCO\n\n" + BODY + "\n"  # as given: spans index into it


def test_readers_same_file_name_twice_uses_relative_paths(tmp_path: Path):
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "story.txt").write_text(BODY, encoding="utf-8")
    assert [a.id for a in read(tmp_path)] == ["a/story.txt", "b/story.txt"]


def test_readers_directories_are_read_recursively_in_sorted_order(tmp_path: Path):
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "c.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(BODY, encoding="utf-8")
    assert [a.id for a in read(tmp_path)] == ["a", "b", "c"]


def test_readers_jsonl_fields_and_meta(tmp_path: Path):
    f = tmp_path / "feed.jsonl"
    rows = [{"id": "x1", "text": BODY, "date": "26-FEB-1987 15:01:01.79", "title": "T", "url": "http://e.org/1",
             "places": ["iran"]}]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    [a] = read(f)
    assert (a.id, a.date, a.title, a.url) == ("x1", "1987-02-26", "T", "http://e.org/1")
    assert a.meta == {"places": ["iran"], "date_raw": "26-FEB-1987 15:01:01.79"}  # raw date kept


def test_readers_jsonl_without_id_gets_a_stable_hash_id(tmp_path: Path):
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"text": BODY}) + "\n", encoding="utf-8")
    assert read(f)[0].id == read(f)[0].id and read(f)[0].id.startswith("sha1:")


def test_readers_csv_with_large_fields_and_extra_columns(tmp_path: Path):
    f = tmp_path / "feed.csv"
    long_text = (BODY + " ") * 5000  # ~450 KB in one field: over the csv module's default limit
    f.write_text('id,text,date,outlet\nc1,"' + long_text + '",2022-09-15,Tasnim\n', encoding="utf-8")
    [a] = read(f)
    assert (a.id, a.date, a.meta, len(a.text)) == ("c1", "2022-09-15", {"outlet": "Tasnim"}, len(long_text))


def test_readers_gzip_of_any_format(tmp_path: Path):
    with gzip.open(tmp_path / "feed.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "text": BODY}) + "\n")
    with gzip.open(tmp_path / "story.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write(BODY)
    assert [a.id for a in read(tmp_path)] == ["g1", "story"]


def test_readers_html_main_text_title_and_date(tmp_path: Path):
    f = tmp_path / "page.html"
    f.write_text(
        "<html><head><title>Talks in Tehran</title><meta name='date' content='2024-08-06'></head><body>"
        "<nav>Home | World | Sports | Subscribe</nav><article><h1>Talks in Tehran</h1>"
        "<p>A Russian delegation arrived in Tehran on Monday for two days of talks on trade and energy.</p>"
        "<p>Iran's foreign minister said Iran wanted to deepen economic cooperation with Russia this year.</p>"
        "<p>The two sides are expected to sign several agreements on Tuesday, officials said.</p></article>"
        "<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>",
        encoding="utf-8",
    )
    [a] = read(f)
    assert (a.id, a.title, a.date) == ("page", "Talks in Tehran", "2024-08-06")
    assert "deepen economic cooperation" in a.text
    assert "Home | World" not in a.text and "All rights reserved" not in a.text


def test_readers_stdin_dash_is_jsonl(monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO((json.dumps({"id": "s1", "text": BODY}) + "\n").encode()))
    monkeypatch.setattr("sys.stdin", stdin)
    [a] = list(iter_inputs(["-"]))
    assert (a.id, a.source) == ("s1", "stdin")


@pytest.mark.skipif(not REUTERS.exists(), reason="../shared/corpora/reuters21578.jsonl.gz is not present")
def test_readers_read_the_reuters_corpus_as_is():
    items = list(islice(iter_inputs([str(REUTERS)]), 200))
    assert len(articles(items)) == 200
    a = items[0]
    assert (a.id, a.date, a.title) == ("reuters-1", "1987-02-26", "BAHIA COCOA REVIEW")
    assert a.meta["places"] == ["el-salvador", "usa", "uruguay"]


# ---------------------------------------------------------------------------------------- bad input


def test_readers_empty_file_is_a_reject(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n")
    assert [(e.item, e.reason) for e in read(tmp_path)] == [("", "empty file"), ("", "empty file")]


def test_readers_binary_file_is_a_reject(tmp_path: Path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    [e] = read(tmp_path)
    assert e.reason.startswith("binary file")


def test_readers_nul_bytes_in_text_are_a_reject(tmp_path: Path):
    (tmp_path / "nul.txt").write_bytes(BODY.encode() * 20 + b"\x00" + BODY.encode())
    [e] = read(tmp_path)
    assert "NUL bytes" in e.reason


def test_readers_undecodable_bytes_are_a_reject():
    raw = bytes(b % 31 + 0x80 for b in range(4000))  # high bytes in no text's pattern
    text, _, problem = decode(raw)
    assert problem and not text


def test_readers_cp1252_bytes_are_decoded_as_cp1252(tmp_path: Path):
    text = "Caf\xe9 owners said on Monday that \u201cprices\u201d rose \u2013 the ministry reported."
    (tmp_path / "cp.txt").write_bytes(text.encode("cp1252"))
    [a] = read(tmp_path)
    assert a.text == text and a.meta["encoding"] == "cp1252"


def test_readers_a_5mb_line_without_spaces_is_read_whole(tmp_path: Path):
    """Read as one article; process() rejects it as too long (see test_ingest)."""
    (tmp_path / "long.txt").write_bytes(b"x" * 5_000_000)
    [a] = read(tmp_path)
    assert len(a.text) == 5_000_000


def test_readers_html_nested_20000_deep_is_a_reject(tmp_path: Path):
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * 20_000 + "x" + "</div>" * 20_000 + "</body></html>")
    [e] = read(tmp_path)
    assert e.reason == "HTML nested 20,002 elements deep (limit 1,000)"
    assert html_depth("<p>a<br>b<img src=x/></p><p>c</p>") == 1


def test_readers_broken_json_lines_among_good_ones(tmp_path: Path):
    f = tmp_path / "feed.jsonl"
    f.write_bytes(b"\n".join([
        json.dumps({"id": "ok1", "text": BODY}).encode(),
        b'{"id": "bad", "text": ',  # cut off
        b"[1, 2, 3]",
        json.dumps({"id": "n", "text": 42}).encode(),  # non-string text
        json.dumps({"id": "ok2", "text": BODY}).encode(),
    ]))
    items = read(f)
    assert [a.id for a in articles(items)] == ["ok1", "ok2"]
    assert [(e.item, e.reason) for e in errors(items)] == [
        ("2", "malformed JSON: Expecting value (column 22)"),
        ("3", "JSON line is list, not an object"),
        ("4", "field 'text' is int, not a string"),
    ]


def test_readers_broken_csv_rows_among_good_ones(tmp_path: Path):
    f = tmp_path / "feed.csv"
    f.write_text(f'id,text,date\nc1,"{BODY}",2022-09-15\nc2,too,many,fields\nc3,,2022-09-15\nc4,"{BODY}",\n',
                 encoding="utf-8")
    items = read(f)
    assert [a.id for a in articles(items)] == ["c1", "c4"]
    assert [(e.item, e.reason) for e in errors(items)] == [
        ("3", "CSV row has 4 fields, the header has 3"),
        ("4", "field 'text' is empty"),
    ]


def test_readers_jsonl_line_with_bad_bytes_is_one_reject():
    lines = [json.dumps({"id": "a", "text": BODY}).encode() + b"\n", b'{"id": "b", "text": "x\x00y"}\n']
    items = list(read_jsonl(lines, "feed.jsonl"))
    assert items[0].id == "a" and items[1].reason == "line contains NUL bytes"


def test_readers_missing_path_is_a_reject(tmp_path: Path):
    [e] = read(tmp_path / "nope.txt")
    assert e.reason == "no such file or directory"


# ---------------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize("raw, iso", [
    ("2022-09-15", "2022-09-15"),
    ("2022-09-15T10:00:00Z", "2022-09-15"),
    ("26-FEB-1987 15:01:01.79", "1987-02-26"),
    ("Thu, 15 Sep 2022 10:00:00 +0000", "2022-09-15"),
    ("September 15, 2022", "2022-09-15"),
    ("15 September 2022", "2022-09-15"),
    ("2022/09/15", "2022-09-15"),
    ("15.09.2022", "2022-09-15"),
    ("yesterday", None),
])
def test_readers_dates_are_normalised(raw, iso):
    assert normalise_date(raw) == iso


def test_readers_read_fsspec_urls_files_folders_and_globs(tmp_path):
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe("/feeds/a.jsonl", b'{"id": "m1", "text": "Iran and Russia signed a deal."}\n')
    fs.pipe("/feeds/sub/b.txt", b"Egypt condemned the attack.")
    ids = sorted(a.id for a in iter_inputs(["memory://feeds"]) if not isinstance(a, InputError))
    assert ids == ["b", "m1"]
    assert [a.id for a in iter_inputs(["memory://feeds/*.jsonl"])] == ["m1"]
    missing = list(iter_inputs(["nosuchfs://x/y.jsonl"]))
    assert len(missing) == 1 and isinstance(missing[0], InputError) and "cannot read" in missing[0].reason
