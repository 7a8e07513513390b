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
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

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
    # names of countries and their people that are also words: "a polish firm" is, "the poles" are not
    "afghani", "kiwi", "kiwis", "papal", "pontifical", "poles", "polish", "reunion", "jersey", "mann", "male",
    "saba",
})


# Of those, the countries: capitalised in a headline they keep their capital ("Israel And Jordan Sign Treaty").
COMMON_COUNTRY_WORDS = frozenset({"china", "turkey", "chad", "jordan", "georgia", "guinea", "niger", "mali", "peru",
                                  "cuba", "wales"})


# Country-like acronyms that are also English words: restored only where the word cannot be meant.
_US_NOUNS = frozenset({
    "president", "presidents", "government", "administration", "officials", "official", "troops", "forces",
    "military", "army", "navy", "air", "marines", "embassy", "envoy", "envoys", "ambassador", "diplomats",
    "diplomat", "secretary", "state", "department", "senator", "senators", "senate", "congress", "treasury",
    "sanctions", "dollar", "dollars", "intelligence", "delegation", "negotiators", "lawmakers", "authorities",
    "warplanes", "drones", "drone", "strikes", "strike", "soldiers", "soldier", "citizens", "citizen",
    "defence", "defense", "commander", "commanders", "allies", "ally", "policy", "vice", "justice", "court",
    "supreme", "federal", "central", "attorney", "special", "national", "coast", "border", "customs", "trade",
    "election", "elections", "economy", "companies", "firms", "banks", "bank", "officer", "officers", "aid",
})
# "us-led", "un-backed", "eu-brokered", "us-made": a participle after a hyphen
_PARTICIPLE = re.compile(r"-([^\W\d_]+)")
_PARTICIPLES = frozenset({"run", "made", "born", "built", "bound", "wide"})
# Days are always names; months too, but "march", "may" and "august" only next to a number ("on may 5")
DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MONTHS = frozenset({"january", "february", "april", "june", "july", "september", "october", "november",
                    "december"})
MONTH_WORDS = frozenset({"march", "may", "august"})
# Words before a place name and after it: "in pulwama", "the mayor of iguala", "gadchiroli district"
PLACE_BEFORE = frozenset({"in", "at", "near", "from", "outside", "of", "across", "to", "into", "inside", "around"})
PLACE_AFTER = frozenset({"district", "districts", "province", "state", "region", "division", "county", "governorate",
                         "city", "town", "village", "tehsil", "taluk", "sub-division", "area", "valley", "camp"})

# Nouns before a person's name: "spokesman bahram qassemi", "sp rakesh sharma" (abbreviations without stops)
TITLE_NOUNS = frozenset({
    "president", "minister", "spokesman", "spokeswoman", "spokesperson", "leader", "chief", "commander",
    "governor", "mayor", "secretary", "ambassador", "envoy", "senator", "king", "queen", "prince", "princess",
    "judge", "activist", "journalist", "lawmaker", "mp", "mla", "mlc", "legislator", "superintendent", "inspector",
    "commissioner", "director", "chairman", "chairperson", "chairwoman", "premier", "chancellor", "sheikh",
    "ayatollah", "imam", "cleric", "bishop", "colonel", "captain", "lieutenant", "sergeant", "constable", "mr",
    "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "prof", "sen", "gov", "brig", "adm", "shri", "smt", "sp",
    "dsp", "ssp", "sho", "igp", "dgp", "sarpanch",
})
# first words of leaders' names that are titles or everyday words, no first name
_NOT_GIVEN = frozenset({"general", "crown", "mullah", "captain", "sir", "emperor", "lord", "sultan", "lady", "master",
                        "commodore", "marshal", "mufti", "field", "alpha", "song", "ban", "baby", "don", "senior",
                        "per", "man", "saw", "than", "win", "min", "sweet", "flight", "grand", "said", "prosper",
                        "islam", "frank", "guy", "dean", "jack", "penny", "sandy", "amber", "marine", "porter", "tip",
                        "the", "and", "for", "new", "former", "acting", "deputy", "vice", "first", "late", "saint"})
