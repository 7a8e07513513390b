"""Readers: files, directories, archives and streams → ``Article`` or ``InputError``, one item at a time.

    for item in iter_inputs(["news/", "feed.jsonl.gz", "-"]):
        ...  # an Article, or an InputError that becomes one row in ``rejects``

Kinds are told by the file name (after a ``.gz`` suffix, which is decompressed): ``.jsonl``/``.ndjson``/
``.json`` one JSON object a line; ``.csv``/``.tsv`` a header row then one article a row; ``.html``/``.htm``
an HTML page (main text, title and date by trafilatura); anything else one plain-text article. ``-`` is
JSONL on stdin. Records carry ``id``, ``text``, ``date``, ``title``, ``url``; other fields go to ``meta``.

Nothing here raises for bad input: an empty file, a binary file, an undecodable line, a broken JSON or
CSV row each become an ``InputError`` with a reason, and the good items around them are still read.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from accord.clean import without_surrogates
from accord.errors import InputError
from accord.types import Article

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FIELDS = ("id", "text", "date", "title", "url")

MAX_HTML_BYTES = 20_000_000
MAX_HTML_DEPTH = 1_000  # real pages nest < 100 deep; lxml and trafilatura recurse on the tree
CSV_FIELD_LIMIT = 2**31 - 1  # a long article is one field; the csv module's default is 128 KiB

# single-byte encodings charset-normalizer names for Western text; cp1252 is the likeliest of them
_WESTERN = re.compile(r"^(cp125\d|windows_125\d|latin_1|iso8859_\d+|mac_\w+|cp850|cp437)$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


# ------------------------------------------------------------------------------------------- entry point


def iter_inputs(paths: Iterable[str], default_date: str | None = None) -> Iterator[Article | InputError]:
    """Every article (or reject) in ``paths``, in a stable order: arguments as given, directories sorted."""
    files: list[tuple[str, Path, Path]] = []  # (argument, root, file)
    for arg in paths:
        if arg == "-":
            files.append((arg, Path("."), Path("-")))
            continue
        if is_url(arg):
            yield from _read_url(arg, default_date)
            continue
        p = Path(arg)
        if p.is_dir():
            files += [(arg, p, f) for f in sorted(p.rglob("*")) if f.is_file() and not _hidden(f, p)]
        else:
            files.append((arg, p.parent, p))
    stems = Counter(_stem(f) for _, _, f in files)
    for arg, root, f in files:
        if arg == "-":
            yield from read_jsonl(sys.stdin.buffer, "stdin", default_date)
            continue
        if not f.exists():
            yield InputError(str(f), "", "no such file or directory")
            continue
        # one article per file is named by the file; the relative path when two files share a name
        ident = _stem(f) if stems[_stem(f)] == 1 else _relative(f, root)
        yield from read_file(f, ident, default_date)


def estimate_count(paths: Iterable[str]) -> int | None:
    """A cheap upper bound on the number of items in ``paths`` (for a progress bar); None for stdin or URLs."""
    total = 0
    for arg in paths:
        if arg == "-" or is_url(arg):
            return None
        p = Path(arg)
        files = [f for f in sorted(p.rglob("*")) if f.is_file()] if p.is_dir() else [p]
        for f in files:
            kind = _kind(f)
            if kind in ("jsonl", "csv"):
                try:
                    with _open(f) as fh:
                        total += sum(1 for line in fh if line.strip())
                except (OSError, EOFError, gzip.BadGzipFile):
                    total += 1
            else:
                total += 1
    return total


def read_file(path: Path, ident: str, default_date: str | None = None,
              opener: Callable[[], BinaryIO] | None = None, src: str | None = None) -> Iterator[Article | InputError]:
    """The items of one file; ``ident`` names a one-article file (plain text, HTML).

    ``opener`` (default: the local file, gunzipped when it is gzip) opens the bytes; remote files
    (fsspec URLs) come in through it, with ``path`` a PurePosixPath of their name and ``src`` the URL.
    """
    src = src or str(path)
    kind = _kind(path)
    opener = opener or (lambda: _open(path))
    if kind == "jsonl":
        any_item = False
        try:
            with opener() as fh:
                for item in read_jsonl(fh, src, default_date):
                    any_item = True
                    yield item
        except (OSError, EOFError, gzip.BadGzipFile, ValueError) as exc:
            yield InputError(src, "", f"cannot read: {exc}")
            return
        if not any_item:  # an empty JSONL file is a reject like any other empty file, not silence
            yield InputError(src, "", "empty file")
        return
    try:
        with opener() as fh:
            raw = fh.read()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield InputError(src, "", f"cannot read: {exc}")
        return
    if not raw.strip():
        yield InputError(src, "", "empty file")
        return
    text, encoding, problem = decode(raw)
    if problem:
        yield InputError(src, "", problem)
        return
    if not text.strip():  # a byte-order mark and blanks, nothing else
        yield InputError(src, "", "empty file")
        return
    meta: dict[str, Any] = {} if encoding == "utf-8" else {"encoding": encoding}
    if kind == "csv":
        yield from read_csv(text, src, default_date, delimiter="\t" if ".tsv" in path.suffixes else ",", meta=meta)
    elif kind == "html":
        yield read_html(text, src, ident, default_date, meta=meta)
    else:
        yield Article(id=ident, text=text, date=default_date, title=_first_line(text), source=src, meta=meta)


# ----------------------------------------------------------------------------------------------- decoding


def decode(raw: bytes) -> tuple[str, str, str | None]:
    """``(text, encoding, problem)``: UTF-8, else the single-byte encoding the bytes point to.

    ``problem`` is set (and the text empty) for binary data: NUL bytes, bytes that no text encoding
    explains, or text that is mostly control characters.
    """
    if b"\x00" in raw:
        head = raw[:8192]
        controls = sum(b < 9 or 13 < b < 32 for b in head)
        if controls > 0.02 * len(head):
            return "", "", f"binary file: {controls:,} of the first {len(head):,} bytes are control bytes (NUL included)"
        nul = b"\x00"
        return "", "", f"text contains NUL bytes ({raw.count(nul):,}, the first at byte {raw.index(nul):,})"
    try:
        text, encoding = raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        text, encoding = "", ""
        guess = _guess_encoding(raw)
        if guess is None:
            return "", "", f"binary or undecodable: not UTF-8 ({exc.reason} at byte {exc.start}) and no text encoding fits"
        for candidate in (("cp1252", guess) if _WESTERN.match(guess) else (guess,)):
            try:
                text, encoding = raw.decode(candidate), candidate
                break
            except (UnicodeDecodeError, LookupError):
                continue
        if not encoding:
            return "", "", f"undecodable: not UTF-8 and not {guess}"
    if text and len(_CONTROL.findall(text[:10_000])) > 0.05 * min(len(text), 10_000):
        return "", "", "binary file: mostly control characters"
    return text, encoding, None


def _guess_encoding(raw: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    return best.encoding if best is not None else None


def _decode_line(raw: bytes) -> tuple[str, str | None]:
    """One JSONL line: UTF-8 (the norm), else the fallback above; ``(text, problem)``."""
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        text, _, problem = decode(raw)
        return text, problem


# ---------------------------------------------------------------------------------------------- formats


def read_jsonl(fh: BinaryIO | Iterable[bytes], source: str, default_date: str | None = None) -> Iterator[Article | InputError]:
    """One article per JSON line; blank lines are skipped, each bad line is one InputError."""
    for n, raw in enumerate(fh, 1):
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogatepass")
        if not raw.strip():
            continue
        if b"\x00" in raw:
            yield InputError(source, str(n), "line contains NUL bytes")
            continue
        line, problem = _decode_line(raw)
        if problem:
            yield InputError(source, str(n), problem)
            continue
        yield article_from_json_line(line.strip(), default_date, source, n)


def article_from_json_line(line: str, default_date: str | None, source: str, line_no: int) -> Article | InputError:
    """One JSONL line → an Article (fields id, text, date, title, url; the rest in ``meta``)."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(source, str(line_no), f"malformed JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return InputError(source, str(line_no), "malformed JSON: nested too deep")
    if not isinstance(obj, dict):
        return InputError(source, str(line_no), f"JSON line is {type(obj).__name__}, not an object")
    if _SURROGATE_ESCAPE.search(line):  # "\ud800" alone is valid JSON but not Unicode: spaCy and DuckDB refuse it
        obj = _without_surrogates(obj)
    return article_from_record(obj, default_date, source, str(line_no))


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _without_surrogates(value: Any) -> Any:
    """``value`` (parsed JSON) with every lone surrogate made U+FFFD, one character for one."""
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


