"""Cleaning: boilerplate lines out, language in; offsets kept.

``clean(text)`` returns a ``Cleaned`` whose ``text`` has exactly the length of the input, with removed
stretches blanked (each character → a space, newlines kept), so every offset into ``Cleaned.text`` is an
offset into the input text as given.

Two rules remove lines, each a whole line:

1. **Marker lines**: a line that is nothing but a known piece of page furniture — "Related News",
   "Join NewsTrack Whatsapp group", "Advertisement", "Supported by", "Read more", "Click here …",
   share/subscribe/follow lines, copyright lines.
2. **Link lists**: next to a *list* marker ("Related News", "Also read", "Join … group", "More from …"),
   the run of short lines that are not sentences (no final punctuation, not quotes) is a list of links to
   other articles — the related headlines a page prints after its body. The run extends over blank lines
   and stops at the first real sentence. The article's first line (its title) is never removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from accord.types import Span

_SOCIAL = r"(?:share|shares|tweet|email|e-mail|print|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|copy link|comments?)"
# A whole line (stripped, any case) that is one of these is furniture, not article text. Patterns with a
# free tail only count when the line does not read as a sentence (see _is_marker), so "Follow-up talks
# are due." or "Recommended changes include a tax cut." stay in the body.
_LIST_MARKERS = [
    r"related (?:news|articles?|stories|posts|content|coverage|topics|links|reading)",
    r"(?:also read|read also|see also|also see|must read|don'?t miss|recommended(?: for you| stories| reading)?|trending(?: now| news| stories)?)\b.{0,80}",
    r"(?:more (?:news|stories|from|on)|latest (?:news|stories)|top stories|you (?:may|might) also like|popular (?:news|stories|now))\b.{0,60}",
    r"join\b.{0,60}\b(?:whatsapp|telegram|facebook|signal)\b.{0,20}",
    r"(?:read more|read next|continue reading|click here)\b.{0,120}",
]
_PLAIN_MARKERS = [
    r"advertisements?|sponsored(?: content)?|promoted(?: content)?|supported by|ad|story continues below(?: advertisement)?",
    rf"{_SOCIAL}(?:[\s|/·•,:-]+{_SOCIAL})*",
    r"(?:share (?:this|on|via)|follow (?:us|\w+) on)\b.{0,40}",
    r"(?:subscribe|sign up)\b.{0,80}\b(?:newsletter|updates|alerts|channel|today|now|here)",
    r"subscribe",
    r"tags?\s*:.{0,160}",
]
# copyright lines are sentences more often than not ("© 2024 Reuters. All rights reserved.")
_COPYRIGHT = [
    r"(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*(?:\d{4}|by)\b).{0,160}",
    r".{0,120}\ball rights reserved\b.{0,40}",
]
_TAIL = r"\s*[.:!»>→]*$"
_LIST_RE = re.compile(r"^(?:" + "|".join(_LIST_MARKERS) + ")" + _TAIL, re.IGNORECASE)
_PLAIN_RE = re.compile(r"^(?:" + "|".join(_PLAIN_MARKERS) + ")" + _TAIL, re.IGNORECASE)
_COPYRIGHT_RE = re.compile(r"^(?:" + "|".join(_COPYRIGHT) + ")" + _TAIL, re.IGNORECASE)

MAX_LINK_WORDS = 20  # a related headline is short; a body paragraph rarely is
MAX_MARKER_WORDS = 25
_SENTENCE_END = tuple('.!?…"”’\':;)')
_QUOTE_START = tuple('"“‘\'«')

SHORT_TEXT_LETTERS = 20
MIN_CONFIDENCE = 0.8  # below this py3langid is guessing; keep the article as English rather than drop it
LANGID_CHARS = 5_000
ENGLISH_LOOKALIKES = frozenset({"pcm"})
# Words frequent in any English prose and not words of other languages written in Latin letters ("a",
# "in", "is", "was", "die", "to" are). Running English has 15-25% of these; other languages next to none.
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and that for with said it by from has have were would which this its their been".split()
)
ENGLISH_SHARE = 0.12  # of the words, at least ...
ENGLISH_MIN_WORDS = 30  # ... of at least this many, and the text is English without asking py3langid
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    removed: list[str] = field(default_factory=list)
    removed_spans: list[Span] = field(default_factory=list)
    language: str | None = "en"
    language_reason: str | None = None
    is_english: bool = True


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int  # without the line break
    text: str  # stripped

    @property
    def blank(self) -> bool:
        return not self.text


def clean(text: str, title: str | None = None) -> Cleaned:
    """Blank boilerplate lines of ``text`` and tell its language (see the module docstring)."""
    lines = split_lines(text)
    drop = boilerplate_lines(lines, title)
    chars = list(text)
    removed, spans = [], []
    for i in sorted(drop):
        ln = lines[i]
        chars[ln.start : ln.end] = " " * (ln.end - ln.start)
        removed.append(ln.text)
        spans.append((ln.start, ln.end))
    body = without_surrogates("".join(chars))
    language, reason = detect_language(body)
    return Cleaned(text=body, removed=removed, removed_spans=spans, language=language, language_reason=reason,
                   is_english=language == "en")


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """Each lone surrogate (JSON's "\\ud800", a command-line argument's undecodable byte) made U+FFFD, one
    character for one, so offsets hold; spaCy's tokenizer cannot encode a surrogate and would fail."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def split_lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        out.append(_Line(pos, pos + len(content), content.strip()))
        pos += len(raw)
    return out