# words after "the polish" that show the noun ("the polish on her nails"), not the country
_NOT_AFTER_POLISH = PLACE_BEFORE | frozenset({"and", "or", "is", "was", "has", "had", "that", "which", "for", "on",
                                              "with", "by", "will", "would", "can", "could", "dried", "wore"})
# Words before a country's name that a country-word's other sense does not take: "talks with china"
_COUNTRY_BEFORE = frozenset({"in", "to", "from", "into", "across", "inside", "with", "against", "between",
                             "visit", "visits", "visited", "visiting"})
# Country names that are words too: the country before a possessive or an office ("china's", "polish troops"),
# after a preposition ("in turkey") or paired with a name ("nigeria and guinea")
_COUNTRY_WORD_FORMS = {w: w.capitalize() for w in (*COMMON_COUNTRY_WORDS, "polish")}

_TOKEN = re.compile(r"[^\W_]+(?:\.[^\W_]+)*\.?")


def fold(word: str) -> str:
    """Lower case without accents ("São" → "sao"), the key a lower-cased, ASCII-typed text is looked up by."""
    low = word.lower()
    if low.isascii():
        return low
    return "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))


def _key(tokens: Iterable[str]) -> tuple[str, ...]:
    return tuple(fold(t).rstrip(".") for t in tokens)


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Lower-case forms of known names → their written forms, single words and phrases.

    ``places`` are smaller places (districts, towns) restored only where the text frames them as places
    ("in pulwama", "shopian district"); ``acronyms`` are names shared with other things ("CBI": India's
    investigators and Britain's industry lobby) restored only in a sentence that names their country;
    ``countries`` are the countries known names give, for that test."""

    words: dict[str, str] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    longest: int = 1
    places: dict[str, str] = field(default_factory=dict)
    acronyms: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    countries: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    everyday: frozenset[str] = frozenset()  # English words (everyday_words): no person's name after a title
    firsts: frozenset[str] = frozenset()  # the first words of ``phrases``: where no phrase can start, none is sought
    given: frozenset[str] = frozenset()  # known people's first names: "paul volcker", "william rhodes"
    surnames: frozenset[str] = frozenset()  # and their last names, English words some of them ("rhodes")

    @classmethod
    def build(cls, names: Iterable[str], common: frozenset[str] = COMMON_WORDS, *,
              places: Iterable[str] = (), acronyms: Mapping[str, Iterable[str]] | None = None,
              countries: Mapping[str, Iterable[str]] | None = None, everyday: frozenset[str] = frozenset(),
              proper: Iterable[str] | None = None, people: Iterable[str] = ()) -> NameIndex:
        """``proper``: words always written with a capital (default: :func:`proper_words`), kept even
        where they are English words too ("muslim", "european"); ``people``: names of known people, whose
        first and last words show a person's name in a text ("paul volcker", "agnes callamard")."""
        words: dict[str, str] = {fold(w): w for w in (proper_words() if proper is None else proper)}
        phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        for name in names:
            toks = tuple(_TOKEN.findall(name))
            if not toks or not any(c.isupper() for c in name):
                continue
            low = _key(toks)
            if len(toks) == 1:
                if low[0] not in common and len(low[0]) > 2 and toks[0].lower() != toks[0]:
                    words.setdefault(low[0], toks[0])
            else:
                phrases.setdefault(low, toks)
        small = {}
        for name in places:
            low = fold(name)
            if low not in words and low not in common and name[:1].isupper() and _TOKEN.fullmatch(name):
                small.setdefault(low, name)
        acr = {fold(a): (a, frozenset(cs)) for a, cs in (acronyms or {}).items() if fold(a) not in words}
        wanted = frozenset().union(*(cs for _, cs in acr.values()))  # only the acronyms' countries are asked for
        by_key: dict[tuple[str, ...], set[str]] = {}
        for name, cs in (countries or {}).items():
            if not wanted.isdisjoint(cs):
                by_key.setdefault(_key(_TOKEN.findall(name)), set()).update(wanted.intersection(cs))
        longest = max((len(k) for k in phrases), default=1)
        given, surnames = set(), set()
        for name in people:
            toks = _TOKEN.findall(name)
            if len(toks) < 2 or not all(t[:1].isupper() and t.isalpha() and len(t) > 2 for t in (toks[0], toks[-1])):
                continue
            given.add(fold(toks[0]))
            surnames.add(fold(toks[-1]))
        # a title ("sheikh", "king") or an everyday word that is somebody's name ("will", "song") shows no person
        not_names = TITLE_NOUNS | common | _NOT_GIVEN
        return cls(words, phrases, longest, small, acr, {k: frozenset(v) for k, v in by_key.items() if k}, everyday,
                   frozenset(k[0] for k in phrases), frozenset(given - not_names), frozenset(surnames - not_names))


@cache
def proper_words() -> tuple[str, ...]:
    """The written forms of ``data/proper_words.txt``: continents, religions, peoples, languages, agencies."""
    text = resources.files("accord").joinpath("data/proper_words.txt").read_text(encoding="utf-8")
    return tuple(w for line in text.splitlines() if (w := line.split("#", 1)[0].strip()))


def everyday_words(nlp) -> frozenset[str]:
    """English words from the spaCy pipeline's lemmatizer tables (WordNet lemmas and irregular forms) and
    its stop words: a gazetteer name among them ("police" is a town in Poland, "of" one in Turkey) is no
    name to restore from lower case. Empty when the pipeline has no rule lemmatizer."""
    from accord.nlp import lemma_words

    words = lemma_words(nlp, ("lemma_index", "lemma_exc"))
    if not words:
        return frozenset()
    return words | frozenset(getattr(nlp.Defaults, "stop_words", ()))  # "of", "the": no WordNet lemmas


_SUFFIXES = (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("er", ""), ("ers", ""),
             ("ly", ""), ("ies", "y"), ("ied", "y"))
_ENDINGS = tuple({suf for suf, _ in _SUFFIXES})


def is_everyday(word: str, everyday: frozenset[str]) -> bool:
    """``word`` or the stem of a regular inflection of it is an English word ("barking" → "bark")."""
    w = fold(word)  # "Comé" and "Hīt" are typed "come" and "hit"
    if w in everyday:
        return True
    return w.endswith(_ENDINGS) and any(w.endswith(suf) and w[:-len(suf)] + rep in everyday for suf, rep in _SUFFIXES)


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


def _case_like(chars: list[str], start: int, token: str, form: str) -> None:
    """Raise the letters of ``token`` (at ``start``) that ``form`` writes in capitals; only the case changes."""
    if len(form) != len(token):  # "U.S." for "u.s" (a full stop stripped), else only the first capital
        form = form[:len(token)] if form.rstrip(".") == form[:len(token)] else form[:1]
    for k, c in enumerate(form):
        if c.isupper():
            chars[start + k] = _one(token[k].upper(), token[k])


def recase(text: str, names: NameIndex) -> str:
    """``text`` with capitals restored where it was lower-cased, and title-case headline lines lowered."""
    lower = is_lower_cased(text)
    chars = list(text)
    changed = False
    if lower:
        starts = [0, *sorted(_sentence_lines(text)), len(text) + 1]
        learned: set[str] = set()
        for a, b in zip(starts, starts[1:], strict=False):  # a wrapped paragraph as one: "the world\nbank"
            _restore(text, chars, a, b - 1, names, learned)
        _raise_all(text, chars, learned)
        _spelled_acronyms(text, chars, names)
        _bodies(text, chars)
        _companies(text, chars)
        _after_dateline(text, chars)
        return "".join(chars)
    for line in re.finditer(r"[^\n]+", text):
        if not _LOWER_WORD.search(line.group()) and _headline(line.group()):
            _lower_headline(text, chars, line.start(), line.end(), names)
            changed = True
    return "".join(chars) if changed else text


# abbreviations whose full stop ends no sentence ("gen. ali", "u.s. troops" is a name with dots)
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "prof", "st", "no",
                            "jr", "sr", "rep", "sen", "gov", "inc", "co", "corp", "ltd", "vs", "brig", "adm", "rev",
                            "hon", "sh", "smt", "shri", "dy", "insp", "const"})


