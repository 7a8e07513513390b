"""Property-based tests (hypothesis): the readers and ``process`` on hostile input never raise, and every
span they return is valid for the input text and covers what it claims.

The inputs mix news sentences (so that actors, events, quotes, amounts and places are found) with
arbitrary Unicode, right-to-left text, emoji, control characters, unbalanced quotes, bytes in several
encodings at once, and broken HTML, CSV and JSON lines.

CI runs each property on a few dozen examples (the ``ci`` profile, derandomized so a run is repeatable);
a long local fuzz raises the number of examples a hundredfold and draws new ones on every run:

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_properties.py -q

What it ran and found is in benchmarks/RESULTS.md ("Fuzzing").
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase

from accord.clean import without_surrogates
from accord.errors import InputError
from accord.readers import decode, normalise_date, read_csv, read_file, read_html, read_jsonl
from accord.types import Article, ArticleResult

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
SCALE = 100 if PROFILE == "long" else 1


def fuzz(examples: int, deadline_ms: int | None = 2_000, **kw):
    """``@settings`` for one property: ``examples`` in CI, a hundred times more in the long profile
    (where the deadline goes: one slow example is a finding of its own, timed by the per-article limit)."""
    if PROFILE == "long":
        return settings(max_examples=examples * SCALE, deadline=None, derandomize=False, **kw,
                        database=DirectoryBasedExampleDatabase(os.environ.get("HYPOTHESIS_DB", ".hypothesis")))
    return settings(max_examples=examples, deadline=deadline_ms, derandomize=True, database=None, **kw)


# ------------------------------------------------------------------------------------------ strategies

NEWS = [
    "Iran on Thursday pledged to join the Shanghai Cooperation Organization.",
    '"We will not back down," Russian Foreign Minister Sergei Lavrov said on Monday.',
    "Israeli troops killed three Palestinians in Jenin, the Palestinian health ministry said.",
    "The United States imposed sanctions on Venezuela and froze $2.5 billion of its assets.",
    "Chinese President Xi Jinping met French President Emmanuel Macron in Beijing.",
    "NATO accused Moscow of violating the treaty; Russia denied it.",
    "Protesters clashed with police in Nairobi on Tuesday, and 12 people were injured.",
    "The European Union will provide 50 mln euros in aid to Ukraine, the Commission said.",
    "He said: “the talks failed” and left",
    "U.S. Secretary of State Antony Blinken arrived in Cairo for talks with Egypt's Sisi.",
]
HOSTILE = [
    '"', "“", "”", "«", "»", "'", "‘", "’", '"unbalanced quote opens and never closes', "closes” without opening",
    "الرئيس الإيراني قال إن المحادثات فشلت", "שלום עליכם", "\u202eoverride\u202c", "\u200f\u200e", "\u061c",
    "🇮🇷🇷🇺💥🚀👩‍👩‍👧", "\u200b\u200d\ufeff", "\x00", "\x07\x1b\x7f", "\x85", "\u2028\u2029", "\r\n", "\r", "\t",
    "\n\n", "Mr.", "U.S.", "$", "%", "5%", "1,000,000", "3.5 bln dlrs", "1987", "-", "—", "...", "()", "[[", "<p>",
    "&amp;", "\ud800", "\udfff", "ǅ", "İ", "ß", "ﬁ", "Ⅻ", "٣", "𝟘𝟙", "a\u0301\u0301\u0301", "ARE YOU SURE",
]
fragment = st.one_of(st.sampled_from(NEWS), st.sampled_from(HOSTILE), st.text(max_size=30))
separator = st.sampled_from(["", " ", "\n", "\n\n", " \u00a0", "\t"])


@st.composite
def texts(draw, max_fragments: int = 12) -> str:
    parts = draw(st.lists(st.tuples(fragment, separator), max_size=max_fragments))
    return "".join(f + s for f, s in parts)


def utf8(text: str) -> bytes:
    """UTF-8, a lone surrogate kept as the (invalid) bytes it would be."""
    return text.encode("utf-8", "surrogatepass")


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "koi8-r", "shift_jis", "gb18030", "cp437"]


@st.composite
def raw_bytes(draw) -> bytes:
    """Text in one or several encodings at once, with stray bytes between."""
    pieces = draw(st.lists(st.one_of(
        st.tuples(texts(max_fragments=4), st.sampled_from(ENCODINGS)).map(lambda p: p[0].encode(p[1], "replace")),
        st.binary(max_size=20),
    ), max_size=5))
    return b"".join(pieces)


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | texts(max_fragments=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
record = st.fixed_dictionaries({}, optional={
    "id": st.one_of(st.text(max_size=8), st.integers(), st.none()), "text": st.one_of(texts(), json_value),
    "date": st.one_of(st.text(max_size=20), st.integers(), st.floats(), st.sampled_from(["1987-02-26", "26-FEB-1987 15:01:01.79", "Thu, 26 Feb 1987 10:00:00 GMT", "99999999999999"])),
    "title": json_value, "url": json_value, "extra": json_value,
})


@st.composite
def json_lines(draw) -> bytes:
    """JSONL: good records, records cut short, stray text, non-objects, bytes in other encodings."""
    import json

    lines = []
    for _ in range(draw(st.integers(0, 6))):
        line = json.dumps(draw(record), ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
        how = draw(st.sampled_from(["keep", "keep", "cut", "junk", "array", "bytes"]))
        if how == "cut":
            line = line[: draw(st.integers(0, len(line)))]
        elif how == "junk":
            line = draw(texts(max_fragments=3)).encode("utf-8", "surrogatepass")
        elif how == "array":
            line = b"[" + line + b"]"
        elif how == "bytes":
            line = draw(raw_bytes())
        lines.append(line)
    return draw(st.sampled_from([b"\n", b"\r\n"])).join(lines)


@st.composite
def csv_texts(draw) -> str:
    header = draw(st.sampled_from(["id,text,date", "text", "ID, Text ,Title", "id;text", "", '"text', "title,url"]))
    cell = st.one_of(texts(max_fragments=3), st.sampled_from(['"', '""', '"a,b"', ",", "\n", '"\n"']))
    rows = draw(st.lists(st.lists(cell, max_size=4).map(",".join), max_size=6))
    return "\n".join([header, *rows])


TAGS = ["<html>", "<head>", "<title>", "</title>", "<body>", "<article>", "<p>", "</p>", "<div class='a'>", "</div>",
        "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<br/>", "<img src=x onerror=1>",
        "&amp;", "&#xFFFF;", "&#0;", "&nbsp;", "<meta charset='koi8-r'>", "<time datetime='1987-02-26'>", "</",
        "<", ">", "<p", '"', "<table><tr><td>", "</td></tr></table>", "<h1>", "</h1>", "<svg><math>"]


@st.composite
def html_pages(draw) -> str:
    parts = draw(st.lists(st.one_of(st.sampled_from(TAGS), st.sampled_from(NEWS), fragment), max_size=30))
    depth = draw(st.sampled_from([0, 0, 0, 50, 400]))  # deep nesting, below and near the reader's limit
    return "<div>" * depth + "".join(parts) + "</div>" * draw(st.integers(0, depth))


# ---------------------------------------------------------------------------------------- the checks


def check_item(item: Article | InputError) -> None:
    """What every reader promises of what it yields."""
    assert isinstance(item, Article | InputError)
    if isinstance(item, InputError):
        assert isinstance(item.reason, str) and item.reason.strip()
        return
    assert isinstance(item.id, str) and item.id
    assert isinstance(item.text, str) and item.text.strip()
    if item.date is not None:
        dt.date.fromisoformat(item.date)
    assert item.title is None or isinstance(item.title, str)


def squash(s: str) -> str:
    """Whitespace made single spaces: the coder reads a line break inside a sentence as a space."""
    return " ".join(s.split())


def read_as(text: str) -> str:
    """The text as the coder reads it, offset for offset: lone surrogates made U+FFFD (accord.clean) and
    mojibake repaired ("Ã©" → "é" padded, accord.recase); what events and quotes quote comes from it."""
    from accord.recase import repair_mojibake

    return repair_mojibake(without_surrogates(text))


def valid(span, text: str) -> bool:
    return span is not None and len(span) == 2 and 0 <= span[0] <= span[1] <= len(text)


def check_result(result: ArticleResult, article: Article) -> None:
    """Every span of ``result`` is valid for the article's text and covers what it claims."""
    text = article.text
    read = read_as(text)
    assert isinstance(result, ArticleResult) and result.article is article
    assert result.status in ("coded", "skipped", "error")
    assert not (result.error or "").startswith("internal error"), result.error  # a crash caught by process()
    for e in result.events:
        assert valid(e.span, text), e.span
        if e.trigger:
            assert squash(e.trigger).lower() in squash(read[e.span[0]:e.span[1]]).lower(), (e.trigger, e.span)
        if e.sentence_span is not None:
            s0, s1 = e.sentence_span
            assert valid(e.sentence_span, text) and s0 <= e.span[0] <= e.span[1] <= s1, (e.span, e.sentence_span)
            # case aside: a title-case headline is read with its capitals restored (accord.recase)
            assert squash(e.sentence).lower() in squash(read[s0:s1]).lower(), (e.sentence, text[s0:s1])
        if e.location is not None and e.location.span is not None:
            assert valid(e.location.span, text)
        assert e.confidence is None or 0.0 <= e.confidence <= 1.0
    for q in result.quotes:
        assert valid(q.span, text), q.span
        assert squash(q.text).lower() in squash(read[q.span[0]:q.span[1]]).lower(), (q.text, q.span)
        assert q.speaker_span is None or valid(q.speaker_span, text)
    for a in result.amounts:
        assert valid(a.span, text), a.span
        assert squash(a.text).lower() == squash(read[a.span[0]:a.span[1]]).lower(), (a.text, a.span)
        assert a.event_index is None or 0 <= a.event_index < len(result.events)
    for loc in result.locations:
        assert loc.span is None or valid(loc.span, text), loc.span
    result.to_dict()  # what `accord code` prints can always be built