def article_from_record(rec: dict[str, Any], default_date: str | None, source: str, item: str) -> Article | InputError:
    """A record with fields id, text, date, title, url (others → ``meta``) → an Article."""
    text = rec.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"{type(text).__name__}, not a string"
        return InputError(source, item, f"field 'text' is {what}")
    if not text.strip():
        return InputError(source, item, "field 'text' is empty")
    meta = {k: v for k, v in rec.items() if k not in FIELDS}
    raw_date = rec.get("date")
    date = normalise_date(raw_date) if raw_date not in (None, "") else None
    if raw_date not in (None, "") and date != raw_date:
        meta.setdefault("date_raw", raw_date)
    ident = rec.get("id")
    ident = str(ident).strip() if ident not in (None, "") else None
    return Article(
        id=ident or content_id(text),
        text=text,
        date=date or default_date,
        title=_str_or_none(rec.get("title")),
        url=_str_or_none(rec.get("url")),
        source=source,
        meta=meta,
    )


def read_csv(text: str, source: str, default_date: str | None = None, delimiter: str = ",",
             meta: dict[str, Any] | None = None) -> Iterator[Article | InputError]:
    """A header row naming the fields, then one article a row; a row that does not fit is one InputError."""
    csv.field_size_limit(CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        yield InputError(source, "1", f"no CSV header row ({exc})" if str(exc) else "no CSV header row")
        return
    if "text" not in header:
        yield InputError(source, "1", f"CSV header has no 'text' column (columns: {', '.join(header)[:200]})")
        return
    rows = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            if not rows:  # a header alone is an empty file: a reject, not silence
                yield InputError(source, "", "empty file: a CSV header and no rows")
            return
        except csv.Error as exc:
            rows += 1
            yield InputError(source, str(reader.line_num), f"malformed CSV row: {exc}")
            continue
        line = str(reader.line_num)
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        if len(row) != len(header):
            yield InputError(source, line, f"CSV row has {len(row)} fields, the header has {len(header)}")
            continue
        item = article_from_record(dict(zip(header, row, strict=True)), default_date, source, line)
        if isinstance(item, Article) and meta:
            item.meta.update(meta)
        yield item


def read_html(html: str, source: str, ident: str, default_date: str | None = None,
              meta: dict[str, Any] | None = None) -> Article | InputError:
    """An HTML page → its main text, title and date (trafilatura); navigation and boilerplate dropped."""
    if len(html) > MAX_HTML_BYTES:
        return InputError(source, "", f"HTML too large: {len(html):,} characters (limit {MAX_HTML_BYTES:,})")
    depth = html_depth(html)
    if depth > MAX_HTML_DEPTH:
        return InputError(source, "", f"HTML nested {depth:,} elements deep (limit {MAX_HTML_DEPTH:,})")
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True)
        body = getattr(doc, "text", None) if doc is not None else None
        if not body:
            body = trafilatura.html2txt(html)
    except RecursionError:
        return InputError(source, "", "HTML nested too deep to parse")
    except Exception as exc:  # a parser failure on one page must not stop a batch
        return InputError(source, "", f"HTML could not be parsed: {exc.__class__.__name__}: {exc}")
    if not body or not body.strip():
        return InputError(source, "", "HTML has no main text")
    title = _str_or_none(getattr(doc, "title", None)) if doc is not None else None
    date = normalise_date(getattr(doc, "date", None)) if doc is not None else None
    url = _str_or_none(getattr(doc, "url", None)) if doc is not None else None
    text = f"{title}\n\n{body}" if title and not body.lstrip().startswith(title) else body
    return Article(id=ident, text=text, date=date or default_date, title=title, url=url, source=source,
                   meta=dict(meta or {}, format="html"))