def _sentence_lines(text: str) -> frozenset[int]:
    """The offsets of the lines of a lower-cased ``text`` that begin a sentence whatever the line before
    ended with: lines after a paragraph break, and lines after a short line (a headline, a dateline).

    A wrapped line goes on its sentence ("... would do well to delay it because of the stock's\nrecent
    poor performance"): its first word keeps its lower case unless the line before ended a sentence,
    and a name may run over the break ("the world\nbank")."""
    from accord.nlp import SHORT_LINE, hard_wrapped, line_joins

    if "\n" not in text:
        return frozenset()
    joins = line_joins(text)
    lines = text.split("\n")
    # text wrapped throughout breaks sentences only at paragraphs; elsewhere a short line is a title
    short = 0 if hard_wrapped(text) else SHORT_LINE * max(len(line.strip()) for line in lines)
    opens, end = set(), 0
    for line in lines[:-1]:
        end += len(line) + 1
        if end - 1 not in joins or len(line.strip()) < short:
            opens.add(end)
    return frozenset(opens)


def _raise_all(text: str, chars: list[str], words: set[str]) -> None:
    """Capitalise every occurrence of ``words`` in ``text`` (whole words)."""
    if not words:
        return
    for m in re.finditer(r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, words))) + r")(?![\w-])", text):
        chars[m.start()] = _one(text[m.start()].upper(), text[m.start()])