# -------------------------------------------------------------------------------------------- readers


@fuzz(60)
@given(raw_bytes())
def test_properties_decode_gives_text_or_a_reason(raw: bytes):
    text, encoding, problem = decode(raw)
    assert isinstance(text, str)
    if problem:
        assert text == "" and problem.strip()
    else:
        assert encoding
    try:
        expected = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return
    if not problem:
        assert text == expected  # UTF-8 is read as it is: no repair, so spans index the given text


@fuzz(60)
@given(json_lines())
def test_properties_jsonl_reader_never_raises(data: bytes):
    items = list(read_jsonl(io.BytesIO(data), "feed.jsonl"))
    for item in items:
        check_item(item)
    assert len(items) <= len([x for x in data.splitlines() if x.strip()])


@fuzz(40)
@given(st.lists(st.tuples(st.text(max_size=6), texts()), min_size=1, max_size=4))
def test_properties_jsonl_keeps_every_good_text_exactly(records: list[tuple[str, str]]):
    import json

    good = [(i, t) for i, t in records if t.strip()]
    data = b"\n".join(json.dumps({"id": i, "text": t}).encode() for i, t in records)
    got = [a for a in read_jsonl(io.BytesIO(data), "feed.jsonl") if isinstance(a, Article)]
    assert [a.text for a in got] == [without_surrogates(t) for _, t in good]  # exactly, lone surrogates aside


