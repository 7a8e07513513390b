"""Candidate sentences: parse only what can yield an event, a quote or a resolved actor.

Most newswire sentences name no political actor ("Net profit rose 12 pct to 4.5 mln dlrs"); parsing
them is most of the cost of coding an article and never yields an event. Before the full pipeline,
accord splits the cleaned text into sentences with a cheap rule (sentence punctuation, blank or
indented lines, and every line break not inside a sentence, :func:`accord.nlp.line_joins`), splits it into words with a regular
expression shaped like spaCy's tokenizer (:func:`words`), scans each sentence's words with the actor
dictionary, and keeps:

* sentences naming an actor (a country, capital, adjective, organisation, leader, group or sector
  word such as "government", "troops", "officials");
* sentences with a quotation mark (a quote's speaker may be named in a later sentence);
* a sentence with a reference word ("he", "they", "its", "both sides", "the ministry") that follows a
  kept sentence, so pronouns keep their antecedent.

An actor sentence (and a follow-on) must also hold a word that can trigger an event (:class:`Triggers`,
built from the verb dictionary): a verb whose every pattern names its objects counts only with one of
them ("held" + talks), and a capitalised word inside a sentence is a name ("March", "Trade Minister"),
not an act.

Every other sentence is blanked — its characters replaced by spaces, line breaks kept — so the text
the parser sees has exactly the same length and every character offset of every event, quote and
amount still indexes the original text. A blanked sentence becomes a single whitespace token, which
costs the parser almost nothing.

    kept = candidates(text, actors, words)   # [(start, end), ...] of kept sentences
    masked = blank(text, kept)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from accord.actors import ActorDictionary
from accord.nlp import line_joins

# A sentence ends at . ! ? (with closing quotes/brackets) before whitespace and a capital, digit or quote.
_END = re.compile(r"""[.!?]["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_QUOTES = frozenset('"“”«»')
REFERENCE_WORDS = frozenset({
    "he", "she", "him", "his", "her", "they", "them", "their", "it", "its", "we", "our", "us",
})
# Pronouns whose referent the parse needs: a sentence naming no actor of its own that acts through one of
# these is parsed with the latest sentence that names an actor.
BACK_PRONOUNS = frozenset({"he", "she", "him", "they", "them", "it"})
REFERENCE_PAIRS = frozenset({("both", "sides"), ("both", "countries"), ("two", "sides"), ("two", "countries"),
                             ("the", "ministry"), ("the", "government"), ("the", "president"), ("the", "minister"),
                             ("the", "regime"), ("the", "leader"), ("the", "country")})


def _refers_back(words: list[str]) -> bool:
    low = [w.lower() for w in words]
    return any(w in REFERENCE_WORDS for w in low) or any(p in REFERENCE_PAIRS for p in zip(low, low[1:], strict=False))


def sentences(text: str) -> list[tuple[int, int]]:
    """Cheap sentence spans: sentence punctuation, and every line break that is not inside a sentence
    (paragraph breaks, titles, list items; see :func:`accord.nlp.line_joins`)."""
    joins = line_joins(text)
    breaks = {m.end() for m in _END.finditer(text) if not _abbreviation(text, m.start())}
    breaks.update(m.start() for m in re.finditer("\n", text) if m.start() not in joins)
    spans = []
    start = 0
    for b in sorted(breaks) + [len(text)]:
        if b <= start:
            continue
        chunk = text[start:b]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((start + lead, start + len(chunk.rstrip())))
        start = b
    return spans


_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen", "rep", "rev",
    "st", "no", "vs", "inc", "corp", "co", "ltd", "jr", "sr", "jan", "feb", "mar", "apr", "aug", "sept",
    "sep", "oct", "nov", "dec", "pres", "prof", "dept", "ft", "mt", "est", "approx", "fig",
})


_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}(?![A-Za-z])"  # U.S., U.N.
    # Mr., Gen., Corp. (the lookahead first: a cheap test that fails at almost every position)
    rf"|(?=[A-Za-z]{{1,{max(map(len, _ABBREVIATIONS))}}}\.)"
    r"(?i:" + "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")\.(?=\s|$)"
    # words; numbers with their decimal points and commas; a hyphen or slash next to a digit does not split
    # ("G-7", "7-3/4", "1986-87"), one between letters does ("Soviet-made")
    r"|[^\W_]+(?:(?:[.,]|-(?=[0-9]))[0-9][^\W_]*|(?<=[0-9])[-/][^\W_]+)*"
    r"|['’]s\b|n['’]t\b"  # possessive, negation
    r"|\S"  # any other character
)