def _restore(text: str, chars: list[str], start: int, end: int, names: NameIndex,
             learned: set[str] | None = None) -> None:
    """Restore the capitals of the lines ``text[start:end]``, which begin a sentence. ``learned`` collects
    the words this text shows to be names that are names only here: the surname of a known person
    ("dilson funaro" → "funaro said"), a name after a title ("minister subroto"), a place framed as one
    ("in pulwama" → "pulwama police")."""
    learned = set() if learned is None else learned
    toks = [(m.start(), m.group()) for m in _TOKEN.finditer(text, start, end)]
    keys = list(_key(t for _, t in toks))
    i = sid = 0
    sentence_start = True
    seen: dict[int, set[str]] = {}  # sentence → countries its names give
    pending: list[tuple[int, int, str, str, frozenset[str]]] = []  # acronyms waiting for their country
    while i < len(toks):
        s, w = toks[i]
        n = 0 if names.firsts and keys[i] not in names.firsts else next(
            (n for n in range(min(names.longest, len(toks) - i), 1, -1) if tuple(keys[i:i + n]) in names.phrases), 0)
        if n:
            key = tuple(keys[i:i + n])
            for (ts, tw), f in zip(toks[i:i + n], names.phrases[key], strict=True):
                _case_like(chars, ts, tw, f)
            last, form = toks[i + n - 1][1], names.phrases[key][-1]
            if form[:1].isupper() and _name_like(last, names):
                learned.add(last)
            seen.setdefault(sid, set()).update(names.countries.get(key, ()))
            i += n
            sentence_start = _ends_sentence(text, *toks[i - 1])
            sid += sentence_start
            continue
        bare = w.rstrip(".")
        low = fold(bare)
        form = names.words.get(low) or _in_context(text, toks, i, low, names)
        if form is not None:
            _case_like(chars, s, bare, form)
            seen.setdefault(sid, set()).update(names.countries.get((low,), ()))
            if low not in names.words and _name_like(bare, names):
                learned.add(bare)
        elif sentence_start and w[:1].isalpha():
            chars[s] = _one(w[0].upper(), w[0])
        if form is None and low in names.acronyms:
            pending.append((sid, s, bare, *names.acronyms[low]))
        sentence_start = _ends_sentence(text, s, w)
        sid += sentence_start
        i += 1
    for sid, s, bare, form, countries in pending:
        if seen.get(sid, set()) & countries:
            _case_like(chars, s, bare, form)
    if toks and toks[0][1][:1].isalpha():
        chars[toks[0][0]] = _one(chars[toks[0][0]].upper(), chars[toks[0][0]])