@fuzz(60)
@given(csv_texts(), st.sampled_from([",", "\t"]))
def test_properties_csv_reader_never_raises(text: str, delimiter: str):
    for item in read_csv(text, "feed.csv", delimiter=delimiter):
        check_item(item)


@fuzz(40, deadline_ms=5_000)
@given(html_pages())
def test_properties_html_reader_never_raises(html: str):
    item = read_html(html, "page.html", "page")
    check_item(item)
    if isinstance(item, Article):
        assert item.meta.get("format") == "html"


@fuzz(40, deadline_ms=5_000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from([".txt", ".jsonl", ".csv", ".tsv", ".html", ".json.gz", ".txt.gz", ""]),
       st.one_of(raw_bytes(), json_lines(), csv_texts().map(utf8), html_pages().map(utf8)),
       st.booleans())
def test_properties_every_file_kind_reads_any_bytes(tmp_path: Path, suffix: str, data: bytes, gzipped: bool):
    # tmp_path is one folder for all examples (hence the health check): each example writes its own file
    path = tmp_path / f"input{suffix}"
    path.write_bytes(gzip.compress(data) if gzipped or suffix.endswith(".gz") else data)
    items = list(read_file(path, "input"))
    assert items, "every file yields at least an article or a reason"
    for item in items:
        check_item(item)
    if suffix == ".txt" and not gzipped and isinstance(items[0], Article):
        assert items[0].text == decode(data)[0]  # a plain-text article is the file's text, as given


