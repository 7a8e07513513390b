"""Repairs before the parse that keep every character offset: mojibake, lower-cased text, title-case headlines.

spaCy's tagger and entity recogniser lean on capitals: in "police arrested 20 protesters in gujarat" no
name is found, and in "Kenya Recalls Envoy To Uganda" every word is a proper noun. Text decoded with the
wrong codec ("donâ€™t", "Ã©lection") breaks words apart. Each repair here returns a string of exactly the
input's length, so the offsets of every event, quote and amount still index the text as given:

* :func:`repair_mojibake` fixes a word with ftfy and pads it with spaces where the fix is shorter;
* :func:`recase` gives a lower-cased text its sentence capitals and the capitals of the names accord
  knows (countries, capitals, regions, cities, organisations' acronyms, multi-word names of leaders and
  groups), and turns the common words of a title-case headline to lower case.

Only names that are never common words are restored ("china", "turkey", "may" stay lower case).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# Letter pairs that only occur in UTF-8 read as Latin-1 / cp1252.
_MOJIBAKE = re.compile(r"[ÃÂâÐÑØÙ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")
_WORD = re.compile(r"\S+")


def repair_mojibake(text: str) -> str:
    """``text`` with each mis-decoded word fixed (ftfy) and padded with spaces to its old length."""
    if not _MOJIBAKE.search(text):
        return text
    import ftfy

    out = []
    last = 0
    for m in _WORD.finditer(text):
        word = m.group()
        if not _MOJIBAKE.search(word):
            continue
        fixed = ftfy.fix_text(word, uncurl_quotes=False, normalization="NFC")
        if len(fixed) > len(word) or fixed == word:
            continue
        out.append(text[last:m.start()])
        out.append(fixed + " " * (len(word) - len(fixed)))
        last = m.end()
    out.append(text[last:])
    return "".join(out)


# Names that are also common words: never capitalised from lower case.
COMMON_WORDS = frozenset({
    "china", "turkey", "chad", "jordan", "georgia", "guinea", "niger", "may", "march", "bush", "rice", "brown",
    "king", "young", "long", "major", "page", "price", "hope", "hill", "grant", "gates", "case", "cook", "rich",
    "will", "bill", "mark", "mali", "peru", "cuba", "wales", "sun", "gore", "bolton", "park", "moon", "law",
    "dole", "kerry", "power", "love", "white", "black", "green", "rose", "lima", "nice", "reading", "split",
    "mobile", "sale", "bath", "wells", "victoria", "un", "us", "it", "am", "is", "ai", "as",
    # cities of 200,000 people or more (the gazetteer) whose names are everyday words: "a man was arrested"
    "man", "van", "oral", "mango", "batman", "bole", "bade", "saga", "nada", "pest", "paradise", "centurion",
    "cypress", "archway", "commonwealth", "buffalo", "mesa", "sari", "queens", "regina", "derby", "cork",
    "aurora", "phoenix", "chandler", "garland", "riverside", "samba", "tamale", "erode", "warder", "bimbo",
    "mantilla", "manta", "carrefour", "americana", "natal", "salvador", "kota", "serra", "santos", "gilbert",
    "irving", "lincoln", "kennedy", "madison", "austin", "charlotte", "florence", "richmond", "hamilton",
    "kingston", "windsor", "surrey", "norfolk", "plymouth", "reno", "miri", "tanga", "toyota", "fuji",
})


# Of those, the countries: capitalised in a headline they keep their capital ("Israel And Jordan Sign Treaty").
COMMON_COUNTRY_WORDS = frozenset({"china", "turkey", "chad", "jordan", "georgia", "guinea", "niger", "mali", "peru",
                                  "cuba", "wales"})


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Lower-case forms of known names → their written forms, single words and phrases."""

    words: dict[str, str] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    longest: int = 1

    @classmethod
    def build(cls, names: Iterable[str], common: frozenset[str] = COMMON_WORDS) -> NameIndex:
        words: dict[str, str] = {}
        phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        for name in names:
            toks = tuple(name.split())
            if not toks or not any(c.isupper() for c in name):
                continue
            low = tuple(t.lower() for t in toks)
            if len(toks) == 1:
                if low[0] not in common and len(low[0]) > 2 and low[0] != toks[0]:
                    words.setdefault(low[0], toks[0])
            else:
                phrases.setdefault(low, toks)
        longest = max((len(k) for k in phrases), default=1)
        return cls(words, phrases, longest)