# a government body named for its field: "the ministry of home affairs", "the department of education"
_BODY = re.compile(r"(?<![\w-])(?:ministry|department|office|bureau|directorate|commission|secretariat) of "
                   r"([a-z]+)(?:( and [a-z]+)| (affairs|security|development|welfare|relations|resources|services"
                   r"|planning|protection))?(?![\w-])")
_NOT_FIELDS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
                         "those", "one", "some", "any", "all", "each", "every", "no", "which", "what", "whom",
                         "such", "mr", "mrs", "ms", "dr", "inquiry", "inquiries"})


def _bodies(text: str, chars: list[str]) -> None:
    """Capitals for a body named "ministry/department/office/... of <field>": "the Department of Education
    will investigate", "the Ministry of Home Affairs", "the Office of Management and Budget"."""
    for m in _BODY.finditer(text):
        if m.group(1) in _NOT_FIELDS or (m.group(2) and m.group(2)[5:] in _NOT_FIELDS):
            continue
        starts = [m.start(), m.start(1)]
        if m.group(2):
            starts.append(m.start(2) + 5)
        if m.group(3):
            starts.append(m.start(3))
        for k in starts:
            chars[k] = _one(text[k].upper(), text[k])


# a dateline opening the text: "mogadishu, somalia -- a u.s. airstrike" (the dash a dateline needs: after
# "shopian:" the text may go on in lower case)
_LOWER_DATELINE = re.compile(r"\s*[^\W\d_][\w.'’]*(?:[ -][^\W\d_][\w.'’]*){0,3}(?:,\s*[^\W\d_][\w.]*(?: [\w.]+){0,2}){0,3}"
                             r"\s*(?:\([^)\n]{1,40}\))?\s*(?:--|—|–)\s+([^\W\d_])")


def _after_dateline(text: str, chars: list[str]) -> None:
    """A sentence's capital for the first word after a dateline's dash."""
    m = _LOWER_DATELINE.match(text[:120])
    if m:
        chars[m.start(1)] = _one(text[m.start(1)].upper(), text[m.start(1)])


# a company named with its legal form: "dean foods co", "lloyds bank plc", "cabot corp <cbt>"
_COMPANY = re.compile(r"(?<![\w.-])((?:[a-z][a-z&'-]*\.? ){1,3})(co|corp|inc|ltd|plc|llc|bhd|gmbh)(?![\w-])")
_TICKER = re.compile(r"<([a-z][a-z.]{0,6})>")
_NOT_COMPANY = frozenset({"the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "for", "by", "with", "from", "its",
                          "his", "her", "their", "said", "says", "that", "which", "unit", "subsidiary", "shares", "&"})


def _companies(text: str, chars: list[str]) -> None:
    """Capitals for a company's name before its legal form, up to three words back to a function word, a
    verb in the past ("it acquired standard oil co") or a sentence's end, and for a stock ticker in angle brackets."""
    if not any(f in text for f in (" co", " corp", " inc", " ltd", " plc", " llc", " bhd", " gmbh")):
        return
    for m in _COMPANY.finditer(text):
        words = list(re.finditer(r"\S+", text[m.start(1):m.end(1)]))
        keep = []
        for w in reversed(words):
            word = w.group().rstrip(".")
            if (word != w.group() and w.end() < len(m.group(1)) - 1) or word in _NOT_COMPANY or (word.endswith("ed") and word not in _COMPANY_EDS) or word in _SPEECH:
                break
            keep.append(m.start(1) + w.start())
        if not keep:
            continue
        for k in (*keep, m.start(2)):
            chars[k] = _one(text[k].upper(), text[k])
    for m in _TICKER.finditer(text):
        for k in range(m.start(1), m.end(1)):
            chars[k] = _one(text[k].upper(), text[k])