def _abbreviation(text: str, dot: int) -> bool:
    """Is the period at ``dot`` part of "U.N.", "Mr." or "Gen." rather than a sentence end?"""
    if text[dot] != ".":
        return False
    word = re.search(r"[\w.]*$", text[max(0, dot - 12):dot]).group()
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", word)) or word.lower() in _ABBREVIATIONS


def words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The tokens of ``text[start:end]``, split the way spaCy's English tokenizer splits the words the
    prefilter looks up: "U.S." and "Mr." whole, "Iran's" as "Iran" + "'s", "Soviet-made" as "Soviet" +
    "-" + "made", "G-7" whole, punctuation on its own. A regular expression, about eight times faster than
    the tokenizer. The two rarely disagree where it matters: over all 19,043 Reuters-21578 articles they
    choose the same candidate sentences but for 2 fewer and 91 more of 39,044 ("U.S.-based" is one spaCy
    token, two words here).
    """
    return _TOKEN.findall(text, start, len(text) if end is None else end)


def candidates(text: str, actors: ActorDictionary, tokenize: Callable[[str, int, int], list[str]] = words,
               triggers: Triggers | frozenset[str] | None = None) -> list[tuple[int, int]]:
    """The spans of the sentences worth parsing (see the module docstring).

    ``tokenize(text, start, end)`` gives the tokens of one sentence (:func:`words`).

    With ``triggers`` (see :func:`trigger_words`) a sentence must also contain a word that can trigger an
    event: a sentence naming "U.S." but no act ("U.S. interest rates were steady") is not parsed.
    """
    if isinstance(triggers, frozenset):
        triggers = Triggers(triggers)
    kept: list[tuple[int, int]] = []
    named_before = False
    spans = sentences(text)
    tokens = [tokenize(text, s, e) for s, e in spans]
    # a sector word ("the ministry", "officials") is an actor of the article's country when it names one
    names = [_names_actor(words, actors) for words in tokens]
    # an article that names no country, organisation, group or leader anywhere in several sentences is
    # business or local news: there a sector word or an unknown name alone is not worth a parse. A snippet
    # of a few sentences has no such context to judge by, and costs little: every candidate is parsed.
    any_named = any(names) or len(spans) < 4
    last_named: tuple[int, int] | None = None  # the latest sentence that names an actor
    chosen: set[tuple[int, int]] = set()  # kept, for a look-up that stays constant on long articles
    for (s, e), words, has_name in zip(spans, tokens, names, strict=True):
        chunk = text[s:e]
        # any actor: a dictionary name, a sector of the state ("police", "officials": their country may
        # come from elsewhere, or stay unknown), or a name the dictionaries do not know
        named = has_name or (any_named and (_names_actor(words, actors, sectors=True) or _proper_name(words)))
        acts = triggers is None or triggers.found_in(words)
        # violence is reported from the victims' side, often with no one named ("three people were killed")
        violent = triggers is not None and bool(triggers.violent) and any(w.lower() in triggers.violent for w in words)
        keep = bool(_QUOTES & set(chunk)) or (named and acts) or (violent and acts)
        if not keep and named_before and acts:
            keep = _refers_back(words)
        if keep:
            # "it", "the minister", "he" refer back: the sentence that names them is parsed too, else the
            # reference has nothing to resolve to (Reuters: most events lost to the prefilter were these)
            if (last_named is not None and last_named not in chosen and not has_name
                    and any(w.lower() in BACK_PRONOUNS for w in words)):
                bisect.insort(kept, last_named)
                chosen.add(last_named)
            kept.append((s, e))
            chosen.add((s, e))
        named_before = named or (keep and named_before)
        if named:
            last_named = (s, e)
    return kept


@dataclass(frozen=True, slots=True)
class Triggers:
    """Surface forms of the words that can trigger an event, built from the verb dictionary.

    ``words`` fire alone; a form in ``paired`` fires only with one of its objects in the same sentence
    ("held" needs "talks" or "meeting": ``hold`` is a pattern only with those objects).
    """

    words: frozenset[str]
    paired: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # forms that trigger only as verbs: after "the", "a", "its" ... they are nouns ("the trade deficit",
    # "its support") and no verb pattern can fire on them
    verb_only: frozenset[str] = frozenset()
    # forms of acts of force (CAMEO 17-20): a sentence with one is parsed even when it names no one
    violent: frozenset[str] = frozenset()

    def found_in(self, tokens: list[str]) -> bool:
        """Does a sentence of these tokens hold a trigger?

        Only a word in lower case counts, or the sentence's first word, or any word of a headline or an
        all-caps line: a capitalised word inside a sentence is a name ("March", "United States", "Finance
        Minister", "Stock Exchange"), never the act itself.
        """
        words = [w for w in tokens if w[:1].isalpha()]
        if not words:
            return False
        # a headline ("Iran Attacks Kuwaiti Tanker"): no final stop, every word but short ones capitalised
        headline = (len(words) > 1 and tokens[-1] not in (".", "!", "?")
                    and all(w[:1].isupper() for w in words if len(w) > 3))
        acts = {w.lower() for i, w in enumerate(words) if (i == 0 or headline or not w[:1].isupper() or w.isupper())
                and not (i > 0 and words[i - 1].lower() in DETERMINERS and w.lower() in self.verb_only)}
        if "march" in acts and _dated_march(tokens):
            acts.discard("march")
        if acts & self.words:
            return True
        objects = {w.lower() for w in words}  # an object may be a name: "blocked the Europe Bridge"
        return any(objects & self.paired[w] for w in acts if w in self.paired)


def _dated_march(tokens: list[str]) -> bool:
    """Is every "March" of the sentence the month of a date ("Pay March 31", "on 3 March", "March 1987")?"""
    marks = [i for i, w in enumerate(tokens) if w.lower() == "march"]
    return all((i + 1 < len(tokens) and tokens[i + 1][:1].isdigit()) or (i > 0 and tokens[i - 1][:1].isdigit())
               for i in marks)


# Irregular past forms of the event verbs (regular ones are generated).
_IRREGULAR = {
    "meet": ["met"], "fight": ["fought"], "strike": ["struck", "stricken"], "seek": ["sought"],
    "beat": ["beaten"], "take": ["took", "taken"], "give": ["gave", "given"], "send": ["sent"],
    "hold": ["held"], "lead": ["led"], "break": ["broke", "broken"], "shoot": ["shot"], "win": ["won"],
    "begin": ["began", "begun"], "bring": ["brought"], "buy": ["bought"], "sell": ["sold"], "hit": ["hit"],
    "cut": ["cut"], "put": ["put"], "set": ["set"], "lend": ["lent"], "swear": ["swore", "sworn"],
    "speak": ["spoke", "spoken"], "tell": ["told"], "say": ["said"], "go": ["went", "gone"],
    "undertake": ["undertook", "undertaken"], "withdraw": ["withdrew", "withdrawn"], "forgive": ["forgave", "forgiven"],
    "blow": ["blew", "blown"], "throw": ["threw", "thrown"], "fly": ["flew", "flown"], "freeze": ["froze", "frozen"],
    "slay": ["slew", "slain"], "seek ": [], "lay": ["laid"], "pay": ["paid"], "hang": ["hung", "hanged"],
    "drive": ["drove", "driven"], "overrun": ["overran"], "shake": ["shook", "shaken"], "stand": ["stood"],
    "keep": ["kept"], "feel": ["felt"], "see": ["saw", "seen"], "show": ["shown"], "ring": ["rang", "rung"],
    "leave": ["left"], "sit": ["sat"], "draw": ["drew", "drawn"], "write": ["wrote", "written"],
    "withhold": ["withheld"], "unfreeze": ["unfroze", "unfrozen"], "flee": ["fled"],
    "build": ["built"], "rebuild": ["rebuilt"], "catch": ["caught"], "choose": ["chose", "chosen"],
    "deal": ["dealt"], "feed": ["fed"], "forbid": ["forbade", "forbidden"], "get": ["got", "gotten"],
    "hide": ["hid", "hidden"], "lose": ["lost"], "make": ["made"], "overthrow": ["overthrew", "overthrown"],
    "rise": ["rose", "risen"], "shut": ["shut"], "sink": ["sank", "sunk"], "spend": ["spent"],
    "steal": ["stole", "stolen"], "tear": ["tore", "torn"], "retake": ["retook", "retaken"],
    "uphold": ["upheld"], "oversee": ["oversaw", "overseen"], "bind": ["bound"], "bear": ["bore", "borne"],
    "forgo": ["forwent", "forgone"], "forsake": ["forsook", "forsaken"], "mislead": ["misled"],
    "outrun": ["outran"], "bid": ["bid"], "spread": ["spread"], "split": ["split"],
    "cast": ["cast"], "beset": ["beset"], "come": ["came"], "sweep": ["swept"], "find": ["found"],
    "burn": ["burnt"], "quit": ["quit", "quitting", "quitted"], "overcome": ["overcame"],
}


def _inflections(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "ban" → "banned"
    forms |= set(_IRREGULAR.get(lemma, []))
    return forms


def trigger_words(verbs) -> Triggers:
    """Every surface form of a word that can trigger an event: pattern verbs and nouns, control words
    (not the weak ones, which need a coded complement anyway), criticism predicates, obligation modals.
    A verb or noun whose every pattern names its objects ("hold" + talks, meeting, …) is paired with
    those objects. Report verbs ("said") are not triggers by themselves."""
    weak = {w for w, f in verbs.families.items() if w in f.weak}  # "seek" is weak intent but a plain appeal
    alone: set[str] = {"must", "should"}
    for lemma in (set(verbs.families) - weak) | set(verbs.criticism_words):
        alone |= _inflections(lemma.lower())
    nominal = {f for lemma in (set(verbs.nouns) | set(verbs.families) | set(verbs.criticism_words))
               for f in _inflections(lemma.lower())}
    verb_only = {f for lemma in verbs.verbs for f in _inflections(lemma.lower())} - nominal
    paired: dict[str, set[str]] = {}
    for table in (verbs.verbs, verbs.nouns):
        for lemma, patterns in table.items():
            forms = _inflections(lemma.lower())
            # a phrasal pattern ("rise up", "come out") needs its particle in the sentence, as an object would
            if any(p.objects is None and not getattr(p, "particle", None) for p in patterns):
                alone |= forms
                continue
            objects = {f for p in patterns for o in (p.objects or ()) for f in _inflections(str(o).lower())}
            objects |= {str(p.particle).lower() for p in patterns if p.objects is None and getattr(p, "particle", None)}
            for form in forms:
                paired.setdefault(form, set()).update(objects)
    alone -= PREPOSITION_FORMS
    violent = {f for table in (verbs.verbs, verbs.nouns) for lemma, patterns in table.items()
               if any(p.code[:2] in ("17", "18", "19", "20") and p.objects is None for p in patterns)
               for f in _inflections(lemma.lower())} & alone
    return Triggers(frozenset(alone), {w: frozenset(o) for w, o in paired.items()
                                       if w not in alone and w not in PREPOSITION_FORMS}, frozenset(verb_only),
                    frozenset(violent))


# Words after which a word is a noun: "the support", "a decline", "its trade" (not "that", "her": "the
# party that supports", "helped her win").
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "our", "my", "your", "every", "each", "any", "no"})


# Inflections of event words that are (almost always) prepositions: "according to" is not "accord".
PREPOSITION_FORMS = frozenset({"according"})


_NAMED = frozenset({"country", "adjective", "demonym", "capital", "metonym", "igo", "group", "leader"})


# Capitalised words inside a sentence that are not names of actors.
_NOT_NAMES = frozenset({
    "I", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Reuters", "AP", "AFP",
    "Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "The", "A", "An", "In", "On", "At", "It", "He", "She",
})


def _proper_name(words: list[str]) -> bool:
    """A capitalised word that is not a weekday, month or title: an unknown name ("Lagumdzija", "the
    Electoral Commission") that may act or be acted on. The first word counts unless it is a function
    word ("The", "After"), since every sentence starts with a capital."""
    if any(w[:1].isupper() and w[1:2].islower() and w not in _NOT_NAMES for w in words[1:]):
        return True
    return bool(words) and words[0][:1].isupper() and words[0].lower() not in _STOP_WORDS and words[0] not in _NOT_NAMES


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


_STOP_WORDS = _stop_words()


def _names_actor(words: list[str], actors: ActorDictionary, sectors: bool = False) -> bool:
    """A named actor: a country, capital, adjective, organisation, group or leader; with ``sectors`` also a
    sector word ("officials", "troops"), which takes its country from elsewhere in the article."""
    lemmas = [w.lower()[:-1] if sectors and w.lower().endswith("s") and len(w) > 3 else w.lower() for w in words]
    for i, w in enumerate(words):
        if not sectors and not w[:1].isupper():
            continue
        hit = actors.match_at(words, i, lemmas if sectors else None)
        if hit is not None and any(e.kind in _NAMED or (sectors and e.role in STATE_SECTORS) for e in hit[1]):
            return True
    return False


# Sectors of the state and its challengers: "the ministry said", "troops attacked". Business, media or
# civilian words ("the company", "banks", "workers") alone are too common in newswire to be worth a
# parse; with a named actor in the sentence they are parsed anyway.
STATE_SECTORS = frozenset({"GOV", "MIL", "REB", "COP", "OPP", "LEG", "JUD", "SPY", "RAD", "PTY"})


def blank(text: str, kept: list[tuple[int, int]]) -> str:
    """``text`` with every character outside ``kept`` spans turned into a space (line breaks stay)."""
    out = list(re.sub(r"[^\n]", " ", text))
    for s, e in kept:
        out[s:e] = text[s:e]
    return "".join(out)