@fuzz(60)
@given(st.one_of(st.text(max_size=40), st.integers(), st.floats(), st.none(), st.dates(), st.datetimes(),
                 st.sampled_from(["26-FEB-1987 15:01:01.79", "Feb 26, 1987", "1987-02-30", "0000-00-00", "-1"])))
def test_properties_dates_are_iso_or_none(value):
    got = normalise_date(value)
    assert got is None or dt.date.fromisoformat(got).isoformat() == got


# -------------------------------------------------------------------------------------- process / code


class Warm:
    """The session's resources, shown by a short name in hypothesis's report of a failing example."""

    def __init__(self, res) -> None:
        self.res = res

    def __repr__(self) -> str:
        return "<the session's Resources>"


@pytest.fixture(scope="module")
def warm(resources) -> Warm:
    """The resources, with the lazily loaded parts (calibration, regions) loaded before any deadline runs."""
    from accord.pipeline import process

    process(Article(id="warm", text=NEWS[0] + " " + NEWS[1], date="2022-09-15"), resources)
    return Warm(resources)


@pytest.mark.model
@fuzz(50, deadline_ms=10_000)
@given(texts(max_fragments=16), st.sampled_from([None, "2022-09-15", "1987-02-26", "garbage"]),
       st.booleans(), st.booleans())
def test_properties_process_never_raises_and_its_spans_hold(warm, text: str, date: str | None, any_language: bool,
                                                            prefilter: bool):
    from dataclasses import replace

    from accord.pipeline import process

    # most random text is not English; half the examples are coded anyway, so every stage sees them
    config = replace(warm.res.config, require_english=not any_language, prefilter=prefilter)
    article = Article(id="fuzz", text=text, date=date)
    check_result(process(article, replace(warm.res, config=config)), article)


@pytest.mark.model
@fuzz(30, deadline_ms=10_000)
@given(st.lists(texts(max_fragments=6), min_size=2, max_size=5))
def test_properties_process_many_equals_process_one_by_one(warm, batch: list[str]):
    from accord.pipeline import process, process_many

    articles = [Article(id=str(i), text=t, date="2022-09-15") for i, t in enumerate(batch)]
    together = list(process_many(articles, warm.res))
    assert [r.article.id for r in together] == [a.id for a in articles]
    for result, article in zip(together, articles, strict=True):
        check_result(result, article)
        alone = process(article, warm.res)
        assert [e.to_dict() for e in result.events] == [e.to_dict() for e in alone.events]


@pytest.mark.model
@fuzz(6, deadline_ms=20_000)
@given(st.sampled_from(NEWS + HOSTILE), st.integers(30, 600), st.sampled_from(["", " ", "\n", "\n\n"]))
def test_properties_long_repetitive_text_is_coded(warm, piece: str, times: int, sep: str):
    """Up to ~50,000 characters of one sentence or one character repeated: no crash, spans hold."""
    from accord.pipeline import process

    text = (piece + sep) * times
    assume(text.strip())
    article = Article(id="long", text=text, date="2022-09-15")
    check_result(process(article, warm.res), article)


# ------------------------------------------------------------------------------ regressions found here


def test_properties_regression_empty_jsonl_file_is_a_reject(tmp_path: Path):
    """Found by test_properties_every_file_kind_reads_any_bytes: an empty .jsonl yielded nothing at all,
    where an empty .txt is a reject, so an empty feed vanished without a trace."""
    for name, data in (("feed.jsonl", b""), ("blank.jsonl", b"\n \n"), ("feed.json.gz", gzip.compress(b""))):
        (tmp_path / name).write_bytes(data)
        assert [(e.item, e.reason) for e in read_file(tmp_path / name, "feed")] == [("", "empty file")]