_COMPANY_EDS = frozenset({"united", "allied", "consolidated", "associated", "federated", "limited", "amalgamated"})


# an acronym in brackets after its name: "the national union of mineworkers (num)"
_BRACKETED = re.compile(r"\(([a-z]{2,6})\)")
_NAME_SMALL = frozenset({"of", "the", "and", "for", "on", "de", "du", "des", "la", "le", "el", "al"})
_WORDS_BEFORE = re.compile(r"[^\W\d_]+")


def _spelled_acronyms(text: str, chars: list[str], names: NameIndex) -> None:
    """Capitals for an acronym the text spells out, and for its name: "the national union of mineworkers
    (num)" is "the National Union of Mineworkers (NUM)", and "num" is "NUM" all through the text (where
    it is no English word; "(goes)" spells a satellite, "goes" elsewhere is a verb)."""
    spelled: set[str] = set()
    for m in _BRACKETED.finditer(text):
        acr = m.group(1)
        words = list(_WORDS_BEFORE.finditer(text, max(0, m.start() - 120), m.start()))
        j, used = len(acr) - 1, []
        for w in reversed(words):
            if j < 0:
                break
            if w.group() in _NAME_SMALL:  # "organization of islamic cooperation (oic)": no letter of "of"
                continue
            if w.group()[0] != acr[j]:
                break
            used.append(w)
            j -= 1
        if j >= 0 or len(used) < 2 or text[used[-1].start():m.start()].count("\n\n"):
            continue
        for w in used:
            chars[w.start()] = _one(text[w.start()].upper(), text[w.start()])
        for k in range(m.start(1), m.end(1)):
            chars[k] = _one(text[k].upper(), text[k])
        spelled.add(acr)
    if not spelled:
        return
    for m in re.finditer(r"(?<![\w-])(" + "|".join(sorted(spelled)) + r")(?![\w-])", text):
        # an acronym that is an English word too ("goes") only after "the" or before "'s"; WordNet lists
        # abbreviations ("nrc", "usda") as words, and one without a vowel is none
        acr = m.group(1)
        if is_everyday(acr, names.everyday) and re.search(r"[aeiouy]", acr) and not (
                text[max(0, m.start() - 4):m.start()] == "the " or text[m.end():m.end() + 2] in ("'s", "’s")):
            continue
        for k in range(m.start(), m.end()):
            chars[k] = _one(text[k].upper(), text[k])


def _ends_sentence(text: str, start: int, token: str) -> bool:
    end = start + len(token)
    after = text[end:end + 4].lstrip(")]\"'”’")  # "(num).", "he said (in full)."
    if after[:1] in ("!", "?") or (after[:1] == "." and len(after) < len(text[end:end + 4])):
        return True
    # "lakeland, fla., group" and "foley (d-wash.) has urged": a full stop before a comma or inside
    # brackets is an abbreviation's
    if text[end:end + 1] in (",", ")", ";"):
        return False
    return token.endswith(".") and "." not in token[:-1] and token[:-1].lower() not in _ABBREVIATIONS


def _gap(text: str, a: tuple[int, str], b: tuple[int, str]) -> str:
    return text[a[0] + len(a[1]):b[0]]