_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def html_depth(html: str) -> int:
    """The deepest element nesting, counted from the tags alone (no parser, so no recursion)."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or selfclosing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


# ------------------------------------------------------------------------------------------------- dates

_DATE_FORMATS = (
    "%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%d-%b-%Y", "%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y",
    "%b %d, %Y", "%B %d, %Y", "%d.%m.%Y", "%d/%m/%Y", "%a, %d %b %Y",
)


def normalise_date(value: Any) -> str | None:
    """A publication date as YYYY-MM-DD, from ISO dates and datetimes, RFC 2822, "26-FEB-1987 15:01:01.79",
    "Feb 26, 1987", "26 February 1987", 26/02/1987 (day first) and epoch seconds; None if unreadable."""
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return dt.datetime.fromtimestamp(value, tz=dt.UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    s = str(value).strip()
    if not s:
        return None
    try:
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    head = re.split(r"[ T](?=\d{1,2}:\d{2})", s, maxsplit=1)[0].strip().rstrip(",")  # drop a time of day
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(head, fmt).date().isoformat()
        except ValueError:
            continue
    return None


# ----------------------------------------------------------------------------------------------- helpers


def is_url(arg: str) -> bool:
    """An fsspec URL ("s3://bucket/news/", "gs://…", "file:///data/feed.jsonl.gz")."""
    return "://" in arg and not Path(arg).exists()


def _read_url(url: str, default_date: str | None) -> Iterator[Article | InputError]:
    """Every item under an fsspec URL: one file, a folder (recursively) or a glob ("s3://b/news/*.jsonl.gz")."""
    try:
        import fsspec

        fs, path = fsspec.core.url_to_fs(url)
        if any(c in path for c in "*?["):
            names = sorted(fs.glob(path))
        elif fs.isdir(path):
            names = sorted(fs.find(path))
        else:
            names = [path]
    except Exception as exc:  # no such filesystem installed, no credentials, no such bucket …
        yield InputError(url, "", f"cannot read: {exc.__class__.__name__}: {exc}")
        return
    protocol = url.split("://", 1)[0]
    for name in names:
        pure = PurePosixPath(name)
        if pure.name.startswith("."):
            continue

        def opener(name: str = name) -> BinaryIO:
            fh = fs.open(name, "rb")
            return gzip.open(fh, "rb") if name.endswith(".gz") else fh

        yield from read_file(pure, _stem(Path(pure.name)), default_date, opener=opener, src=f"{protocol}://{name}")


def content_id(text: str) -> str:
    """A stable id for an input that has none: the hash of its text."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _open(path: Path) -> BinaryIO:
    with open(path, "rb") as probe:
        magic = probe.read(2)
    return gzip.open(path, "rb") if magic == b"\x1f\x8b" or path.suffix == ".gz" else open(path, "rb")


def _kind(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes if s.lower() != ".gz"]
    last = suffixes[-1] if suffixes else ""
    if last in JSONL_SUFFIXES:
        return "jsonl"
    if last in CSV_SUFFIXES:
        return "csv"
    if last in HTML_SUFFIXES:
        return "html"
    return "text"


def _stem(path: Path) -> str:
    name = path.name[: -len(".gz")] if path.name.endswith(".gz") else path.name
    return Path(name).stem or name


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _first_line(text: str) -> str | None:
    """A plain-text article's title: its first line, when more lines follow and it is short."""
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    return lines[0] if len(lines) > 1 and len(lines[0]) <= 200 else None


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None