_UPPER = re.compile(r"[A-Z]")
_LETTER = re.compile(r"[^\W\d_]")
# a word of four letters or more in lower case: a line holding one is no title-case headline
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{4,}")


def is_lower_cased(text: str) -> bool:
    """Letters but (almost) no capitals: a text lower-cased somewhere on its way."""
    upper = len(_UPPER.findall(text, 0, 20_000))
    if upper > 100:
        return False
    letters = len(_LETTER.findall(text))
    return letters >= 12 and upper <= letters * 0.005


_TITLE_SMALL = frozenset({"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "by", "with", "from",
                          "as", "over", "after", "vs", "amid"})


def _headline(line: str) -> bool:
    """A title-case line: at least three words, every word of four letters or more capitalised."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line)]
    long = [w for w in words if len(w) > 3]
    # a short word in lower case that is not a title's small word ("met", "won") says it is a sentence:
    # "Michael Jordan met Obama." keeps its capitals
    short_lower = any(w[:1].islower() and w.lower() not in _TITLE_SMALL for w in words if len(w) <= 3)
    return len(words) >= 3 and len(long) >= 2 and len(line) < 160 and all(w[:1].isupper() for w in long) \
        and not all(w.isupper() for w in words) and not short_lower


def _one(changed: str, original: str) -> str:
    """A changed case only where it stays one character ("ß".upper() is "SS": offsets would move)."""
    return changed if len(changed) == 1 else original


def _sub(chars: list[str], start: int, form: str) -> None:
    for k, c in enumerate(form):
        chars[start + k] = c


def recase(text: str, names: NameIndex) -> str:
    """``text`` with capitals restored where it was lower-cased, and title-case headline lines lowered."""
    lower = is_lower_cased(text)
    chars = list(text)
    changed = False
    for line in re.finditer(r"[^\n]+", text):
        if lower:
            _restore(text, chars, line.start(), line.end(), names)
            changed = True
        elif not _LOWER_WORD.search(line.group()) and _headline(line.group()):
            _lower_headline(text, chars, line.start(), line.end(), names)
            changed = True
    return "".join(chars) if changed else text


def _restore(text: str, chars: list[str], start: int, end: int, names: NameIndex) -> None:
    toks = [(m.start(), m.group()) for m in re.finditer(r"[\w.'’-]+", text[start:end])]
    toks = [(start + s, w) for s, w in toks]
    i = 0
    sentence_start = True
    while i < len(toks):
        s, w = toks[i]
        hit = False
        for n in range(min(names.longest, len(toks) - i), 1, -1):
            key = tuple(t.lower().rstrip(".") for _, t in toks[i:i + n])
            form = names.phrases.get(key)
            if form is not None:
                for (ts, tw), f in zip(toks[i:i + n], form, strict=True):
                    if len(f) <= len(tw):
                        _sub(chars, ts, f)
                i, hit = i + n, True
                break
        if hit:
            sentence_start = False
            continue
        bare = w.rstrip(".")
        form = names.words.get(bare.lower())
        if form is not None and len(form) == len(bare):
            _sub(chars, s, form)
        elif sentence_start and w[:1].isalpha():
            chars[s] = _one(w[0].upper(), w[0])
        sentence_start = w.endswith((".", "!", "?")) and not names.words.get(bare.lower())
        if not sentence_start and s + len(w) < len(text) and text[s + len(w):s + len(w) + 1] in "!?":
            sentence_start = True
        i += 1
    if toks and toks[0][1][:1].isalpha():
        chars[toks[0][0]] = _one(chars[toks[0][0]].upper(), chars[toks[0][0]])


def _lower_headline(text: str, chars: list[str], start: int, end: int, names: NameIndex) -> None:
    """Lower the capital of every word of a headline but the first, known names and acronyms."""
    toks = [(start + m.start(), m.group()) for m in re.finditer(r"[A-Za-z][\w.'’-]*", text[start:end])]
    i = 1
    while i < len(toks):
        n = next((n for n in range(min(names.longest, len(toks) - i), 1, -1)
                  if tuple(t.lower().rstrip(".") for _, t in toks[i:i + n]) in names.phrases), 0)
        if n:
            i += n  # "Security Council", "Kim Jong Un"
            continue
        s, w = toks[i]
        low = w.lower().rstrip(".")
        if not (w.isupper() or low in names.words or low in COMMON_COUNTRY_WORDS or not w[1:].islower()):
            chars[s] = _one(w[0].lower(), w[0])
        i += 1