def _in_context(text: str, toks: list[tuple[int, str]], i: int, low: str, names: NameIndex) -> str | None:
    """The written form of a word that is a name only in some contexts: days and months, "us", "eu" and
    "un", and the smaller places of ``names.places``; None where the word is not a name here."""
    s, w = toks[i]
    prev = toks[i - 1] if i and _gap(text, toks[i - 1], toks[i]).strip() == "" else None
    nxt = toks[i + 1] if i + 1 < len(toks) and _gap(text, toks[i], toks[i + 1]).strip() == "" else None
    after = text[s + len(w):s + len(w) + 40]
    if low in DAYS or low in MONTHS:
        return low.capitalize()
    if low in MONTH_WORDS:
        near = [t[1] for t in (prev, nxt) if t]
        return low.capitalize() if any(t[:1].isdigit() for t in near) else None
    if low in ("us", "eu", "un", "uk"):
        if after.startswith("-"):  # "us-led", "un-backed", "us-china": no pronoun takes a hyphen
            m = _PARTICIPLE.match(after)
            part = fold(m.group(1)) if m else ""
            named = part in names.words or part in COMMON_COUNTRY_WORDS  # "us-china", "eu-turkey"
            return low.upper() if part.endswith("ed") or part in _PARTICIPLES or named else None
        if low != "us":
            return low.upper() if w == low else None  # "eu", "un", "uk" are no English words
        if (prev and prev[1].lower() == "the") or (nxt and nxt[1].lower().rstrip(".") in _US_NOUNS):
            return "US"
        return None
    if low in _COUNTRY_WORD_FORMS:
        office = nxt is not None and nxt[1].lower().rstrip(".") in _US_NOUNS
        possessive = low != "polish" and after[:2] in ("'s", "’s")
        placed = low != "polish" and prev is not None and prev[1].lower() in _COUNTRY_BEFORE  # "to polish"
        # "the polish head of state", "the polish national bank": the verb takes no article, the noun
        # ("the polish on the table") is followed by a preposition, a verb or nothing
        placed = placed or (low == "polish" and prev is not None and prev[1].lower() == "the" and nxt is not None
                            and fold(nxt[1]).rstrip(".") not in _NOT_AFTER_POLISH
                            and not _gap(text, toks[i], nxt).strip())
        return _COUNTRY_WORD_FORMS[low] if office or possessive or placed or _paired(toks, i, names) else None
    form = names.places.get(low)
    if form is not None:
        if (prev and prev[1].lower() in PLACE_BEFORE) or (nxt and nxt[1].lower().rstrip(".,") in PLACE_AFTER):
            return form
        # a dateline: "pulwama: police arrested ..." at the start of a line
        line_start = text.rfind("\n", 0, s) + 1
        if not text[line_start:s].strip() and after[:1] in (":", ","):
            return form
    if _after_title(text, toks, i, names) or _before_speech(text, toks, i, names) or _person(text, toks, i, names):
        return w.rstrip(".").capitalize()
    return None


def _person(text: str, toks: list[tuple[int, str]], i: int, names: NameIndex) -> bool:
    """A known first name before a word that is no English word or a known last name, and that word:
    "paul volcker", "agnes callamard", "william rhodes" (a first name that is no English word before a last
    name that is one)."""
    given = names.given
    if not given:
        return False
    w, p = toks[i][1], toks[i - 1][1] if i else ""
    if w not in given and p not in given and (w.isascii() or fold(w) not in given) and (
            p.isascii() or fold(p) not in given):  # a lower-cased ASCII word is its own key
        return False

    def pair(a: int) -> bool:
        if a < 0 or a + 1 >= len(toks) or _gap(text, toks[a], toks[a + 1]).strip():
            return False
        first, last = fold(toks[a][1]).rstrip("."), fold(toks[a + 1][1]).rstrip(".")
        if first not in names.given or toks[a][1].endswith("."):
            return False
        if _name_like(toks[a + 1][1], names):
            return True
        return last in names.surnames and not is_everyday(first, names.everyday)

    return pair(i) or pair(i - 1)


def _paired(toks: list[tuple[int, str]], i: int, names: NameIndex) -> bool:
    """A word joined by "and"/"or" to a known name: "nigeria and guinea", "china or russia"."""
    for conj, other in ((i - 1, i - 2), (i + 1, i + 2)):
        if 0 <= other < len(toks) and toks[conj][1].lower() in ("and", "or"):
            word = fold(toks[other][1]).rstrip(".")
            if word in names.words or word in _COUNTRY_WORD_FORMS:
                return True
    return False