def boilerplate_lines(lines: list[_Line], title: str | None = None) -> set[int]:
    """Indexes of the lines to remove: marker lines and the link lists next to list markers."""
    first = next((i for i, ln in enumerate(lines) if not ln.blank), None)
    protected = {first} if first is not None else set()
    if title:
        protected |= {i for i, ln in enumerate(lines) if ln.text == title.strip()}
    drop: set[int] = set()
    for i, ln in enumerate(lines):
        if i in protected or ln.blank:
            continue
        kind = marker_kind(ln.text)
        if kind == "list":
            drop.add(i)
            drop |= _link_run(lines, i, -1, protected) | _link_run(lines, i, +1, protected)
        elif kind == "plain":
            drop.add(i)
    return drop


def _link_run(lines: list[_Line], i: int, step: int, protected: set[int]) -> set[int]:
    """From list marker ``i``, the adjacent lines (blank lines skipped) that look like links, up to a sentence."""
    run: set[int] = set()
    j = i + step
    while 0 <= j < len(lines) and j not in protected:
        ln = lines[j]
        if not ln.blank:
            if not (is_link_like(ln.text) or marker_kind(ln.text)):
                break
            run.add(j)
        j += step
    return run


def marker_kind(line: str) -> str | None:
    """"list" for a marker that heads or closes a list of links, "plain" for other furniture, else None."""
    if len(line.split()) > MAX_MARKER_WORDS:
        return None
    if line[0].islower():  # a wrapped line's continuation ("share.", "recommended list, ..."), not furniture
        return None
    if _COPYRIGHT_RE.match(line):
        return "plain"
    sentence = len(line.split()) > 4 and line.rstrip(" :»>→").endswith(_SENTENCE_END)
    if sentence:
        return None
    if _LIST_RE.match(line):
        return "list"
    if _PLAIN_RE.match(line):
        return "plain"
    return None


def is_link_like(line: str) -> bool:
    """A short line that is not a sentence or a quote: a headline, a link, a menu entry."""
    words = line.split()
    return (
        0 < len(words) <= MAX_LINK_WORDS
        and not line.endswith(_SENTENCE_END)
        and not line.startswith(_QUOTE_START)
        and any(c.isalpha() for c in line)
    )


# --------------------------------------------------------------------------------------------- language


@cache
def _identifier():
    """py3langid's identifier: decompressing its model takes 0.7 s, so the built one is kept by
    :mod:`accord.cache` (read back in 0.05 s)."""
    from accord import cache as cache_mod

    digest = cache_mod.key(extra=["py3langid=" + cache_mod.version("py3langid"), *sorted(ENGLISH_LOOKALIKES)],
                           own=False)
    return cache_mod.cached("langid", digest, _build_identifier)


def _build_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # English-based creoles (Nigerian Pidgin) are what plain English newswire tables get mistaken for
    ident.set_languages([lang for lang in ident.labels if lang not in ENGLISH_LOOKALIKES])
    return ident


def detect_language(text: str) -> tuple[str, str]:
    """``(language, reason)``: running English by its function words ("the", "of", "which", ...), anything
    else by py3langid (offline); too little text to tell counts as English."""
    words = _WORD.findall(text[:LANGID_CHARS].lower())
    if len(words) >= ENGLISH_MIN_WORDS:
        share = sum(w in ENGLISH_FUNCTION_WORDS for w in words) / len(words)
        if share >= ENGLISH_SHARE:  # plain running English: the statistical model is 25x slower to agree
            return "en", f"English function words: {share:.0%} of {len(words)} words"
    letters = sum(c.isalpha() for c in text[:LANGID_CHARS])
    if letters < SHORT_TEXT_LETTERS:
        return "en", f"too short to tell ({letters} letters); assumed English"
    sample = " ".join(text[:LANGID_CHARS].split())
    # newswire tables and all-caps headlines read as other languages; case carries no language here
    lang, prob = _identifier().classify(sample.lower() if _mostly_upper(sample) else sample)
    reason = f"py3langid: {lang} ({prob:.2f})"
    if lang == "zxx":  # "no linguistic content": tables of figures
        return "en", reason + ", no running text; assumed English"
    if lang != "en" and prob < MIN_CONFIDENCE:
        return "en", reason + f", below {MIN_CONFIDENCE}; assumed English"
    return lang, reason


def _mostly_upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)