@pytest.mark.model
@pytest.mark.parametrize("text", ["\ud800", "Iran pledged to join the SCO. \udcff", "\udfff\ud800 Russia"])
def test_properties_regression_lone_surrogate_is_coded_not_an_internal_error(warm, text: str):
    """Found by test_properties_process_never_raises_and_its_spans_hold: a lone surrogate (valid JSON as
    "\\ud800", or an undecodable byte of a command-line argument) made spaCy's tokenizer raise
    UnicodeEncodeError, so the article was an "internal error"; accord.clean now reads it as U+FFFD."""
    from dataclasses import replace

    from accord.pipeline import process

    res = replace(warm.res, config=replace(warm.res.config, require_english=False))
    article = Article(id="s", text=text)
    check_result(process(article, res), article)


def test_properties_regression_json_surrogate_escape_becomes_a_replacement_character():
    """The JSONL reader replaces a lone surrogate escape in every field, so the store can encode them."""
    [a] = read_jsonl(io.BytesIO(b'{"id": "x\\ud800", "text": "Iran \\udcff joins", "tags": ["\\uDFFF"]}'), "f")
    assert (a.id, a.text, a.meta["tags"]) == ("x\ufffd", "Iran \ufffd joins", ["\ufffd"])
    assert len(a.text) == len("Iran \udcff joins")


@pytest.mark.model
def test_properties_regression_a_quote_over_a_sentence_the_prefilter_left_out_has_all_its_words(warm):
    """Found by the span properties on the Reuters corpus: a quote running over a sentence that the
    prefilter blanked (no actor, no trigger) came back with a gap of spaces where that sentence was."""
    from accord.pipeline import process

    text = ('Analysts were cautious on Tuesday.\n\n"Iran will not accept the deal. The weather in the city was mild '
            'and sunny all week. Tehran rejected the offer from Washington," Foreign Minister Abbas Araghchi said.')
    article = Article(id="q", text=text, date="2024-01-01")
    result = process(article, warm.res)
    [quote] = result.quotes
    assert "mild and sunny all week. Tehran rejected" in quote.text
    check_result(result, article)


def test_properties_regression_a_csv_header_alone_is_a_reject(tmp_path: Path):
    """Found by the long fuzz (test_properties_every_file_kind_reads_any_bytes): a CSV file with a header
    and no rows yielded nothing, so it vanished without a trace like the empty JSONL file above."""
    (tmp_path / "feed.csv").write_bytes(b"id,text,date\n\n")
    assert [(e.item, e.reason) for e in read_file(tmp_path / "feed.csv", "feed")] == [
        ("", "empty file: a CSV header and no rows")]


@pytest.mark.model
def test_properties_regression_an_amount_links_to_an_event_that_is_kept(warm):
    """Found by the long fuzz: amounts were linked to the events before those without an actor were
    dropped, so an amount's event_index could point past the end of the events (or at the wrong one)."""
    from dataclasses import replace

    from accord.pipeline import process

    text = ('""We will not back down," Russian Foreign Minister Sergei Lavrov said on Monday.Israeli troops killed '
            'three Palestinians in Jenin, the Palestinian health ministry said.')
    res = replace(warm.res, config=replace(warm.res.config, prefilter=False))
    article = Article(id="fuzz", text=text)
    result = process(article, res)
    [amount] = [a for a in result.amounts if a.text == "three Palestinians"]
    assert result.events[amount.event_index].trigger == "killed"
    check_result(result, article)


def test_properties_regression_a_byte_order_mark_alone_is_an_empty_file(tmp_path: Path):
    """Found by the long fuzz: a file of a UTF-8 byte-order mark (and blanks) became an article of no text."""
    for name in ("bom.txt", "bom.csv", "bom.html"):
        (tmp_path / name).write_bytes(b"\xef\xbb\xbf \n")
        assert [(e.item, e.reason) for e in read_file(tmp_path / name, "bom")] == [("", "empty file")]


@pytest.mark.model
@pytest.mark.parametrize("text", ['"ßالرئيس الإيراني قال إن المحادثات فشلت"', '"ßالرئيس الإيراني قال إن المحادثات فشلت'])
def test_properties_regression_recasing_never_changes_the_length(warm, text: str):
    """Found by the long fuzz: recasing a title-case line upper-cased "ß" to "SS", one character to two,
    so a quote's span ran past the end of the text; a recasing that changes the length is not used."""
    from dataclasses import replace

    from accord.pipeline import process

    res = replace(warm.res, config=replace(warm.res.config, require_english=False))
    article = Article(id="ß", text=text)
    check_result(process(article, res), article)