def _name_like(word: str, names: NameIndex) -> bool:
    word = word.rstrip(".")  # "sergeant pablo emilio moncayo."
    return (word.isalpha() and len(word) > 1 and word.islower() and fold(word) not in COMMON_WORDS
            and not is_everyday(word, names.everyday))


def _after_title(text: str, toks: list[tuple[int, str]], i: int, names: NameIndex) -> bool:
    """A word that is no English word, in a run of up to three such words right after a title noun: the
    name of the person the title names ("spokesman bahram qassemi", "sp rakesh kumar said")."""
    if not names.everyday or not _name_like(toks[i][1], names):
        return False
    for j in range(i, max(i - 3, 0), -1):
        if _gap(text, toks[j - 1], toks[j]).strip():
            return False
        before = toks[j - 1][1].lower().rstrip(".")
        if before in TITLE_NOUNS:
            return True
        if not _name_like(toks[j - 1][1], names):
            return False
    return False


# verbs of speech whose subject, when it is no English word, is a person's or an outlet's name
_SPEECH = frozenset({"said", "says", "told", "added", "stated", "warned", "urged", "asked", "announced", "noted",
                     "insisted", "explained", "wrote", "tweeted", "claimed", "alleged", "declared", "replied"})
_BEFORE_NAME = frozenset({",", '"', "“", "'", "‘", "(", ":", "—", "-", "–"})


def _before_speech(text: str, toks: list[tuple[int, str]], i: int, names: NameIndex) -> bool:
    """A word that is no English word in a run of up to three such words right before a verb of speech:
    the speaker ("..., rubens habbema said", "clayton yeutter told reporters"). A one-word run must
    follow a sentence start, a comma, a quote, "and"/"but" or a title ("but pierson warned")."""
    if not names.everyday or not _name_like(toks[i][1], names):
        return False
    j = i
    while j + 1 < len(toks) and j - i < 3 and _name_like(toks[j + 1][1], names) \
            and not _gap(text, toks[j], toks[j + 1]).strip():
        j += 1
    if j + 1 >= len(toks) or _gap(text, toks[j], toks[j + 1]).strip():
        return False
    if toks[j + 1][1].lower().rstrip(".") not in _SPEECH:  # "said."
        return False
    k = i  # the run's first word
    while k > 0 and i - k < 3 and _name_like(toks[k - 1][1], names) and not _gap(text, toks[k - 1], toks[k]).strip():
        k -= 1
    if j - k >= 1:
        return True
    if k == 0:
        return True
    gap = _gap(text, toks[k - 1], toks[k]).strip()
    before = toks[k - 1][1].lower().rstrip(".")
    return (gap[-1:] in _BEFORE_NAME or _ends_sentence(text, *toks[k - 1]) or before in ("and", "but")
            or before in TITLE_NOUNS)


def _lower_headline(text: str, chars: list[str], start: int, end: int, names: NameIndex) -> None:
    """Lower the capital of every word of a headline but the first, known names and acronyms."""
    toks = [(m.start(), m.group()) for m in _TOKEN.finditer(text, start, end) if m.group()[:1].isascii()
            and m.group()[:1].isalpha()]
    i = 1
    while i < len(toks):
        n = next((n for n in range(min(names.longest, len(toks) - i), 1, -1)
                  if _key(t for _, t in toks[i:i + n]) in names.phrases), 0)
        if n:
            i += n  # "Security Council", "Kim Jong Un"
            continue
        s, w = toks[i]
        low = fold(w).rstrip(".")
        if not (w.isupper() or low in names.words or low in COMMON_COUNTRY_WORDS or not w[1:].islower()):
            chars[s] = _one(w[0].lower(), w[0])
        i += 1
